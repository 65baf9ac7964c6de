import { describe, expect, it } from '@jest/globals';
import type { IssuedCredential } from '../../../../src/providers/issued-credential.ts';
import { revokeAwsCredential } from '../../../../src/providers/aws/revoke.ts';

const record: IssuedCredential = {
  provider: 'aws',
  identity: 'AROAEXAMPLEROLEID:octo-org.app@42-1-deploy',
  principal: 'arn:aws:sts::111122223333:assumed-role/ci-deploy/octo-org.app@42-1-deploy',
  role: 'arn:aws:iam::111122223333:role/ci-deploy',
  sessionName: 'octo-org.app@42-1-deploy',
  region: 'us-east-1',
  expiresAt: '2030-01-02T03:04:05.000Z',
  exportedVariables: ['AWS_ACCESS_KEY_ID'],
  files: [],
};

describe('revokeAwsCredential', () => {
  it('says, without a revoker role, that the session lasts until its expiry', async () => {
    const result = await revokeAwsCredential(record);
    expect(result.status).toBe('not-revocable');
    expect(result.detail).toContain('2030-01-02T03:04:05.000Z');
    expect(result.detail).toContain('octo-org.app@42-1-deploy');
    expect(result.detail).toContain('role ci-deploy');
    // The detail is shown in the job summary, which the runner does not mask.
    expect(result.detail).not.toContain('111122223333');
  });

  it('does not claim a revocation it cannot perform yet', async () => {
    const result = await revokeAwsCredential(record, { revokerRoleArn: 'arn:aws:iam::111122223333:role/ci-revoker' });
    expect(result.status).toBe('failed');
    expect(result.detail).toContain('2030-01-02T03:04:05.000Z');
  });
});
