// One transient fault at the GitHub contents API while reading a central policy, and at IAM while the
// post step revokes the session. IAM calls are retried by the AWS SDK (maxAttempts 3), the policy read
// by the policy source, so the job succeeds.
import { describe, test } from '@jest/globals';
import type { Fault } from '../../../src/sandbox/http.ts';
import { ENDPOINTS, type Outcome, runWithFault, sandboxForFile, SUCCESS, TRANSIENT_FAULTS } from './faults-kit.ts';

const shared = sandboxForFile();

const expected: Record<string, Record<Fault['kind'], Outcome>> = {
  github: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
  iamRevocation: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
};

const cases = Object.keys(expected).flatMap((key) => TRANSIENT_FAULTS.map(([label, fault]) => [ENDPOINTS[key]!.name, label, key, fault] as const));

describe('a transient fault at the policy source or during revocation', () => {
  test.each(cases)('%s, %s', async (_name, _label, key, fault) => {
    const runner = await shared.job();
    await runWithFault(shared.sandbox, runner, ENDPOINTS[key]!, fault, 1, expected[key]![fault.kind]);
  });
});
