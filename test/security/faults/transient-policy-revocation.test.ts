// One transient fault at the GitHub contents API while reading a central policy, and at IAM while the
// post step revokes the session. IAM calls are retried by the AWS SDK (maxAttempts 3); the policy read
// is not retried, so there a transient fault fails the step with a message that says what happened.
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

const READING = 'POLICY_SOURCE_INVALID: Reading octo-org/policies/\\.github/ci-oidc-broker\\.yml@main through the GitHub API failed';
const readFailed = (detail: string, hint = 'Check GITHUB_API_URL and the network path to the GitHub API, and retry\\.'): Outcome => ({ failure: new RegExp(`^${READING}${detail}\\nHint: ${hint}`) });

const expected: Record<string, Record<Fault['kind'], Outcome>> = {
  // Finding: a central policy is read once, without retries.
  github: {
    error: readFailed(' \\(HTTP 503\\)\\.'),
    throttle: readFailed(' \\(HTTP 429\\)\\.'),
    // Not "HTTP 500", as Octokit would have it: no answer came at all.
    reset: readFailed(' \\((?!HTTP)[^)]+\\)\\.'),
    truncate: readFailed(': the answer was cut off \\(0 of \\d+ bytes\\)\\.', 'The connection to the GitHub API dropped mid-answer, so no part of the policy was used\\.'),
    delay: SUCCESS,
  },
  iamRevocation: { error: SUCCESS, throttle: SUCCESS, reset: SUCCESS, truncate: SUCCESS, delay: SUCCESS },
};

const cases = Object.keys(expected).flatMap((key) => TRANSIENT_FAULTS.map(([label, fault]) => [ENDPOINTS[key]!.name, label, key, fault] as const));

describe('a transient fault at the policy source or during revocation', () => {
  test.each(cases)('%s, %s', async (_name, _label, key, fault) => {
    runner = await newJob(sandbox);
    await runWithFault(sandbox, runner, ENDPOINTS[key]!, fault, 1, expected[key]![fault.kind]);
  });
});
