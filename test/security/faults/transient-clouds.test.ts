// One transient fault at each cloud endpoint that issues credentials: AWS STS (the project's own retry
// loop) and Google's STS and IAM Credentials (google-auth-library's bounded retries). Each must end in
// credentials, issued once the retry got past the fault.
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { SimulatedRunner } from '../../../src/sandbox/runner/simulated-runner.ts';
import { clearFaults, ENDPOINTS, newJob, runWithFault, SUCCESS, TRANSIENT_FAULTS } from './faults-kit.ts';

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

const cases = ['awsSts', 'googleSts', 'googleIam'].flatMap((key) => TRANSIENT_FAULTS.map(([label, fault]) => [ENDPOINTS[key]!.name, label, key, fault] as const));

describe('a transient fault at a cloud endpoint', () => {
  test.each(cases)('%s, %s: credentials after a retry', async (_name, _label, key, fault) => {
    runner = await newJob(sandbox);
    const sessionsBefore = sandbox.aws.sessions.length;
    const run = await runWithFault(sandbox, runner, ENDPOINTS[key]!, fault, 1, SUCCESS);
    // AWS STS's throttling answer carries Retry-After, and the exchange waits that long.
    if (key === 'awsSts' && fault.kind === 'throttle') expect(run.main.endedAt - run.main.startedAt).toBeGreaterThanOrEqual(1000);
    // A cut-off or slow answer may have issued a session the action never saw; it issues at most one more.
    if (key === 'awsSts') expect(sandbox.aws.sessions.length - sessionsBefore).toBeLessThanOrEqual(fault.kind === 'truncate' || fault.kind === 'delay' ? 3 : 2);
  });
});
