import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { githubTrustPolicy, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';

const REGION = 'us-east-1';
const AUDIENCE = 'sts.amazonaws.com';
let sandbox: Sandbox;
let sts: STSClient;
let deployRole: string;
let deniedRole: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    roles: (provider) => [
      {
        name: 'deploy',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        maxSessionDuration: 7200,
        permissions: {
          'read-roles': { Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] },
          'but-not-admin': { Statement: { Effect: 'Deny', Action: 'iam:GetRole', Resource: 'arn:aws:iam::*:role/admin' } },
        },
      },
      { name: 'admin', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/admin:ref:refs/heads/main') },
    ],
  });
  deployRole = `arn:aws:iam::${sandbox.accountId}:role/deploy`;
  deniedRole = `arn:aws:iam::${sandbox.accountId}:role/admin`;
  sts = new STSClient({ region: REGION, endpoint: sandbox.aws.url, maxAttempts: 1 });
});
afterAll(async () => {
  sts.destroy();
  await sandbox.close();
});

async function assume(overrides: Partial<{ RoleArn: string; RoleSessionName: string; DurationSeconds: number; WebIdentityToken: string; Policy: string }> = {}) {
  return sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: deployRole,
      RoleSessionName: 'unit-test',
      WebIdentityToken: overrides.WebIdentityToken ?? (await sandbox.issuer.mint({ audience: AUDIENCE })),
      DurationSeconds: 900,
      ...overrides,
    }),
  );
}

async function stsError(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { name: string; message: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (!error) throw new Error('the call succeeded');
  return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
}

function clientsFor(credentials: Credentials) {
  const identity = { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken! };
  return {
    sts: new STSClient({ region: REGION, endpoint: sandbox.aws.url, credentials: identity, maxAttempts: 1 }),
    iam: new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials: identity, maxAttempts: 1 }),
  };
}

describe('AssumeRoleWithWebIdentity', () => {
  it('returns credentials, the assumed-role user and the token subject, as STS does', async () => {
    const result = await assume({ DurationSeconds: 1800 });
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${sandbox.accountId}:assumed-role/deploy/unit-test`);
    expect(result.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:unit-test$/);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(result.SubjectFromWebIdentityToken).toBe('repo:octo-org/app:environment:production');
    const lifetime = result.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(1790_000);
    expect(lifetime).toBeLessThanOrEqual(1800_000);
  });

  it('refuses a token whose subject the trust policy does not allow', async () => {
    const error = await stsError(assume({ RoleArn: deniedRole }));
    expect(error).toEqual({ name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', status: 403 });
  });

  it('refuses a role that does not exist in the same way, as AWS does', async () => {
    expect((await stsError(assume({ RoleArn: `arn:aws:iam::${sandbox.accountId}:role/nope` }))).name).toBe('AccessDenied');
  });

  it('refuses a token for an audience the provider does not list', async () => {
    const token = await sandbox.issuer.mint({ audience: 'https://github.com/octo-org' });
    expect((await stsError(assume({ WebIdentityToken: token }))).name).toBe('InvalidIdentityTokenException');
  });

  it('refuses a forged or garbled token', async () => {
    expect((await stsError(assume({ WebIdentityToken: await sandbox.issuer.mint({ audience: AUDIENCE, forgeSignature: true }) }))).name).toBe('InvalidIdentityTokenException');
    expect((await stsError(assume({ WebIdentityToken: 'not.a.token' }))).name).toBe('InvalidIdentityTokenException');
  });

  it('refuses an expired token with ExpiredTokenException', async () => {
    const token = await sandbox.issuer.mint({ audience: AUDIENCE, issuedAt: Math.floor(Date.now() / 1000) - 3600 });
    expect((await stsError(assume({ WebIdentityToken: token }))).name).toBe('ExpiredTokenException');
  });

  it.each([
    [899, '1 validation error detected: Value \'899\' at \'durationSeconds\' failed to satisfy constraint: Member must have value greater than or equal to 900 and less than or equal to 43200'],
    [7201, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
  ])('enforces the duration bounds (%p s)', async (seconds, message) => {
    expect(await stsError(assume({ DurationSeconds: seconds }))).toEqual({ name: 'ValidationError', message, status: 400 });
  });

  it.each(['a', 'has space', 'x'.repeat(65), 'semi;colon'])('enforces the session-name syntax (%p)', async (name) => {
    expect((await stsError(assume({ RoleSessionName: name }))).name).toBe('ValidationError');
  });

  it('throttles on demand, then serves again', async () => {
    sandbox.aws.throttle(1);
    expect((await stsError(assume())).name).toBe('Throttling');
    await expect(assume()).resolves.toBeDefined();
  });
});

describe('the issued credentials', () => {
  it('sign GetCallerIdentity and the IAM calls the role allows', async () => {
    const { Credentials } = await assume();
    const clients = clientsFor(Credentials!);
    const caller = await clients.sts.send(new GetCallerIdentityCommand({}));
    expect(caller.Arn).toBe(`arn:aws:sts::${sandbox.accountId}:assumed-role/deploy/unit-test`);
    expect(caller.Account).toBe(sandbox.accountId);
    expect((await clients.iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role?.MaxSessionDuration).toBe(7200);
  });

  it('are denied by an explicit Deny even where an Allow matches', async () => {
    const { Credentials } = await assume();
    const error = await stsError(clientsFor(Credentials!).iam.send(new GetRoleCommand({ RoleName: 'admin' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('is not authorized to perform: iam:GetRole on resource: arn:aws:iam::111122223333:role/admin with an explicit deny');
  });

  it('are narrowed by an inline session policy', async () => {
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::*:role/other' }] });
    const { Credentials } = await assume({ Policy });
    const error = await stsError(clientsFor(Credentials!).iam.send(new GetRoleCommand({ RoleName: 'deploy' })));
    expect(error.message).toContain('because no session policy allows the iam:GetRole action');
  });

  it('are refused with a wrong secret, and once they expire', async () => {
    const { Credentials } = await assume();
    const forged = clientsFor({ ...Credentials!, SecretAccessKey: 'x'.repeat(40) });
    expect((await stsError(forged.sts.send(new GetCallerIdentityCommand({})))).name).toBe('SignatureDoesNotMatch');
    const realNow = sandbox.aws.now;
    sandbox.aws.now = () => new Date(Credentials!.Expiration!.getTime() + 1000);
    try {
      expect((await stsError(clientsFor(Credentials!).sts.send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken');
    } finally {
      sandbox.aws.now = realNow;
    }
  });
});
