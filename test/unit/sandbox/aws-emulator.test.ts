import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleWithWebIdentityCommand, type AssumeRoleWithWebIdentityCommandInput, type STSClient } from '@aws-sdk/client-sts';
import { githubTrustPolicy, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { AwsApiError } from '../../../src/sandbox/aws/query-protocol.ts';
import { anonymousSts, awsError, errorCode, queryCall, STS_AUDIENCE } from './aws-fixture.ts';

const OTHER_AUDIENCE = 'api://ci-oidc-broker';
let sandbox: Sandbox;
let sts: STSClient;
let keyPrefix: string;
const roleArn = (name: string) => `arn:aws:iam::${sandbox.accountId}:role/${name}`;

beforeAll(async () => {
  sandbox = await startSandbox({
    managedPolicies: { 'read-only': { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' } } },
    roles: (provider) => {
      keyPrefix = provider.keyPrefix;
      const trust = (condition: Record<string, Record<string, string | string[]>>) => ({
        Statement: { Effect: 'Allow' as const, Principal: { Federated: provider.arn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition },
      });
      return [
        { name: 'deploy', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'), maxSessionDuration: 7200 },
        { name: 'admin', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/admin:ref:refs/heads/main') },
        { name: 'production-only', trustPolicy: trust({ StringEquals: { [`${provider.keyPrefix}:aud`]: STS_AUDIENCE, [`${provider.keyPrefix}:sub`]: 'repo:octo-org/app:environment:production' } }) },
        { name: 'other-audience', trustPolicy: trust({ StringEquals: { [`${provider.keyPrefix}:aud`]: OTHER_AUDIENCE } }) },
        { name: 'by-repository', trustPolicy: trust({ StringEquals: { [`${provider.keyPrefix}:repository_id`]: '8429' }, StringLike: { 'sts:RoleSessionName': 'ci-*' } }) },
      ];
    },
  });
  // The provider now also accepts a second audience, so that trust policies can be tested on `aud`.
  sandbox.aws.addOidcProvider(sandbox.issuer.url, [STS_AUDIENCE, OTHER_AUDIENCE]);
  sts = anonymousSts(sandbox.aws.url);
});
afterAll(async () => {
  sts.destroy();
  await sandbox.close();
});

async function assume(input: Partial<AssumeRoleWithWebIdentityCommandInput> = {}) {
  return sts.send(
    new AssumeRoleWithWebIdentityCommand({
      RoleArn: roleArn('deploy'),
      RoleSessionName: 'unit-test',
      WebIdentityToken: input.WebIdentityToken ?? (await sandbox.issuer.mint({ audience: STS_AUDIENCE })),
      DurationSeconds: 900,
      ...input,
    }),
  );
}

const ACCESS_DENIED = { name: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity', status: 403 };

describe('AssumeRoleWithWebIdentity on success', () => {
  it('returns the assumed-role user, credentials, the subject, provider and audience, as STS does', async () => {
    const result = await assume({ DurationSeconds: 1800 });
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${sandbox.accountId}:assumed-role/deploy/unit-test`);
    expect(result.AssumedRoleUser?.AssumedRoleId).toMatch(/^AROA[A-Z2-7]{17}:unit-test$/);
    expect(result.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(result.Credentials?.SecretAccessKey).toHaveLength(40);
    expect(result.Credentials?.SessionToken).toMatch(/^IQoJb3JpZ2luX2Vj/);
    expect(result.SubjectFromWebIdentityToken).toBe('repo:octo-org/app:environment:production');
    expect(result.Provider).toBe(`arn:aws:iam::${sandbox.accountId}:oidc-provider/${keyPrefix}`);
    expect(result.Audience).toBe(STS_AUDIENCE);
    expect(result.PackedPolicySize).toBeUndefined();
    const lifetime = result.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(1790_000);
    expect(lifetime).toBeLessThanOrEqual(1800_000);
  });

  it('records the session with the secrets it handed out', async () => {
    const result = await assume({ RoleSessionName: 'recorded' });
    const session = sandbox.aws.sessions.find((s) => s.accessKeyId === result.Credentials!.AccessKeyId);
    expect(session).toMatchObject({
      secretAccessKey: result.Credentials!.SecretAccessKey,
      sessionToken: result.Credentials!.SessionToken,
      roleName: 'deploy',
      sessionName: 'recorded',
      assumedRoleId: result.AssumedRoleUser!.AssumedRoleId,
      subject: 'repo:octo-org/app:environment:production',
      sessionPolicies: [],
    });
  });

  it('lasts an hour when no DurationSeconds is given', async () => {
    const result = await assume({ DurationSeconds: undefined });
    const lifetime = result.Credentials!.Expiration!.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThanOrEqual(3600_000);
  });

  it('accepts the role’s MaxSessionDuration exactly', async () => {
    await expect(assume({ DurationSeconds: 7200 })).resolves.toMatchObject({ AssumedRoleUser: { Arn: expect.stringContaining('assumed-role/deploy/') } });
  });

  it('finds a role by the last part of an ARN with a path', async () => {
    const result = await assume({ RoleArn: `arn:aws:iam::${sandbox.accountId}:role/team/deploy` });
    expect(result.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${sandbox.accountId}:assumed-role/deploy/unit-test`);
  });

  it('reports the packed size of session policies when some are passed', async () => {
    const result = await assume({ PolicyArns: [{ arn: `arn:aws:iam::${sandbox.accountId}:policy/read-only` }] });
    expect(result.PackedPolicySize).toBe(6);
  });
});

describe('AssumeRoleWithWebIdentity trust policies', () => {
  it('refuses a token whose sub a StringLike condition does not match', async () => {
    expect(await awsError(assume({ RoleArn: roleArn('admin') }))).toEqual(ACCESS_DENIED);
  });

  it('holds sub to a StringEquals condition exactly', async () => {
    await expect(assume({ RoleArn: roleArn('production-only') })).resolves.toBeDefined();
    const staging = await sandbox.issuer.mint({ audience: STS_AUDIENCE, claims: { sub: 'repo:octo-org/app:environment:production-eu' } });
    expect(await awsError(assume({ RoleArn: roleArn('production-only'), WebIdentityToken: staging }))).toEqual(ACCESS_DENIED);
  });

  it('holds aud to a StringEquals condition, among the audiences the provider accepts', async () => {
    const forOther = await sandbox.issuer.mint({ audience: OTHER_AUDIENCE });
    await expect(assume({ RoleArn: roleArn('other-audience'), WebIdentityToken: forOther })).resolves.toMatchObject({ Audience: OTHER_AUDIENCE });
    expect(await awsError(assume({ RoleArn: roleArn('other-audience') }))).toEqual(ACCESS_DENIED);
    // githubTrustPolicy requires sts.amazonaws.com, even though the provider also accepts the other audience.
    expect(await awsError(assume({ WebIdentityToken: forOther }))).toEqual(ACCESS_DENIED);
  });

  it('offers GitHub’s claims and the session name as condition keys', async () => {
    await expect(assume({ RoleArn: roleArn('by-repository'), RoleSessionName: 'ci-42' })).resolves.toBeDefined();
    expect(await awsError(assume({ RoleArn: roleArn('by-repository'), RoleSessionName: 'laptop' }))).toEqual(ACCESS_DENIED);
    const otherRepo = await sandbox.issuer.mint({ audience: STS_AUDIENCE, claims: { repository_id: '1' } });
    expect(await awsError(assume({ RoleArn: roleArn('by-repository'), RoleSessionName: 'ci-42', WebIdentityToken: otherRepo }))).toEqual(ACCESS_DENIED);
  });

  it('refuses a role that does not exist, or is in another account, exactly as it refuses an untrusting one', async () => {
    expect(await awsError(assume({ RoleArn: roleArn('nope') }))).toEqual(ACCESS_DENIED);
    expect(await awsError(assume({ RoleArn: 'arn:aws:iam::999988887777:role/deploy' }))).toEqual(ACCESS_DENIED);
    expect(await awsError(assume({ RoleArn: `arn:aws:iam::${sandbox.accountId}:user/deploy` }))).toEqual(ACCESS_DENIED);
  });
});

describe('AssumeRoleWithWebIdentity token checks', () => {
  it('refuses a token for an audience the provider does not list', async () => {
    const token = await sandbox.issuer.mint({ audience: 'https://github.com/octo-org' });
    expect(await awsError(assume({ WebIdentityToken: token }))).toEqual({ name: 'InvalidIdentityTokenException', message: 'Incorrect token audience', status: 400 });
  });

  it('refuses a forged signature', async () => {
    const token = await sandbox.issuer.mint({ audience: STS_AUDIENCE, forgeSignature: true });
    expect(await awsError(assume({ WebIdentityToken: token }))).toEqual({
      name: 'InvalidIdentityTokenException',
      message: 'Couldn\'t verify the signature or claims of the web identity token.',
      status: 400,
    });
  });

  it.each(['garbage', 'not.a.token', 'a.%%%.c'])('refuses %p as not a JWT', async (token) => {
    expect(await awsError(assume({ WebIdentityToken: token }))).toEqual({
      name: 'InvalidIdentityTokenException',
      message: 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)',
      status: 400,
    });
  });

  it('refuses a token from an issuer with no IAM OIDC provider', async () => {
    const token = await sandbox.issuer.mint({ audience: STS_AUDIENCE, claims: { iss: 'https://token.actions.githubusercontent.com' } });
    expect(await awsError(assume({ WebIdentityToken: token }))).toEqual({
      name: 'InvalidIdentityTokenException',
      message: 'No OpenIDConnect provider found in your account for https://token.actions.githubusercontent.com',
      status: 400,
    });
  });

  it('refuses an expired token with ExpiredTokenException, naming its expiry', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 3600;
    const token = await sandbox.issuer.mint({ audience: STS_AUDIENCE, issuedAt });
    const error = await awsError(assume({ WebIdentityToken: token }));
    expect(error.name).toBe('ExpiredTokenException');
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/^Token expired: current date\/time \S+ must be before the expiration date\/time /);
    expect(error.message).toContain(new Date((issuedAt + 300) * 1000).toISOString());
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await sandbox.issuer.mint({ audience: STS_AUDIENCE, issuedAt: Math.floor(Date.now() / 1000) + 3600 });
    expect((await awsError(assume({ WebIdentityToken: token }))).name).toBe('InvalidIdentityTokenException');
  });

  it('follows the issuer’s key rotation, and refuses tokens signed with a retired key', async () => {
    const before = await sandbox.issuer.mint({ audience: STS_AUDIENCE });
    await expect(assume({ WebIdentityToken: before })).resolves.toBeDefined();
    await sandbox.issuer.rotateKeys({ retirePrevious: true });
    await expect(assume()).resolves.toBeDefined();
    expect((await awsError(assume({ WebIdentityToken: before }))).name).toBe('InvalidIdentityTokenException');
  });
});

describe('AssumeRoleWithWebIdentity parameter validation', () => {
  it.each([
    [899, '1 validation error detected: Value \'899\' at \'durationSeconds\' failed to satisfy constraint: Member must have value greater than or equal to 900 and less than or equal to 43200'],
    [43201, '1 validation error detected: Value \'43201\' at \'durationSeconds\' failed to satisfy constraint: Member must have value greater than or equal to 900 and less than or equal to 43200'],
    [7201, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
  ])('enforces the duration bounds (%p s) with ValidationError', async (seconds, message) => {
    expect(await awsError(assume({ DurationSeconds: seconds }))).toEqual({ name: 'ValidationError', message, status: 400 });
  });

  it('holds a role with the default MaxSessionDuration to one hour', async () => {
    const error = await awsError(assume({ RoleArn: roleArn('production-only'), DurationSeconds: 3601 }));
    expect(error).toEqual({ name: 'ValidationError', message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', status: 400 });
  });

  it.each(['a', 'has space', 'x'.repeat(65), 'semi;colon', 'slash/name'])('refuses the session name %p with ValidationError', async (name) => {
    expect(await awsError(assume({ RoleSessionName: name }))).toEqual({
      name: 'ValidationError',
      message: `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64`,
      status: 400,
    });
  });

  it.each(['ab', 'x'.repeat(64), 'user@example.com', 'a+b=c,d.e-f_g'])('accepts the session name %p', async (name) => {
    await expect(assume({ RoleSessionName: name })).resolves.toMatchObject({ AssumedRoleUser: { Arn: expect.stringMatching(new RegExp(`/${name.replace(/[.+]/g, '\\$&')}$`)) } });
  });

  it('refuses a role ARN shorter than 20 characters', async () => {
    expect(await awsError(assume({ RoleArn: 'arn:aws:iam::1:r/x' }))).toEqual({
      name: 'ValidationError',
      message: '1 validation error detected: Value \'arn:aws:iam::1:r/x\' at \'roleArn\' failed to satisfy constraint: Member must have length between 20 and 2048',
      status: 400,
    });
  });

  it('refuses an inline session policy that is not a JSON policy, or is too large', async () => {
    expect(await awsError(assume({ Policy: '{"Version":' }))).toMatchObject({ name: 'MalformedPolicyDocumentException', message: 'The policy is not in the valid JSON format.', status: 400 });
    expect(await awsError(assume({ Policy: '{"Version":"2012-10-17"}' }))).toMatchObject({ name: 'MalformedPolicyDocumentException' });
    const huge = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::111122223333:role/${'r'.repeat(2100)}` }] });
    expect(await awsError(assume({ Policy: huge }))).toEqual({
      name: 'PackedPolicyTooLargeException',
      message: 'Packed policy consumes more than the allowed size of the session policy limit.',
      status: 400,
    });
  });

  it('refuses a managed session policy that does not exist', async () => {
    const arn = `arn:aws:iam::${sandbox.accountId}:policy/missing`;
    expect(await awsError(assume({ PolicyArns: [{ arn }] }))).toEqual({
      name: 'InvalidParameterValue',
      message: `Policy ${arn} does not exist or is not attachable.`,
      status: 400,
    });
  });

  it.each(['RoleArn', 'RoleSessionName', 'WebIdentityToken'])('refuses a request without %s with MissingParameter', async (missing) => {
    const params: Record<string, string> = {
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: roleArn('deploy'),
      RoleSessionName: 'raw',
      WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE }),
    };
    delete params[missing];
    const response = await queryCall(sandbox.aws.url, params);
    expect(response.status).toBe(400);
    expect(errorCode(response.body)).toBe('MissingParameter');
    expect(response.body).toContain(`<Message>The request must contain the parameter ${missing}</Message>`);
  });
});

describe('the STS endpoint', () => {
  it('throttles on demand with Throttling, then serves again', async () => {
    sandbox.aws.throttle(1);
    expect(await awsError(assume())).toEqual({ name: 'Throttling', message: 'Rate exceeded', status: 400 });
    await expect(assume()).resolves.toBeDefined();
  });

  it('throttles as many requests as asked', async () => {
    sandbox.aws.throttle(2);
    expect((await awsError(assume())).name).toBe('Throttling');
    expect((await awsError(assume())).name).toBe('Throttling');
    await expect(assume()).resolves.toBeDefined();
  });

  it('serves injected faults in order, with their status, until cleared', async () => {
    sandbox.aws.injectFaults(new AwsApiError('InternalFailure', 500, 'Internal failure', 3), 1);
    sandbox.aws.injectFaults(new AwsApiError('ServiceUnavailable', 503, 'Service unavailable'), 5);
    const raw = await queryCall(sandbox.aws.url, { Action: 'AssumeRoleWithWebIdentity', Version: '2011-06-15' });
    expect(raw.status).toBe(500);
    expect(errorCode(raw.body)).toBe('InternalFailure');
    expect(raw.body).toContain('<Type>Receiver</Type>');
    expect(await awsError(assume())).toEqual({ name: 'ServiceUnavailable', message: 'Service unavailable', status: 503 });
    sandbox.aws.clearFaults();
    await expect(assume()).resolves.toBeDefined();
  });

  it('sends Retry-After with a fault that carries one', async () => {
    sandbox.aws.injectFaults(new AwsApiError('Throttling', 400, 'Rate exceeded', 7), 1);
    const response = await fetch(sandbox.aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.text()).toContain('<Type>Sender</Type>');
  });

  it('answers an unknown action with InvalidAction, and does not spend a fault on it', async () => {
    sandbox.aws.throttle(1);
    try {
      const response = await queryCall(sandbox.aws.url, { Action: 'DeleteRole', Version: '2010-05-08' });
      expect(response.status).toBe(400);
      expect(errorCode(response.body)).toBe('InvalidAction');
      expect(response.body).toContain('Could not find operation DeleteRole for version 2010-05-08');
      expect((await awsError(assume())).name).toBe('Throttling');
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('reads Query parameters from a GET request too', async () => {
    const response = await fetch(`${sandbox.aws.url}/?Action=AssumeRoleWithWebIdentity&Version=2011-06-15`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('The request must contain the parameter RoleArn');
  });
});
