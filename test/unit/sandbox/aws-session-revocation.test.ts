// Revoking single sessions of a role the way AWS documents it: a Deny written into the role's inline
// policies, matched on aws:userid or aws:TokenIssueTime, which the emulator honours on every call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { DeleteRolePolicyCommand, GetRoleCommand, PutRolePolicyCommand, type IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, type STSClient } from '@aws-sdk/client-sts';
import { githubTrustPolicy, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { RoleDefinition } from '../../../src/sandbox/aws/aws-emulator.ts';
import { anonymousSts, awsError, clientsFor, STS_AUDIENCE } from './aws-fixture.ts';

const ACCOUNT = '111122223333';
const TARGET_ARN = `arn:aws:iam::${ACCOUNT}:role/target`;
const REVOCATION_POLICY = 'revoked-sessions';
let sandbox: Sandbox;
let sts: STSClient;
let revoker: IAMClient;
const opened: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    roles: (provider): RoleDefinition[] => [
      {
        name: 'revoker',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        permissions: { 'manage-inline-policies': { Statement: { Effect: 'Allow', Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'], Resource: TARGET_ARN } } },
      },
      {
        name: 'target',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        permissions: { 'read-own-role': { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: TARGET_ARN } } },
      },
    ],
  });
  sts = anonymousSts(sandbox.aws.url);
  revoker = (await sessionOf('revoker', 'revoker')).iam;
});
afterEach(async () => {
  await revoker.send(new DeleteRolePolicyCommand({ RoleName: 'target', PolicyName: REVOCATION_POLICY })).catch((error: Error) => {
    if (error.name !== 'NoSuchEntityException') throw error;
  });
});
afterAll(async () => {
  for (const client of [sts, ...opened]) client.destroy();
  await sandbox.close();
});

async function sessionOf(role: string, sessionName: string): Promise<{ userId: string; iam: IAMClient; sts: STSClient }> {
  const result = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
      RoleSessionName: sessionName,
      WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE }),
      DurationSeconds: 900,
    }),
  );
  const clients = clientsFor(sandbox.aws.url, result.Credentials!);
  opened.push(clients.sts, clients.iam);
  return { userId: result.AssumedRoleUser!.AssumedRoleId!, ...clients };
}

const revoke = (condition: Record<string, Record<string, string | string[]>>) =>
  revoker.send(
    new PutRolePolicyCommand({
      RoleName: 'target',
      PolicyName: REVOCATION_POLICY,
      PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: ['*'], Resource: ['*'], Condition: condition }] }),
    }),
  );

const readsOwnRole = (session: { iam: IAMClient }) => session.iam.send(new GetRoleCommand({ RoleName: 'target' }));

const explicitlyDenied = (sessionName: string) => ({
  name: 'AccessDenied',
  message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/target/${sessionName} is not authorized to perform: iam:GetRole on resource: ${TARGET_ARN} with an explicit deny in an identity-based policy`,
  status: 403,
});

describe('a Deny on aws:userid', () => {
  it('refuses the named session’s next call while another session of the role keeps working', async () => {
    const [first, second] = [await sessionOf('target', 'sess-1'), await sessionOf('target', 'sess-2')];
    await expect(readsOwnRole(first)).resolves.toMatchObject({ Role: { RoleName: 'target' } });
    await expect(readsOwnRole(second)).resolves.toMatchObject({ Role: { RoleName: 'target' } });
    expect(first.userId).toMatch(/^AROA[A-Z2-7]{17}:sess-1$/);

    await revoke({ StringEquals: { 'aws:userid': [first.userId] } });

    expect(await awsError(readsOwnRole(first))).toEqual(explicitlyDenied('sess-1'));
    await expect(readsOwnRole(second)).resolves.toMatchObject({ Role: { RoleName: 'target' } });
    // As on AWS, no policy can deny GetCallerIdentity: the session still knows who it is.
    await expect(first.sts.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ UserId: first.userId });
  });

  it('also refuses a later session of the same role under the same name, whose aws:userid is the same', async () => {
    const earlier = await sessionOf('target', 'reused-name');
    await revoke({ StringEquals: { 'aws:userid': earlier.userId } });
    const later = await sessionOf('target', 'reused-name');
    expect(later.userId).toBe(earlier.userId);
    expect(await awsError(readsOwnRole(later))).toEqual(explicitlyDenied('reused-name'));
  });

  it('stops refusing once the Deny is deleted', async () => {
    const session = await sessionOf('target', 'sess-restored');
    await revoke({ StringEquals: { 'aws:userid': session.userId } });
    expect((await awsError(readsOwnRole(session))).name).toBe('AccessDenied');
    await revoker.send(new DeleteRolePolicyCommand({ RoleName: 'target', PolicyName: REVOCATION_POLICY }));
    await expect(readsOwnRole(session)).resolves.toMatchObject({ Role: { RoleName: 'target' } });
  });

  it('matches a StringLike pattern with wildcards against the role ID and session name', async () => {
    const [a, b, other] = [await sessionOf('target', 'run-42-a'), await sessionOf('target', 'run-42-b'), await sessionOf('target', 'run-421-a')];
    const roleId = a.userId.split(':')[0]!;
    await revoke({ StringLike: { 'aws:userid': `${roleId}:run-42-*` } });
    expect(await awsError(readsOwnRole(a))).toEqual(explicitlyDenied('run-42-a'));
    expect(await awsError(readsOwnRole(b))).toEqual(explicitlyDenied('run-42-b'));
    await expect(readsOwnRole(other)).resolves.toMatchObject({ Role: { RoleName: 'target' } });
  });
});

describe('a Deny on aws:TokenIssueTime', () => {
  it('refuses sessions issued before the cutoff, as AWS’s “revoke active sessions” policy does, and not those issued after', async () => {
    const older = await sessionOf('target', 'older');
    await expect(readsOwnRole(older)).resolves.toBeDefined();
    const cutoffMs = Math.floor(Date.now() / 1000) * 1000 + 1000;
    await revoke({ DateLessThan: { 'aws:TokenIssueTime': new Date(cutoffMs).toISOString().replace('.000Z', 'Z') } });

    const realNow = sandbox.aws.now;
    sandbox.aws.now = () => new Date(Date.now() + 2000);
    try {
      const newer = await sessionOf('target', 'newer');
      expect(sandbox.aws.sessions.at(-1)!.issuedAt.getTime()).toBeGreaterThanOrEqual(cutoffMs);
      expect(await awsError(readsOwnRole(older))).toEqual(explicitlyDenied('older'));
      await expect(readsOwnRole(newer)).resolves.toMatchObject({ Role: { RoleName: 'target' } });
    } finally {
      sandbox.aws.now = realNow;
    }
  });

  it('takes the cutoff as seconds since the epoch too', async () => {
    const session = await sessionOf('target', 'epoch');
    await revoke({ DateLessThanEquals: { 'aws:TokenIssueTime': String(Math.floor(Date.now() / 1000)) } });
    expect(await awsError(readsOwnRole(session))).toEqual(explicitlyDenied('epoch'));
  });
});
