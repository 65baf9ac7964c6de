import { describe, expect, it } from '@jest/globals';
import { revokeAwsCredential } from '../../../../src/providers/aws/revoke.ts';
import { awsCredentialRecord } from '../../../helpers/issued-credential.ts';

const record = awsCredentialRecord({
  identity: 'AROAEXAMPLEROLEID:octo-org.app@42-1-deploy',
  role: 'arn:aws:iam::111122223333:role/ci-deploy',
  expiresAt: '2030-01-02T03:04:05.000Z',
});

describe('revokeAwsCredential without a revoker', () => {
  it('says that the session lasts until its expiry, and when that is', async () => {
    const result = await revokeAwsCredential(record);
    expect(result.status).toBe('not-revocable');
    expect(result.detail).toBe('No revoker role is configured, so session "octo-org.app@42-1-deploy" of role ci-deploy stays valid until it expires at 2030-01-02T03:04:05.000Z.');
    // The detail is shown in the job summary, which the runner does not mask.
    expect(result.detail).not.toContain('111122223333');
  });

  it('does nothing for a session that has already expired', async () => {
    const result = await revokeAwsCredential({ ...record, revokerRoleArn: 'arn:aws:iam::111122223333:role/ci-revoker' }, { getToken: () => Promise.reject(new Error('not needed')), now: () => new Date('2031-01-01T00:00:00Z') });
    expect(result).toEqual({ status: 'not-revocable', detail: 'Session "octo-org.app@42-1-deploy" of role ci-deploy already expired at 2030-01-02T03:04:05.000Z; nothing to deny.' });
  });
});
