// One transient fault at the GitHub contents API while reading a central policy, and at IAM while the
// post step revokes the session. IAM calls are retried by the AWS SDK (maxAttempts 3), the policy read
// by the policy source, so the job succeeds.
import { afterAll, afterEach, beforeAll, describe, test } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { Fault } from '../../../src/sandbox/http.ts';
import type { SimulatedRunner } from '../../../src/sandbox/runner/simulated-runner.ts';
import { clearFaults, ENDPOINTS, newJob, runWithFault, SUCCESS, TRANSIENT_FAULTS, type Outcome } from './faults-kit.ts';

let sandbox: Sandbox;
let runner: SimulatedRunner | undefined;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  clearFaults(sandbox);
  await runner?.dispose();
});

const expected: Record<string, Record<Fault['kind'], Outcome>> = {
  github: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
  iamRevocation: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
};

const cases = Object.keys(expected).flatMap((key) => TRANSIENT_FAULTS.map(([label, fault]) => [ENDPOINTS[key]!.name, label, key, fault] as const));

describe('a transient fault at the policy source or during revocation', () => {
  test.each(cases)('%s, %s', async (_name, _label, key, fault) => {
    runner = await newJob(sandbox);
    await runWithFault(sandbox, runner, ENDPOINTS[key]!, fault, 1, expected[key]![fault.kind]);
  });
});
