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
      audience: 'sts.amazonaws.com',
      awsRegion: 'eu-west-1',
      roleToAssume: undefined,
      roleSessionName: 'octo-org.app@42-2-deploy',
      roleDurationSeconds: 900,
      inlineSessionPolicy: undefined,
      managedSessionPolicies: [],
      outputCredentials: false,
      maskAwsAccountId: true,
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
      roleSessionName: 'release-1.2',
      roleDurationSeconds: 3600,
      managedSessionPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess', 'arn:aws:iam::111122223333:policy/extra'],
      outputCredentials: true,
      maskAwsAccountId: false,
    });
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

  it('requires aws-region', async () => {
    const error = await refusal({});
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe('The input `aws-region` is required.');
  });

  it.each(['899', '43201', '1h', '900.5'])('refuses role-duration-seconds %p', async (value) => {
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
});
