import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, ListRolePoliciesCommand, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, type AssumeRoleWithWebIdentityCommandInput, type Credentials, type STSClient } from '@aws-sdk/client-sts';
import { githubTrustPolicy, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { RoleDefinition } from '../../../src/sandbox/aws/aws-emulator.ts';
import { anonymousSts, awsError, clientsFor, errorCode, queryCall, STS_AUDIENCE } from './aws-fixture.ts';

let sandbox: Sandbox;
let sts: STSClient;
const roleArn = (name: string) => `arn:aws:iam::${sandbox.accountId}:role/${name}`;
const opened: Array<{ destroy(): void }> = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    managedPolicies: {
      'admin-only': { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::*:role/admin' } },
      'read-only-boundary': {
        Statement: [
          { Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRolePolicies'], Resource: '*' },
          { Effect: 'Deny', Action: 'iam:GetRole', Resource: 'arn:aws:iam::*:role/reader' },
        ],
      },
    },
    roles: (provider): RoleDefinition[] => [
      {
        name: 'reader',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        permissions: { 'read-own-role': { Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::111122223333:role/reader' }] } },
      },
      {
        name: 'deploy',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        maxSessionDuration: 7200,
        permissions: {
          'read-roles': { Statement: [{ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }] },
          'but-not-admin': { Statement: { Effect: 'Deny', Action: 'iam:GetRole', Resource: 'arn:aws:iam::*:role/admin' } },
        },
      },
      { name: 'admin', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/admin:*') },
      {
        name: 'bounded',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        permissions: { everything: { Statement: { Effect: 'Allow', Action: '*', Resource: '*' } } },
        permissionsBoundary: 'arn:aws:iam::111122223333:policy/read-only-boundary',
      },
      {
        name: 'bounded-narrow',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        permissions: { 'read-own-role': { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::111122223333:role/bounded-narrow' } } },
        permissionsBoundary: 'arn:aws:iam::111122223333:policy/read-only-boundary',
      },
    ],
  });
  sts = anonymousSts(sandbox.aws.url);
});
afterAll(async () => {
  for (const client of [sts, ...opened]) client.destroy();
  await sandbox.close();
});

async function credentialsFor(role: string, input: Partial<AssumeRoleWithWebIdentityCommandInput> = {}): Promise<Credentials> {
  const result = await sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roleArn(role),
      RoleSessionName: 'unit-test',
      WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE }),
      DurationSeconds: 900,
      ...input,
    }),
  );
  return result.Credentials!;
}

function clients(credentials: Pick<Credentials, 'AccessKeyId' | 'SecretAccessKey' | 'SessionToken'>) {
  const pair = clientsFor(sandbox.aws.url, credentials);
  opened.push(pair.sts, pair.iam);
  return pair;
}

const notAllowed = (role: string, target: string, why: string, action = 'iam:GetRole') =>
  `User: arn:aws:sts::111122223333:assumed-role/${role}/unit-test is not authorized to perform: ${action} on resource: arn:aws:iam::111122223333:role/${target} ${why}`;

describe('credentials from AssumeRoleWithWebIdentity', () => {
  it('sign GetCallerIdentity, which names the assumed role', async () => {
    const credentials = await credentialsFor('reader');
    const session = sandbox.aws.sessions.find((s) => s.accessKeyId === credentials.AccessKeyId)!;
    const caller = await clients(credentials).sts.send(new GetCallerIdentityCommand({}));
    expect(caller).toMatchObject({ Arn: `arn:aws:sts::${sandbox.accountId}:assumed-role/reader/unit-test`, Account: sandbox.accountId, UserId: session.assumedRoleId });
  });

  it('may call iam:GetRole on their own role, which the role’s permissions allow', async () => {
    const { Role } = await clients(await credentialsFor('reader')).iam.send(new GetRoleCommand({ RoleName: 'reader' }));
    expect(Role).toMatchObject({ RoleName: 'reader', Arn: roleArn('reader'), Path: '/', MaxSessionDuration: 3600 });
    expect(Role?.RoleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(Role?.CreateDate).toBeInstanceOf(Date);
    const trust = JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)) as { Statement: Array<{ Action: string }> };
    expect(trust.Statement[0]!.Action).toBe('sts:AssumeRoleWithWebIdentity');
  });

  it('are denied with AccessDenied what the role’s permissions do not allow', async () => {
    const error = await awsError(clients(await credentialsFor('reader')).iam.send(new GetRoleCommand({ RoleName: 'deploy' })));
    expect(error).toEqual({ name: 'AccessDenied', message: notAllowed('reader', 'deploy', 'because no identity-based policy allows the iam:GetRole action'), status: 403 });
  });

  it('are denied everything by a role without permissions', async () => {
    const error = await awsError(clients(await credentialsFor('admin', { WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE, claims: { sub: 'repo:octo-org/admin:ref:refs/heads/main' } }) })).iam.send(new GetRoleCommand({ RoleName: 'admin' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.message).toContain('because no identity-based policy allows the iam:GetRole action');
  });

  it('lose to an explicit Deny even where an Allow with a wildcard action matches', async () => {
    const iam = clients(await credentialsFor('deploy')).iam;
    await expect(iam.send(new GetRoleCommand({ RoleName: 'reader' }))).resolves.toMatchObject({ Role: { RoleName: 'reader' } });
    expect(await awsError(iam.send(new GetRoleCommand({ RoleName: 'admin' })))).toEqual({
      name: 'AccessDenied',
      message: notAllowed('deploy', 'admin', 'with an explicit deny in an identity-based policy'),
      status: 403,
    });
  });

  it('are told NoSuchEntity for a role that does not exist, once allowed to look', async () => {
    expect(await awsError(clients(await credentialsFor('deploy')).iam.send(new GetRoleCommand({ RoleName: 'ghost' })))).toEqual({
      name: 'NoSuchEntityException',
      message: 'The role with name ghost cannot be found.',
      status: 404,
    });
  });

  it('are told AccessDenied, not NoSuchEntity, for a missing role they may not look at', async () => {
    expect((await awsError(clients(await credentialsFor('reader')).iam.send(new GetRoleCommand({ RoleName: 'ghost' })))).name).toBe('AccessDenied');
  });
});

describe('session policies', () => {
  it('narrow the credentials to what both the role and an inline policy allow', async () => {
    const Policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::*:role/reader' }] });
    const iam = clients(await credentialsFor('deploy', { Policy })).iam;
    await expect(iam.send(new GetRoleCommand({ RoleName: 'reader' }))).resolves.toMatchObject({ Role: { RoleName: 'reader' } });
    expect(await awsError(iam.send(new GetRoleCommand({ RoleName: 'deploy' })))).toEqual({
      name: 'AccessDenied',
      message: notAllowed('deploy', 'deploy', 'because no session policy allows the iam:GetRole action'),
      status: 403,
    });
  });

  it('do not widen the credentials beyond the role’s permissions', async () => {
    const iam = clients(await credentialsFor('reader', { PolicyArns: [{ arn: `arn:aws:iam::${sandbox.accountId}:policy/admin-only` }] })).iam;
    expect((await awsError(iam.send(new GetRoleCommand({ RoleName: 'admin' })))).message).toContain('because no identity-based policy allows');
    expect((await awsError(iam.send(new GetRoleCommand({ RoleName: 'reader' })))).message).toContain('because no session policy allows');
  });

  it('can deny explicitly, and the error names the session policy', async () => {
    const Policy = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:GetRole', Resource: '*' }] });
    const error = await awsError(clients(await credentialsFor('deploy', { Policy })).iam.send(new GetRoleCommand({ RoleName: 'reader' })));
    expect(error).toEqual({ name: 'AccessDenied', message: notAllowed('deploy', 'reader', 'with an explicit deny in a session policy'), status: 403 });
  });

  it('leave the role’s own explicit deny named as identity-based', async () => {
    const Policy = JSON.stringify({ Statement: [{ Effect: 'Deny', Action: 'iam:GetRole', Resource: '*' }] });
    const error = await awsError(clients(await credentialsFor('deploy', { Policy })).iam.send(new GetRoleCommand({ RoleName: 'admin' })));
    expect(error.message).toBe(notAllowed('deploy', 'admin', 'with an explicit deny in an identity-based policy'));
  });
});

describe('permissions boundaries', () => {
  it('let through what both the role’s policies and the boundary allow', async () => {
    const iam = clients(await credentialsFor('bounded')).iam;
    await expect(iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).resolves.toMatchObject({ Role: { RoleName: 'deploy' } });
    await expect(iam.send(new ListRolePoliciesCommand({ RoleName: 'deploy' }))).resolves.toMatchObject({ PolicyNames: ['but-not-admin', 'read-roles'] });
  });

  it('refuse what the role’s policies allow but the boundary does not', async () => {
    const iam = clients(await credentialsFor('bounded')).iam;
    const error = await awsError(iam.send(new PutRolePolicyCommand({ RoleName: 'bounded', PolicyName: 'escalate', PolicyDocument: '{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}' })));
    expect(error).toEqual({
      name: 'AccessDenied',
      message: notAllowed('bounded', 'bounded', 'because no permissions boundary allows the iam:PutRolePolicy action', 'iam:PutRolePolicy'),
      status: 403,
    });
  });

  it('refuse with the boundary’s explicit deny', async () => {
    const error = await awsError(clients(await credentialsFor('bounded')).iam.send(new GetRoleCommand({ RoleName: 'reader' })));
    expect(error).toEqual({ name: 'AccessDenied', message: notAllowed('bounded', 'reader', 'with an explicit deny in a permissions boundary'), status: 403 });
  });

  it('grant nothing themselves: what only the boundary allows stays refused', async () => {
    const iam = clients(await credentialsFor('bounded-narrow')).iam;
    await expect(iam.send(new GetRoleCommand({ RoleName: 'bounded-narrow' }))).resolves.toMatchObject({ Role: { RoleName: 'bounded-narrow' } });
    const error = await awsError(iam.send(new ListRolePoliciesCommand({ RoleName: 'bounded-narrow' })));
    expect(error.message).toBe(notAllowed('bounded-narrow', 'bounded-narrow', 'because no identity-based policy allows the iam:ListRolePolicies action', 'iam:ListRolePolicies'));
  });

  it('must be managed policies the emulator knows', () => {
    const trustPolicy = { Statement: [] };
    expect(() => sandbox.aws.putRole({ name: 'unbounded', trustPolicy, permissionsBoundary: 'arn:aws:iam::111122223333:policy/missing' })).toThrow(
      'role unbounded: permissions boundary arn:aws:iam::111122223333:policy/missing is not a managed policy',
    );
  });
});

describe('authentication of signed calls', () => {
  it('refuses a signature made with the wrong secret', async () => {
    const credentials = await credentialsFor('reader');
    const error = await awsError(clients({ ...credentials, SecretAccessKey: 'x'.repeat(40) }).sts.send(new GetCallerIdentityCommand({})));
    expect(error).toEqual({
      name: 'SignatureDoesNotMatch',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      status: 403,
    });
  });

  it('refuses an access key it never issued, and a session token that does not belong to the key', async () => {
    const credentials = await credentialsFor('reader');
    const invalid = { name: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', status: 403 };
    expect(await awsError(clients({ ...credentials, AccessKeyId: 'ASIAAAAAAAAAAAAAAAAA' }).sts.send(new GetCallerIdentityCommand({})))).toEqual(invalid);
    expect(await awsError(clients({ ...credentials, SessionToken: 'IQoJb3JpZ2luX2Vjforged' }).sts.send(new GetCallerIdentityCommand({})))).toEqual(invalid);
    expect(await awsError(clients({ ...credentials, SessionToken: undefined }).iam.send(new GetRoleCommand({ RoleName: 'reader' })))).toMatchObject({ name: 'InvalidClientTokenId' });
  });

  it('refuses an unsigned call with MissingAuthenticationToken', async () => {
    const response = await queryCall(sandbox.aws.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(response.status).toBe(403);
    expect(errorCode(response.body)).toBe('MissingAuthenticationToken');
    expect(response.body).toContain('Request is missing Authentication Token');
  });

  it('refuses credentials once they expire, by the emulator’s clock', async () => {
    const credentials = await credentialsFor('reader');
    const { sts: signed, iam } = clients(credentials);
    const realNow = sandbox.aws.now;
    try {
      sandbox.aws.now = () => new Date(credentials.Expiration!.getTime() - 1000);
      await expect(signed.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
      // The reported expiry is truncated to the second; a second later the session has surely ended.
      sandbox.aws.now = () => new Date(credentials.Expiration!.getTime() + 1000);
      const expired = { name: 'ExpiredToken', message: 'The security token included in the request is expired', status: 403 };
      expect(await awsError(signed.send(new GetCallerIdentityCommand({})))).toEqual(expired);
      expect(await awsError(iam.send(new GetRoleCommand({ RoleName: 'reader' })))).toMatchObject({ name: 'ExpiredToken', status: 403 });
    } finally {
      sandbox.aws.now = realNow;
    }
  });

  it('end exactly at the Expiration STS reported, not up to a second later', async () => {
    const credentials = await credentialsFor('reader');
    const { sts: signed } = clients(credentials);
    const session = sandbox.aws.sessions.find((s) => s.accessKeyId === credentials.AccessKeyId)!;
    expect(session.expiration.getTime()).toBe(credentials.Expiration!.getTime());
    expect(session.issuedAt.getMilliseconds()).toBe(0);
    const realNow = sandbox.aws.now;
    try {
      sandbox.aws.now = () => new Date(credentials.Expiration!.getTime() - 1);
      await expect(signed.send(new GetCallerIdentityCommand({}))).resolves.toBeDefined();
      sandbox.aws.now = () => new Date(credentials.Expiration!.getTime());
      expect((await awsError(signed.send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken');
    } finally {
      sandbox.aws.now = realNow;
    }
  });

  it('throttles GetCallerIdentity like any STS call, but not IAM calls', async () => {
    const { sts: signed, iam } = clients(await credentialsFor('reader'));
    sandbox.aws.throttle(1);
    try {
      await expect(iam.send(new GetRoleCommand({ RoleName: 'reader' }))).resolves.toBeDefined();
      expect(await awsError(signed.send(new GetCallerIdentityCommand({})))).toEqual({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    } finally {
      sandbox.aws.clearFaults();
    }
  });
});
