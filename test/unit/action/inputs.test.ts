import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { readMainInputs } from '../../../src/action/inputs.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { rejection } from '../../helpers/broker-error.ts';

const JOB = { GITHUB_REPOSITORY: 'octo-org/app', GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'deploy' };
let context: ActionContext | undefined;
afterEach(async () => {
  await context?.restore();
  context = undefined;
});

async function read(inputs: Record<string, string>) {
  context = await actionContext(inputs, JOB);
  return readMainInputs();
}

function refusal(inputs: Record<string, string>): Promise<BrokerError> {
  return rejection(read(inputs));
}

describe('readMainInputs', () => {
  it('fills in the documented defaults', async () => {
    expect(await read({ 'aws-region': 'eu-west-1' })).toEqual({
      policyPath: '.github/ci-oidc-broker.yml',
      policySource: { kind: 'workspace' },
      githubToken: '',
      issuer: 'https://token.actions.githubusercontent.com',
      aws: {
        audience: 'sts.amazonaws.com',
        region: 'eu-west-1',
        roleToAssume: undefined,
        roleSessionName: 'octo-org.app@42-2-deploy',
        roleDurationSeconds: 900,
        inlineSessionPolicy: undefined,
        managedSessionPolicies: [],
        outputCredentials: false,
        maskAccountId: true,
        revokeRole: undefined,
        renewCredentials: false,
        outputEnvCredentials: true,
        unsetCurrentCredentials: false,
      },
      gcp: undefined,
    });
  });

  it('reads every input it is given', async () => {
    const inputs = await read({
      policy: 'ci/policy.yml',
      issuer: 'https://token.actions.githubusercontent.com/octo-enterprise',
      audience: 'https://github.com/octo-org',
      'aws-region': 'us-east-1',
      'role-to-assume': 'arn:aws:iam::111122223333:role/deploy',
      'role-session-name': 'release-1.2',
      'role-duration-seconds': '3600',
      'inline-session-policy': '{"Version":"2012-10-17","Statement":[]}',
      'managed-session-policies': 'arn:aws:iam::aws:policy/ReadOnlyAccess\narn:aws:iam::111122223333:policy/extra\n',
      'output-credentials': 'true',
      'mask-aws-account-id': 'false',
    });
    expect(inputs).toMatchObject({
      policyPath: 'ci/policy.yml',
      issuer: 'https://token.actions.githubusercontent.com/octo-enterprise',
      aws: {
        audience: 'https://github.com/octo-org',
        roleSessionName: 'release-1.2',
        roleDurationSeconds: 3600,
        managedSessionPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/extra'],
        outputCredentials: true,
        maskAccountId: false,
      },
    });
  });

  it('reads where the AWS credentials go: a named profile renews, a token file starts at the workspace', async () => {
    const inputs = await read({
      'aws-region': 'us-east-1',
      'aws-profile': 'audit.prod',
      'chain-to-role': 'arn:aws:iam::444455556666:role/deploy',
      'web-identity-token-file': 'tokens/eks',
      'unset-current-credentials': 'true',
    });
    expect(inputs.aws).toMatchObject({
      renewCredentials: true,
      profile: 'audit.prod',
      outputEnvCredentials: true,
      chainToRole: 'arn:aws:iam::444455556666:role/deploy',
      webIdentityTokenFile: join(process.env.GITHUB_WORKSPACE ?? process.cwd(), 'tokens/eks'),
      unsetCurrentCredentials: true,
    });
    expect((await read({ 'aws-region': 'us-east-1', 'aws-renew-credentials': 'true' })).aws).toMatchObject({ renewCredentials: true, profile: undefined });
  });

  it('refuses a profile that is no name, and a profile with outputs only', async () => {
    expect(await rejection(read({ 'aws-region': 'us-east-1', 'aws-profile': 'two words' }))).toMatchObject({ code: 'INPUT_INVALID', message: 'The input `aws-profile` is "two words", not a profile name.' });
    expect(await rejection(read({ 'aws-region': 'us-east-1', 'aws-renew-credentials': 'true', 'output-env-credentials': 'false' }))).toMatchObject({ code: 'INPUT_INVALID' });
    expect(await rejection(read({ 'aws-region': 'us-east-1', 'chain-to-role': 'deploy' }))).toMatchObject({ message: 'The input `chain-to-role` is "deploy", not an IAM role ARN.' });
  });

  it('reads a central policy source with or without a ref', async () => {
    expect((await read({ 'aws-region': 'us-east-1', 'policy-source': 'octo-org/policies@v2' })).policySource).toEqual({
      kind: 'repository',
      location: { owner: 'octo-org', repo: 'policies', ref: 'v2' },
    });
    expect((await read({ 'aws-region': 'us-east-1', 'policy-source': 'job-workflow' })).policySource).toEqual({ kind: 'job-workflow' });
    expect((await refusal({ 'aws-region': 'us-east-1', 'policy-source': 'https://github.com/octo-org/policies' })).message).toBe(
      'The input `policy-source` is "https://github.com/octo-org/policies".',
    );
  });

  it('requires a cloud', async () => {
    const error = await refusal({});
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe('No cloud was requested: give `aws-region` for AWS, `workload_identity_provider` for Google Cloud, or both.');
  });

  it('requires aws-region with role-to-assume', async () => {
    const error = await refusal({ 'role-to-assume': 'arn:aws:iam::111122223333:role/deploy' });
    expect(error.message).toBe('The input `aws-region` is required with `role-to-assume`.');
  });

  it.each(['899', '43201', '1h', '900.5', '0x384', '9e2', '+900'])('refuses role-duration-seconds %p', async (value) => {
    expect((await refusal({ 'aws-region': 'us-east-1', 'role-duration-seconds': value })).message).toBe(
      `The input \`role-duration-seconds\` is "${value}", not a whole number from 900 to 43200.`,
    );
  });

  it('refuses a boolean input that is not true or false', async () => {
    expect((await refusal({ 'aws-region': 'us-east-1', 'output-credentials': 'yes please' })).message).toBe('The input `output-credentials` must be true or false.');
  });

  it('refuses an inline session policy that is not JSON', async () => {
    expect((await refusal({ 'aws-region': 'us-east-1', 'inline-session-policy': '{Statement: []' })).message).toBe('The input `inline-session-policy` is not valid JSON.');
  });

  it('refuses a session name STS would refuse, before any token is sent', async () => {
    expect((await refusal({ 'aws-region': 'us-east-1', 'role-session-name': 'my session' })).message).toBe(
      'The role session name "my session" contains " ", which STS does not allow.',
    );
  });

  it('refuses a plain-http issuer off loopback', async () => {
    expect((await refusal({ 'aws-region': 'us-east-1', issuer: 'http://token.example.com' })).code).toBe(ErrorCode.IssuerInvalid);
  });

  it('accepts a plain-http issuer on loopback, as the sandbox serves it', async () => {
    expect((await read({ 'aws-region': 'us-east-1', issuer: 'http://127.0.0.1:8123' })).issuer).toBe('http://127.0.0.1:8123');
  });

  it('refuses an issuer that is not a URL, naming it', async () => {
    const error = await refusal({ 'aws-region': 'us-east-1', issuer: 'token.actions.githubusercontent.com' });
    expect(error.code).toBe(ErrorCode.IssuerInvalid);
    expect(error.message).toBe('The issuer "token.actions.githubusercontent.com" is not a URL.');
  });

  it('tells how to add the missing aws-region', async () => {
    const error = await refusal({ 'aws-region': '   ', 'role-to-assume': 'arn:aws:iam::111122223333:role/deploy' });
    expect(error.message).toBe('The input `aws-region` is required with `role-to-assume`.');
    expect(error.hint).toBe('Add `aws-region: <region>` (for example us-east-1) to the step’s `with:` block.');
  });

  it.each([
    ['900', 900],
    ['43200', 43200],
    [' 3600 ', 3600], // the runner's getInput trims
  ])('accepts role-duration-seconds %p within STS’s range', async (value, seconds) => {
    expect((await read({ 'aws-region': 'us-east-1', 'role-duration-seconds': value })).aws!.roleDurationSeconds).toBe(seconds);
  });

  it('says what a valid role-duration-seconds looks like', async () => {
    const error = await refusal({ 'aws-region': 'us-east-1', 'role-duration-seconds': '-1' });
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.hint).toBe('Use a number of seconds, such as 900 (the default and STS minimum) or 3600.');
  });

  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('reads the boolean %p as YAML 1.2 does', async (text, value) => {
    const inputs = await read({ 'aws-region': 'us-east-1', 'output-credentials': text, 'mask-aws-account-id': text });
    expect(inputs.aws!.outputCredentials).toBe(value);
    expect(inputs.aws!.maskAccountId).toBe(value);
  });

  it.each(['yes', 'no', '1', 'on'])('refuses mask-aws-account-id %p with the way to fix it', async (text) => {
    const error = await refusal({ 'aws-region': 'us-east-1', 'mask-aws-account-id': text });
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe('The input `mask-aws-account-id` must be true or false.');
    expect(error.hint).toBe('Set `mask-aws-account-id: true` or `mask-aws-account-id: false`.');
  });

  it('reads managed-session-policies one per line, trimmed, skipping empty lines', async () => {
    const inputs = await read({
      'aws-region': 'us-east-1',
      'managed-session-policies': '\n  arn:aws:iam::aws:policy/ReadOnlyAccess  \r\n\narn:aws:iam::111122223333:policy/extra\n\n',
    });
    expect(inputs.aws!.managedSessionPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/extra']);
  });

  it('keeps a valid inline session policy exactly as written', async () => {
    const policy = '{\n  "Version": "2012-10-17",\n  "Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}]\n}';
    expect((await read({ 'aws-region': 'us-east-1', 'inline-session-policy': policy })).aws!.inlineSessionPolicy).toBe(policy);
  });

  it('tells how to write an inline session policy', async () => {
    expect((await refusal({ 'aws-region': 'us-east-1', 'inline-session-policy': 'Statement: []' })).hint).toBe(
      'Give an IAM policy document as JSON, for example with a YAML block scalar (`|`).',
    );
  });

  it('refuses a session name that is too long for STS', async () => {
    const error = await refusal({ 'aws-region': 'us-east-1', 'role-session-name': 'x'.repeat(65) });
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(`The role session name "${'x'.repeat(65)}" is 65 characters long.`);
  });

  it('derives the session name from the environment it is given', async () => {
    context = await actionContext({ 'aws-region': 'us-east-1' }, JOB);
    const inputs = readMainInputs({ GITHUB_REPOSITORY: 'octo-org/web', GITHUB_RUN_ID: '7', GITHUB_RUN_ATTEMPT: '3', GITHUB_JOB: 'build' });
    expect(inputs.aws!.roleSessionName).toBe('octo-org.web@7-3-build');
  });

  it('still names the session when the job’s variables are missing', async () => {
    context = await actionContext({ 'aws-region': 'us-east-1' });
    expect(readMainInputs({}).aws!.roleSessionName).toBe('unknown-repository@0-1-job');
  });

  it('reads aws-revoke-role, and refuses one that is not a role ARN', async () => {
    expect((await read({ 'aws-region': 'us-east-1', 'aws-revoke-role': 'arn:aws:iam::111122223333:role/ci-revoker' })).aws!.revokeRole).toBe('arn:aws:iam::111122223333:role/ci-revoker');
    expect((await refusal({ 'aws-region': 'us-east-1', 'aws-revoke-role': 'ci-revoker' })).message).toBe('The input `aws-revoke-role` is "ci-revoker", not an IAM role ARN.');
  });

  it('treats an empty role-to-assume as none, leaving the choice to the policy', async () => {
    expect((await read({ 'aws-region': 'us-east-1', 'role-to-assume': '' })).aws!.roleToAssume).toBeUndefined();
  });
});

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/octo-org';

describe('readMainInputs for Google Cloud', () => {
  it('fills in the documented defaults and leaves AWS out when only Google is asked for', async () => {
    const inputs = await read({ workload_identity_provider: PROVIDER });
    expect(inputs.aws).toBeUndefined();
    expect(inputs.gcp).toEqual({
      workloadIdentityProvider: PROVIDER,
      audience: `//iam.googleapis.com/${PROVIDER}`,
      serviceAccount: undefined,
      lifetimeSeconds: 600,
      projectId: undefined,
      createCredentialsFile: true,
      endpoints: { tokenUrl: 'https://sts.googleapis.com/v1/token', iamCredentialsUrl: 'https://iamcredentials.googleapis.com' },
      scopes: undefined,
      idToken: undefined,
    });
  });

  it('reads both clouds in one step, with Google’s audience as gcp-audience', async () => {
    const inputs = await read({
      'aws-region': 'us-east-1',
      audience: 'sts.example.com',
      workload_identity_provider: PROVIDER,
      service_account: 'deploy@my-project.iam.gserviceaccount.com',
      access_token_lifetime: '15m',
      access_token_scopes: 'https://www.googleapis.com/auth/devstorage.read_only,\n https://www.googleapis.com/auth/pubsub',
      project_id: 'other-project',
      'gcp-audience': 'https://iam.googleapis.com/' + PROVIDER,
      create_credentials_file: 'false',
      'gcp-token-url': 'http://127.0.0.1:9000/v1/token',
      'gcp-iam-credentials-url': 'https://iamcredentials.example.goog',
    });
    expect([inputs.aws?.region, inputs.aws?.audience]).toEqual(['us-east-1', 'sts.example.com']);
    expect(inputs.gcp).toEqual({
      workloadIdentityProvider: PROVIDER,
      audience: 'https://iam.googleapis.com/' + PROVIDER,
      serviceAccount: 'deploy@my-project.iam.gserviceaccount.com',
      lifetimeSeconds: 900,
      projectId: 'other-project',
      createCredentialsFile: false,
      endpoints: { tokenUrl: 'http://127.0.0.1:9000/v1/token', iamCredentialsUrl: 'https://iamcredentials.example.goog' },
      scopes: ['https://www.googleapis.com/auth/devstorage.read_only', 'https://www.googleapis.com/auth/pubsub'],
      idToken: undefined,
    });
  });

  it('takes `audience` for Google when the step asks for Google alone', async () => {
    expect((await read({ workload_identity_provider: PROVIDER, audience: 'https://gh.example' })).gcp?.audience).toBe('https://gh.example');
  });

  it.each([
    [{ 'aws-region': 'us-east-1', workload_identity_provider: PROVIDER, audience: 'x' }, 'The input `audience` is ambiguous: this step asks for AWS and Google Cloud credentials, and it could be either cloud’s.'],
    [{ workload_identity_provider: PROVIDER, audience: 'x', 'gcp-audience': 'y' }, 'The inputs `audience` and `gcp-audience` both give Google’s audience.'],
  ])('never lets one cloud’s audience be read as the other’s: %j', async (inputs, message) => {
    const error = await refusal(inputs);
    expect([error.code, error.message]).toEqual([ErrorCode.InputInvalid, message]);
  });

  it('infers the project from a user-managed service account’s email, as google-github-actions/auth does', async () => {
    expect((await read({ workload_identity_provider: PROVIDER, service_account: 'deploy@my-project.iam.gserviceaccount.com' })).gcp?.projectId).toBe('my-project');
    expect((await read({ workload_identity_provider: PROVIDER, service_account: '123-compute@developer.gserviceaccount.com' })).gcp?.projectId).toBeUndefined();
  });

  it('reads an ID token request', async () => {
    const inputs = await read({ workload_identity_provider: PROVIDER, token_format: 'id_token', id_token_audience: 'https://app.run.app', id_token_include_email: 'true' });
    expect(inputs.gcp?.idToken).toEqual({ audience: 'https://app.run.app', includeEmail: true });
  });

  it.each([
    [{ token_format: 'jwt' }, 'The input `token_format` is "jwt", not access_token or id_token.'],
    [{ token_format: 'id_token' }, 'The input `id_token_audience` is required with `token_format: id_token`.'],
    [{ id_token_audience: 'https://app.run.app' }, 'The input `id_token_audience` needs `token_format: id_token`.'],
    [{ token_format: 'id_token', id_token_audience: 'a', access_token_scopes: 'https://www.googleapis.com/auth/pubsub' }, 'The input `access_token_scopes` shapes the access_token output, which `token_format: id_token` does not produce.'],
    [{ access_token_scopes: ' , ' }, 'The input `access_token_scopes` is ",", not a list of scopes.'],
    [{ access_token_scopes: 'https://www.googleapis.com/auth/pubsub https://www.googleapis.com/auth/iam' }, 'The input `access_token_scopes` is "https://www.googleapis.com/auth/pubsub https://www.googleapis.com/auth/iam", not a list of scopes.'],
  ])('refuses %j', async (extra, message) => {
    const error = await refusal({ workload_identity_provider: PROVIDER, ...extra });
    expect([error.code, error.message]).toEqual([ErrorCode.InputInvalid, message]);
  });

  it.each(['my-pool/my-provider', 'projects/my-project/locations/global/workloadIdentityPools/github/providers/octo-org', `//iam.googleapis.com/${PROVIDER}`])(
    'refuses the workload identity provider %p, asking for the full resource name',
    async (provider) => {
      const error = await refusal({ workload_identity_provider: provider });
      expect(error.code).toBe(ErrorCode.InputInvalid);
      expect(error.message).toBe(`The input \`workload_identity_provider\` is "${provider}", not a provider's full resource name.`);
      expect(error.hint).toContain('the project number, not its id');
    },
  );

  it.each(['0', '1h1s', '2h', 'ten minutes', '-5'])('refuses access_token_lifetime %p', async (lifetime) => {
    const error = await refusal({ workload_identity_provider: PROVIDER, access_token_lifetime: lifetime });
    expect(error.message).toBe(`The input \`access_token_lifetime\` is "${lifetime}", not a duration from 1s to 1h.`);
  });

  it.each([
    ['3600', 3600],
    ['3600s', 3600],
    ['1h', 3600],
    ['90s', 90],
  ])('accepts access_token_lifetime %p', async (lifetime, seconds) => {
    expect((await read({ workload_identity_provider: PROVIDER, access_token_lifetime: lifetime })).gcp?.lifetimeSeconds).toBe(seconds);
  });

  it('refuses a service account that is not an email', async () => {
    const error = await refusal({ workload_identity_provider: PROVIDER, service_account: 'projects/-/serviceAccounts/deploy' });
    expect(error.message).toBe('The input `service_account` is "projects/-/serviceAccounts/deploy", not a service account\'s email.');
  });

  it.each(['http://sts.example.com/v1/token', 'not a url', 'ftp://127.0.0.1/x'])('refuses a token endpoint %p that is not https (or loopback http)', async (url) => {
    const error = await refusal({ workload_identity_provider: PROVIDER, 'gcp-token-url': url });
    expect(error.message).toBe(`The input \`gcp-token-url\` is "${url}", not an https URL.`);
  });

  it('refuses Google inputs without the provider, rather than ignoring them', async () => {
    const error = await refusal({ 'aws-region': 'us-east-1', service_account: 'deploy@my-project.iam.gserviceaccount.com' });
    expect(error.message).toBe('The input `service_account` needs `workload_identity_provider`.');
  });
});

describe('readMainInputs with broker-url', () => {
  it('defaults the audience to the URL, and asks Google for a service account alone', async () => {
    const inputs = await read({ 'broker-url': 'https://broker.example.com/', 'aws-region': 'us-east-1', service_account: 'deploy@my-proj.iam.gserviceaccount.com' });
    expect(inputs.broker).toEqual({ url: 'https://broker.example.com', audience: 'https://broker.example.com', gcp: { serviceAccount: 'deploy@my-proj.iam.gserviceaccount.com', lifetimeSeconds: 600, projectId: 'my-proj' } });
    expect(inputs.gcp).toBeUndefined();
  });

  it('takes `token_format: access_token`, what the broker mints anyway', async () => {
    const inputs = await read({ 'broker-url': 'https://broker.example.com', service_account: 'deploy@my-proj.iam.gserviceaccount.com', token_format: 'access_token' });
    expect(inputs.broker?.gcp?.serviceAccount).toBe('deploy@my-proj.iam.gserviceaccount.com');
  });

  it('takes Google alone as a cloud, and its own audience', async () => {
    const inputs = await read({ 'broker-url': 'https://broker.example.com', 'broker-audience': 'ci-oidc-broker', service_account: 'deploy@p.iam.gserviceaccount.com' });
    expect([inputs.aws, inputs.broker?.audience]).toEqual([undefined, 'ci-oidc-broker']);
  });

  it.each([
    [{ 'broker-url': 'http://broker.example.com', 'aws-region': 'us-east-1' }, 'The input `broker-url` is "http://broker.example.com", not the broker\'s https URL.'],
    [{ 'broker-url': 'https://user:pw@broker.example.com', 'aws-region': 'us-east-1' }, 'The input `broker-url` is "https://user:pw@broker.example.com", not the broker\'s https URL.'],
    [{ 'broker-audience': 'x', 'aws-region': 'us-east-1' }, 'The input `broker-audience` needs `broker-url`.'],
    [
      { 'broker-url': 'https://broker.example.com', workload_identity_provider: 'projects/1/locations/global/workloadIdentityPools/pool/providers/prov' },
      'The input `workload_identity_provider` is not used with `broker-url`: the broker mints Google tokens by impersonating the service account.',
    ],
    [
      { 'broker-url': 'https://broker.example.com', service_account: 'deploy@p.iam.gserviceaccount.com', token_format: 'id_token' },
      'The input `token_format` is not supported with `broker-url`: the broker mints access tokens with the scopes its rule grants.',
    ],
    [{ 'broker-url': 'https://broker.example.com' }, 'No cloud was requested: give `aws-region` for AWS, `workload_identity_provider` for Google Cloud, or both.'],
  ])('refuses %j', async (inputs, message) => {
    const error = await refusal(inputs);
    expect([error.code, error.message]).toEqual([ErrorCode.InputInvalid, message]);
  });
});
