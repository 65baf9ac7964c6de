// Google credentials that renew themselves: the bundled action writes an external-account file whose
// credential source is its own CLI, and a later step's google-auth-library (ADC) keeps getting fresh
// access tokens long after the job's first OIDC token and access token died. After the post step,
// nothing renews. Tokens are shortened for the test: OIDC tokens live 6 s, access tokens 3 s.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { findLeaks, unmaskableDuring } from '../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy, SANDBOX_GCP_GRANT } from '../helpers/policy-runner.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const TOKEN_SECONDS = 6;
const ROUNDS = 5;
const ROUND_INTERVAL_MS = 4000;
const PROBE = resolve('test/helpers/gcp-adc-probe.ts');

let sandbox: Sandbox;
let runner: SimulatedRunner;
/** Steps whose OIDC tokens went to Google's library through a pipe, never to the log: nothing there could mask them. */
const libraryFedSteps: StepResult[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ tokenLifetimeSeconds: TOKEN_SECONDS });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  const issued = sandbox.secretsIssued();
  // Each token such a step's tool obtained must still appear nowhere.
  const leaks = await findLeaks(runner, { ...unmaskableDuring(issued, libraryFedSteps), neverExported: [...issued.neverExported, ...issued.requestedTokens.map(({ token }) => token)] });
  const left = (await runner.leftoverFiles()).map((file) => file.path).filter((path) => !path.startsWith('workspace/'));
  await runner.dispose();
  expect(leaks).toEqual([]);
  expect(left).toEqual([]);
});

interface ProbeRound {
  round: number;
  at: number;
  status?: number;
  email?: string;
  fingerprint?: string;
  error?: string;
}

/** A `run:` step that runs the probe with the job's environment, as any later step would. */
async function adcStep(rounds: number): Promise<{ step: StepResult; results: ProbeRound[] }> {
  const step = await runner.runShell(`"${process.execPath}" "${PROBE}" ${rounds} ${ROUND_INTERVAL_MS} "${sandbox.google.tokenInfoUrl}"`);
  libraryFedSteps.push(step);
  const results = step.stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as ProbeRound);
  return { step, results };
}

describe('Google credentials that renew themselves', () => {
  it('keep ADC working through several token lifetimes, with no token on disk; after the post step nothing renews', async () => {
    const policy = policyWithOneRule(sandbox.issuer.url, { match: '{repository_id: "8429", ref: refs/heads/main}', grant: { gcp: SANDBOX_GCP_GRANT } });
    runner = await runnerWithPolicy(sandbox.runnerEnv(), policy);
    const main = await runner.runMain(MAIN, { issuer: sandbox.issuer.url, ...sandbox.gcpInputs(), access_token_lifetime: '3s' });
    expect(main.annotations.filter((a) => a.command === 'error')).toEqual([]);
    expect(main.exitCode).toBe(0);
    expect(runner.jobEnv.get('GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES')).toBe('1');
    const configPath = runner.jobEnv.get('GOOGLE_APPLICATION_CREDENTIALS')!;
    expect([runner.jobEnv.get('GOOGLE_GHA_CREDS_PATH'), main.outputs.get('credentials_file_path')]).toEqual([configPath, configPath]);
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { credential_source: { executable: { command: string; output_file?: string } } };
    expect(config.credential_source.executable.output_file).toBeUndefined();
    const firstToken = sandbox.issuer.servedToRunner.at(-1)!;

    const served = sandbox.issuer.servedToRunner.length;
    const { step, results } = await adcStep(ROUNDS);
    expect(step.exitCode).toBe(0);
    expect(results.map(({ round, status, email, error }) => ({ round, status, email, error }))).toEqual(
      Array.from({ length: ROUNDS }, (_, round) => ({ round, status: 200, email: SANDBOX_GCP_SERVICE_ACCOUNT, error: undefined })),
    );
    // Every round's token is a new one, minted from an OIDC token the runner had just issued: the
    // work outlived the main step's OIDC token and every access token before the last.
    expect(new Set(results.map((result) => result.fingerprint)).size).toBe(ROUNDS);
    expect(sandbox.issuer.servedToRunner.length - served).toBeGreaterThanOrEqual(ROUNDS);
    expect(results.at(-1)!.at).toBeGreaterThan(decodeJwt(firstToken.token).exp! * 1000 + TOKEN_SECONDS * 1000);

    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(runner.jobEnv.get('GOOGLE_APPLICATION_CREDENTIALS')).toBe('');
    // The command the file named, run as a tool would run it after the job's end: it refuses, and says why.
    const after = await runner.runShell(config.credential_source.executable.command);
    libraryFedSteps.push(after);
    expect(after.exitCode).toBe(1);
    expect(after.stdout).toBe('');
    expect(after.stderr).toContain('STATE_INVALID: The Google credentials of this job are gone');
  });
});
