import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { IssuedCredential, RevocationResult } from '../../../src/providers/issued-credential.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { awsCredentialRecord } from '../../helpers/issued-credential.ts';

// The post step passes no revoker role yet, so the real hook never fails; this stands in for one that does.
const revokeAwsCredential = jest.fn<(record: IssuedCredential) => Promise<RevocationResult>>();
jest.unstable_mockModule('../../../src/providers/aws/revoke.ts', () => ({ revokeAwsCredential }));
const { runPost } = await import('../../../src/action/run-post.ts');

let context: ActionContext;
beforeAll(async () => {
  revokeAwsCredential.mockImplementation(async (record) =>
    record.identity.startsWith('AROAFAIL')
      ? { status: 'failed', detail: 'The revoker role was refused (AccessDenied).' }
      : { status: 'revoked', detail: 'Denied from now on.' },
  );
  context = await actionContext({}, {
    'STATE_issued-credentials': JSON.stringify([awsCredentialRecord({ identity: 'AROAFAIL:one' }), awsCredentialRecord({ identity: 'AROAOK:two' })]),
  });
  await runPost();
});
afterAll(() => context.restore());

describe('runPost when a revocation fails', () => {
  it('tries to revoke every credential the main step recorded', () => {
    expect(revokeAwsCredential.mock.calls.map(([record]) => record.identity)).toEqual(['AROAFAIL:one', 'AROAOK:two']);
  });

  it('annotates the failure as an error, naming the credential', () => {
    expect(context.stdout()).toContain('::error::Revocation failed for AROAFAIL:one: The revoker role was refused (AccessDenied).');
    expect(context.stdout()).not.toContain('::error::Revocation failed for AROAOK:two');
  });

  it('still clears the variables of the credential it could not revoke', async () => {
    expect(Object.fromEntries(await context.env())).toEqual({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' });
  });

  it('reports each outcome in the job summary', async () => {
    const summary = await context.summary();
    expect(summary).toContain('<td><code>AROAFAIL:one</code></td><td>2030-01-01T00:15:00.000Z</td><td>failed</td>');
    expect(summary).toContain('<td><code>AROAOK:two</code></td><td>2030-01-01T00:15:00.000Z</td><td>revoked</td>');
  });
});
