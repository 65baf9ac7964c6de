// The issuer rotating its signing key while a job runs. Each case has a sandbox of its own, so that no
// key set cached by an earlier case (in the emulators) decides the outcome.
import { afterEach, describe, expect, test } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import type { SimulatedRunner } from '../../../src/sandbox/runner/simulated-runner.ts';
import { errorText, expectNothingHalfDone, HANG_BOUND_MS, inputsFor, MAIN, newJob, POST, runJob } from './faults-kit.ts';

let sandbox: Sandbox | undefined;
let runner: SimulatedRunner | undefined;
afterEach(async () => {
  await runner?.dispose();
  await sandbox?.close();
});

describe('a JWKS rotation in the middle of a run', () => {
  test('retiring the key right after the action fetched the JWKS: STS refuses the earlier token, and the step says so', async () => {
    sandbox = await startSandbox();
    runner = await newJob(sandbox);
    await sandbox.issuer.rotateKeysAfter('jwks', { retirePrevious: true });
    const run = await runJob(runner, inputsFor(sandbox, 'aws'));
    expect(sandbox.issuer.rotationPending).toBe(false);
    expect(run.elapsedMs).toBeLessThan(HANG_BOUND_MS);
    expect(run.main.exitCode).toBe(1);
    expect(errorText(run.main)).toMatch(/^AWS_INVALID_IDENTITY_TOKEN: AWS STS rejected the OIDC token for arn:aws:iam::111122223333:role\/ci-deploy: "Couldn't verify the signature or claims of the web identity token\."/);
    expect(sandbox.aws.sessions).toHaveLength(0);
    await expectNothingHalfDone(sandbox, runner, run);
  });

  test('retiring the key between the main and post steps: the post step’s fresh token still revokes the session', async () => {
    sandbox = await startSandbox();
    runner = await newJob(sandbox);
    const main = await runner.runMain(MAIN, inputsFor(sandbox, 'aws-revocation'));
    expect(main.exitCode).toBe(0);
    await sandbox.issuer.rotateKeys({ retirePrevious: true });
    const post = await runner.runPost(POST);
    expect(post.summary).toContain('<td>revoked</td>');
    await expectNothingHalfDone(sandbox, runner, { main, post, elapsedMs: post.endedAt - main.startedAt });
  });

  // jose refetches the JWKS for an unknown key id at most once per cooldown; the verifier waits the
  // (short) cooldown out once, so a key published between the two clouds' tokens is found.
  test('publishing a new key beside the old one after the first token was verified: the second cloud’s token is verified with it', async () => {
    sandbox = await startSandbox();
    runner = await newJob(sandbox);
    await sandbox.issuer.rotateKeysAfter('jwks');
    const run = await runJob(runner, { ...inputsFor(sandbox, 'aws'), ...sandbox.gcpInputs() });
    expect(sandbox.issuer.rotationPending).toBe(false);
    expect(errorText(run.main)).toBe('');
    expect(run.main.exitCode).toBe(0);
    expect(sandbox.aws.sessions.filter((session) => session.roleName === 'ci-deploy')).toHaveLength(1);
    expect(sandbox.google.accessTokensIssued.length).toBeGreaterThan(0);
    await expectNothingHalfDone(sandbox, runner, run);
  });
});
