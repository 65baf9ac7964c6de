// One transient fault at each cloud endpoint that issues credentials: AWS STS (the project's own retry
// loop) and Google's STS and IAM Credentials (google-auth-library's bounded retries). Each must end in
// credentials, issued once the retry got past the fault.
import { describe, expect, test } from '@jest/globals';
import { ENDPOINTS, runWithFault, sandboxForFile, SUCCESS, TRANSIENT_FAULTS } from './faults-kit.ts';

const shared = sandboxForFile();

const cases = ['awsSts', 'googleSts', 'googleIam'].flatMap((key) => TRANSIENT_FAULTS.map(([label, fault]) => [ENDPOINTS[key]!.name, label, key, fault] as const));

describe('a transient fault at a cloud endpoint', () => {
  test.each(cases)('%s, %s: credentials after a retry', async (_name, _label, key, fault) => {
    const runner = await shared.job();
    const sessionsBefore = shared.sandbox.aws.sessions.length;
    const run = await runWithFault(shared.sandbox, runner, ENDPOINTS[key]!, fault, 1, SUCCESS);
    // AWS STS's throttling answer carries Retry-After, and the exchange waits that long.
    if (key === 'awsSts' && fault.kind === 'throttle') expect(run.main.endedAt - run.main.startedAt).toBeGreaterThanOrEqual(1000);
    // A cut-off or slow answer may have issued a session the action never saw; it issues at most one more.
    if (key === 'awsSts') expect(shared.sandbox.aws.sessions.length - sessionsBefore).toBeLessThanOrEqual(fault.kind === 'truncate' || fault.kind === 'delay' ? 3 : 2);
  });
});
