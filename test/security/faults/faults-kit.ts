// What every faults case shares: a sandbox, one job's runner, the endpoints a fault can be aimed at,
// and the checks that a run left nothing half-done, whatever the fault did to it.
import { afterAll, afterEach, beforeAll, expect } from '@jest/globals';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { awsServiceOf } from '../../../src/sandbox/aws/aws-emulator.ts';
import { GOOGLE_FAULT_TARGETS } from '../../../src/sandbox/gcp/google-emulator.ts';
import { ISSUER_PATHS } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import type { Fault, FaultPlan, FaultTarget } from '../../../src/sandbox/http.ts';
import { parseFileCommands } from '../../../src/sandbox/runner/file-commands.ts';
import type { SimulatedRunner, StepResult } from '../../../src/sandbox/runner/simulated-runner.ts';
import { defaultRetryPolicy, formatSeconds } from '../../../src/util/retry.ts';
import { findLeaks } from '../../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy } from '../../helpers/policy-runner.ts';
import { MAIN, POST } from '../../helpers/dist.ts';
export { MAIN, POST };

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const REVOKER_ROLE = 'arn:aws:iam::111122223333:role/ci-revoker';
const POLICY_REPOSITORY = 'octo-org/policies';
/** A bound on hanging, not a speed target: every run must be over, one way or the other, well within it. */
export const HANG_BOUND_MS = 60_000;

// Faults that take time are sized against the budgets of the code under test, not in plain seconds, so
// that a busy machine, which slows the run around a fault but not the fault itself, cannot carry the
// fault across a budget and flip the outcome.
/**
 * The per-attempt timeout of the token, discovery, JWKS and AWS STS requests (src/oidc/request-token.ts,
 * src/oidc/issuer-keys.ts, src/providers/aws/exchange.ts); mirrored here because they do not export it.
 */
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** The time budget of the AWS STS exchange, attempts and waits together. */
export const STS_BUDGET_MS = defaultRetryPolicy.totalTimeoutMs;
/** A slow answer that must simply be waited out: a small part of the tightest per-attempt timeout it meets. */
const SLOW_ANSWER_MS = ATTEMPT_TIMEOUT_MS * 0.15;

/** The five transient faults, each mild enough for one retry to get past it. */
export const TRANSIENT_FAULTS: Array<[string, Fault]> = [
  ['one 5xx', { kind: 'error', status: 503 }],
  ['one throttle (Retry-After: 1)', { kind: 'throttle', retryAfterSeconds: 1 }],
  ['one connection reset', { kind: 'reset' }],
  ['one truncated body', { kind: 'truncate' }],
  [`one slow answer (${formatSeconds(SLOW_ANSWER_MS)} s)`, { kind: 'delay', ms: SLOW_ANSWER_MS }],
];

/** What a job asks of the action: which cloud, and where its policy comes from. */
export type Scenario = 'aws' | 'gcp' | 'central-policy' | 'aws-revocation';

export interface FaultEndpoint {
  name: string;
  scenario: Scenario;
  plan: (sandbox: Sandbox) => FaultPlan;
  target: FaultTarget;
}

/** Every endpoint a run talks to, and the job that exercises it. */
export const ENDPOINTS: Record<string, FaultEndpoint> = {
  token: { name: 'runner token endpoint', scenario: 'aws', plan: (s) => s.issuer.faults, target: ISSUER_PATHS.token },
  discovery: { name: 'issuer discovery', scenario: 'aws', plan: (s) => s.issuer.faults, target: ISSUER_PATHS.discovery },
  jwks: { name: 'issuer JWKS', scenario: 'aws', plan: (s) => s.issuer.faults, target: ISSUER_PATHS.jwks },
  awsSts: { name: 'AWS STS', scenario: 'aws', plan: (s) => s.aws.faults, target: (req) => awsServiceOf(req) === 'sts' },
  googleSts: { name: 'Google STS', scenario: 'gcp', plan: (s) => s.google.faults, target: GOOGLE_FAULT_TARGETS.sts },
  googleIam: { name: 'Google IAM Credentials', scenario: 'gcp', plan: (s) => s.google.faults, target: GOOGLE_FAULT_TARGETS.iamCredentials },
  github: { name: 'GitHub contents API (central policy)', scenario: 'central-policy', plan: (s) => s.github.faults, target: (_req, url) => url.pathname.startsWith('/repos/') },
  iamRevocation: { name: 'AWS IAM during revocation', scenario: 'aws-revocation', plan: (s) => s.aws.faults, target: (req) => awsServiceOf(req) === 'iam' },
};

function policyFor(issuer: string): string {
  return policyWithOneRule(issuer, {
    grant: {
      aws: `{roles: [${DEPLOY_ROLE}], revoke-role: ${REVOKER_ROLE}}`,
      gcp: `{workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}], max-lifetime: 30m}`,
    },
  });
}

/** A fresh job's runner with the policy in its workspace (and, for a central policy, in the policy repository). */
export async function newJob(sandbox: Sandbox): Promise<SimulatedRunner> {
  const runner = await runnerWithPolicy(sandbox.runnerEnv(), policyFor(sandbox.issuer.url), { stepTimeoutMs: 2 * HANG_BOUND_MS });
  sandbox.github.putFiles(POLICY_REPOSITORY, 'main', { '.github/ci-oidc-broker.yml': policyFor(sandbox.issuer.url) });
  return runner;
}

export function inputsFor(sandbox: Sandbox, scenario: Scenario): Record<string, string> {
  const aws = { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE };
  switch (scenario) {
    case 'aws':
      return aws;
    case 'aws-revocation':
      return { ...aws, 'aws-revoke-role': REVOKER_ROLE };
    case 'central-policy':
      return { ...aws, 'policy-source': `${POLICY_REPOSITORY}@main`, 'github-token': sandbox.github.token };
    case 'gcp':
      return { issuer: sandbox.issuer.url, ...sandbox.gcpInputs() };
  }
}

export function errorText(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

export interface Run {
  main: StepResult;
  post: StepResult;
  elapsedMs: number;
}

/** Runs the bundled main step, then its post step, as a runner does whatever main's outcome. */
export async function runJob(runner: SimulatedRunner, inputs: Record<string, string>): Promise<Run> {
  const started = Date.now();
  const main = await runner.runMain(MAIN, inputs);
  const post = await runner.runPost(POST);
  return { main, post, elapsedMs: Date.now() - started };
}

/** The variables and files the main step's saved state tells the post step to clean up. */
function savedState(main: StepResult): { variables: Set<string>; files: string[] } {
  const text = main.state.get('issued-credentials');
  const records = text ? (JSON.parse(text) as Array<{ exportedVariables: string[]; files: string[] }>) : [];
  return { variables: new Set(records.flatMap((r) => r.exportedVariables)), files: records.flatMap((r) => r.files) };
}

/**
 * Never a partial state: whatever main exported, its state names, so the post step clears it; the post
 * step ends cleanly (exit 0) and leaves no file under RUNNER_TEMP; and nothing secret leaked anywhere.
 */
export async function expectNothingHalfDone(sandbox: Sandbox, runner: SimulatedRunner, run: Run): Promise<void> {
  const exported = [...parseFileCommands(run.main.files.env).keys()];
  const state = savedState(run.main);
  expect(exported.filter((name) => !state.variables.has(name))).toEqual([]);
  expect(run.post.exitCode).toBe(0);
  for (const name of exported) expect(runner.jobEnv.get(name)).toBe('');
  const left = (await runner.leftoverFiles()).map((file) => file.path).filter((path) => !path.startsWith('workspace/'));
  expect(left).toEqual([]);
  expect(await findLeaks(runner, sandbox.secretsIssued())).toEqual([]);
}

/** Puts the sandbox back as it was: faults, outages and rotations gone. */
export function clearFaults(sandbox: Sandbox): void {
  sandbox.issuer.restore();
  sandbox.aws.clearFaults();
  sandbox.google.faults.clear();
  sandbox.github.faults.clear();
}

/** How a run must end: issued (and, for revocation, revoked), or failed with an error that says what failed. */
export type Outcome = { success: true } | { failure: RegExp };
export const SUCCESS: Outcome = { success: true };

/**
 * Serves `count` of `fault` at `endpoint` during one job, main and post, and checks the run's ending:
 * the expected outcome, within the hang bound, the fault actually met, and nothing half-done.
 */
export async function runWithFault(sandbox: Sandbox, runner: SimulatedRunner, endpoint: FaultEndpoint, fault: Fault, count: number, expected: Outcome): Promise<Run> {
  const plan = endpoint.plan(sandbox);
  const servedBefore = plan.served.length;
  plan.inject(endpoint.target, fault, count);
  const run = await runJob(runner, inputsFor(sandbox, endpoint.scenario));
  const served = plan.served.length - servedBefore;
  // The fault was met: a run that never reached it would prove nothing.
  expect(served).toBeGreaterThanOrEqual(1);
  if (Number.isFinite(count)) expect(served).toBe(count);
  expect(run.elapsedMs).toBeLessThan(HANG_BOUND_MS);
  if ('success' in expected) {
    expect(errorText(run.main)).toBe('');
    expect(run.main.exitCode).toBe(0);
    const credential = endpoint.scenario === 'gcp' ? 'GOOGLE_APPLICATION_CREDENTIALS' : 'AWS_ACCESS_KEY_ID';
    expect(parseFileCommands(run.main.files.env).get(credential)).toBeTruthy();
    if (endpoint.scenario === 'aws-revocation') expect(run.post.summary).toContain('<td>revoked</td>');
    expect(errorText(run.post)).toBe('');
  } else if (endpoint.scenario === 'aws-revocation') {
    // Revocation runs in the post step: main succeeded, and the post step reports the failure without failing the job.
    expect(run.main.exitCode).toBe(0);
    expect(run.post.summary).toContain('<td>failed</td>');
    expect(errorText(run.post)).toMatch(expected.failure);
  } else {
    expect(run.main.exitCode).toBe(1);
    expect(errorText(run.main)).toMatch(expected.failure);
    // A failed main step issued nothing, so there is nothing for the post step to revoke.
    expect(run.main.state.get('issued-credentials') ?? '').toBe('');
  }
  await expectNothingHalfDone(sandbox, runner, run);
  return run;
}

/** One sandbox for a test file: faults cleared and the job's runner disposed after each test. */
export function sandboxForFile(): { readonly sandbox: Sandbox; job(): Promise<SimulatedRunner> } {
  let sandbox: Sandbox | undefined;
  let runner: SimulatedRunner | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  afterEach(async () => {
    if (sandbox) clearFaults(sandbox);
    await runner?.dispose();
    runner = undefined;
  });
  return {
    get sandbox() {
      return sandbox!;
    },
    async job() {
      runner = await newJob(sandbox!);
      return runner;
    },
  };
}
