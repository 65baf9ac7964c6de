import { describe, expect, it } from '@jest/globals';
import type { AwsSession } from '../../../../src/providers/aws/exchange.ts';
import { awsCredentialRecord, awsEnvironment, awsOutputs, awsSecretValues, displayArn, maskAccountIds } from '../../../../src/providers/aws/export.ts';

const session: AwsSession = {
  accessKeyId: 'ASIAEXAMPLEKEYID0001',
  secretAccessKey: 'secret-access-key-example',
  sessionToken: 'session-token-example',
  expiration: new Date('2030-01-02T03:04:05.000Z'),
  assumedRoleId: 'AROAEXAMPLEROLEID:octo-org.app@42-1-deploy',
  assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/ci-deploy/octo-org.app@42-1-deploy',
  accountId: '111122223333',
  sessionName: 'octo-org.app@42-1-deploy',
  roleArn: 'arn:aws:iam::111122223333:role/ci-deploy',
  region: 'eu-west-1',
};

describe('awsEnvironment', () => {
  it('sets the variables the AWS CLI and SDKs read', () => {
    expect(awsEnvironment(session)).toEqual({
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLEKEYID0001',
      AWS_SECRET_ACCESS_KEY: 'secret-access-key-example',
      AWS_SESSION_TOKEN: 'session-token-example',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
  });
});

describe('awsSecretValues', () => {
  it('masks the credential and the account id', () => {
    expect(awsSecretValues(session, { maskAccountId: true }).sort()).toEqual(
      ['111122223333', 'ASIAEXAMPLEKEYID0001', 'secret-access-key-example', 'session-token-example'].sort(),
    );
  });

  it('leaves the account id visible when asked', () => {
    expect(awsSecretValues(session, { maskAccountId: false })).not.toContain('111122223333');
    expect(awsSecretValues(session, { maskAccountId: false })).toHaveLength(3);
  });
});

describe('maskAccountIds', () => {
  it('masks the account of every ARN in a text, and leaves other twelve-digit numbers alone', () => {
    expect(maskAccountIds('assume arn:aws:iam::111122223333:role/a, then arn:aws:sts::444455556666:assumed-role/b/s; run 123456789012')).toBe(
      'assume arn:aws:iam::***:role/a, then arn:aws:sts::***:assumed-role/b/s; run 123456789012',
    );
  });
});

describe('displayArn', () => {
  it('hides the account id of a role or session ARN when it is masked', () => {
    expect(displayArn('arn:aws:iam::111122223333:role/ci-deploy', { maskAccountId: true })).toBe('arn:aws:iam::***:role/ci-deploy');
    expect(displayArn('arn:aws-us-gov:sts::111122223333:assumed-role/r/s', { maskAccountId: true })).toBe('arn:aws-us-gov:sts::***:assumed-role/r/s');
  });

  it('leaves the ARN whole when the account id is not masked', () => {
    expect(displayArn('arn:aws:iam::111122223333:role/ci-deploy', { maskAccountId: false })).toBe('arn:aws:iam::111122223333:role/ci-deploy');
  });
});

describe('awsOutputs', () => {
  it('gives only the account id unless credentials are asked for', () => {
    expect(awsOutputs(session, { includeCredentials: false })).toEqual({ 'aws-account-id': '111122223333' });
  });

  it('names the credential outputs as configure-aws-credentials does', () => {
    expect(awsOutputs(session, { includeCredentials: true })).toEqual({
      'aws-account-id': '111122223333',
      'aws-access-key-id': 'ASIAEXAMPLEKEYID0001',
      'aws-secret-access-key': 'secret-access-key-example',
      'aws-session-token': 'session-token-example',
      'aws-expiration': '2030-01-02T03:04:05.000Z',
    });
  });
});

describe('awsCredentialRecord', () => {
  const record = awsCredentialRecord(session, ['AWS_ACCESS_KEY_ID', 'AWS_REGION'], { audience: 'sts.amazonaws.com', revokerRoleArn: 'arn:aws:iam::111122223333:role/ci-revoker' });

  it('records who the session is, what was exported and when it expires', () => {
    expect(record).toEqual({
      provider: 'aws',
      identity: 'AROAEXAMPLEROLEID:octo-org.app@42-1-deploy',
      principal: 'arn:aws:sts::111122223333:assumed-role/ci-deploy/octo-org.app@42-1-deploy',
      role: 'arn:aws:iam::111122223333:role/ci-deploy',
      sessionName: 'octo-org.app@42-1-deploy',
      region: 'eu-west-1',
      audience: 'sts.amazonaws.com',
      revokerRoleArn: 'arn:aws:iam::111122223333:role/ci-revoker',
      expiresAt: '2030-01-02T03:04:05.000Z',
      exportedVariables: ['AWS_ACCESS_KEY_ID', 'AWS_REGION'],
      files: [],
    });
  });

  it('holds no secret', () => {
    const saved = JSON.stringify(record);
    for (const secret of [session.accessKeyId, session.secretAccessKey, session.sessionToken]) expect(saved).not.toContain(secret);
  });
});
