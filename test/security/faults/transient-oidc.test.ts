// One transient fault at each of the issuer's endpoints (the runner's token endpoint, discovery, JWKS)
// during a job that asks for AWS credentials. Each is retried within its budget, so the job succeeds.
import { describe, expect, test } from '@jest/globals';
import type { Fault } from '../../../src/sandbox/http.ts';
import { ENDPOINTS, type Outcome, runWithFault, sandboxForFile, SUCCESS, TRANSIENT_FAULTS } from './faults-kit.ts';

const shared = sandboxForFile();

const expected: Record<string, Record<Fault['kind'], Outcome>> = {
  token: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
  discovery: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
  jwks: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
};

const cases = Object.keys(expected).flatMap((key) => TRANSIENT_FAULTS.map(([label, fault]) => [ENDPOINTS[key]!.name, label, key, fault] as const));

describe('a transient fault at an issuer endpoint', () => {
  test.each(cases)('%s, %s', async (_name, _label, key, fault) => {
    const runner = await shared.job();
    const run = await runWithFault(shared.sandbox, runner, ENDPOINTS[key]!, fault, 1, expected[key]![fault.kind]);
    // The token endpoint's Retry-After is honoured, not just outwaited by chance.
    if (key === 'token' && fault.kind === 'throttle') expect(run.main.endedAt - run.main.startedAt).toBeGreaterThanOrEqual(1000);
  });
});
