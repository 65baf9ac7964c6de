// AWS credentials that renew themselves, end to end: the bundled main step writes a renewing profile,
// later `run:` steps of the simulated runner use it through the real AWS SDK and the real `aws` CLI for
// longer than several (shortened) credential lifetimes, and after the post step nothing renews any more.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { awsCliInstalled } from '../../src/sandbox/aws/aws-cli.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { expectNoLeaksAndDispose, unmaskableDuring } from '../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy } from '../helpers/policy-runner.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
// Shortened for the test only (STS's own minimum is 15 minutes): each session and each OIDC token. A
// session starts on a whole second, and a loaded machine may take seconds from STS's answer to the
// request it signs, so a session shorter than this could expire in between.
const SESSION_SECONDS = 8;
const TOKEN_SECONDS = 20;

let sandbox: Sandbox;
let runner: SimulatedRunner;
// Steps whose OIDC tokens a renewal fetched, for the tool that ran it.
const renewalSteps: StepResult[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.aws.maxSessionSeconds = SESSION_SECONDS;
  sandbox.issuer.runnerTokenShape = { lifetimeSeconds: TOKEN_SECONDS };
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => expectNoLeaksAndDispose(runner, unmaskableDuring(sandbox.secretsIssued(), renewalSteps.splice(0))));

async function newRunner(): Promise<SimulatedRunner> {
  const policy = policyWithOneRule(sandbox.issuer.url, { name: 'deploy', match: '{repository: octo-org/app, ref: refs/heads/main}', grant: { aws: `{roles: [${DEPLOY_ROLE}]}` } });
  runner = await runnerWithPolicy(sandbox.runnerEnv(), policy);
  return runner;
}

async function renewingMain(): Promise<void> {
  const main = await runner.runMain(MAIN, { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE, 'aws-renew-credentials': 'true' });
  expect(main.annotations.filter((a) => a.command === 'error')).toEqual([]);
  expect(main.exitCode).toBe(0);
}

async function renewalStep(command: string): Promise<StepResult> {
  const step = await runner.runShell(command);
  renewalSteps.push(step);
  return step;
}

/**
 * A later step that uses the AWS SDK's default chain, as any tool would: every few seconds it asks STS
 * who it is, and prints that with a digest of the access key that signed the request (never the key).
 */
async function sdkStep(calls: number, pauseMs: number): Promise<StepResult> {
  const script = join(runner.root, 'sdk-step.mjs');
  await writeFile(
    script,
    `import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
const { STSClient, GetCallerIdentityCommand } = createRequire(process.argv[2])('@aws-sdk/client-sts');
const sts = new STSClient({});
// The key that signed the request, read from its Authorization header.
let signedBy = '';
sts.middlewareStack.add((next) => async (args) => {
  signedBy = args.request.headers.authorization.split('Credential=')[1].split('/')[0];
  return next(args);
}, { step: 'finalizeRequest', priority: 'low' });
for (let call = 0; call < ${calls}; call++) {
  const identity = await sts.send(new GetCallerIdentityCommand({}));
  console.log(JSON.stringify({ arn: identity.Arn, key: createHash('sha256').update(signedBy).digest('hex').slice(0, 16), at: Date.now() }));
  await new Promise((done) => setTimeout(done, ${pauseMs}));
}
`,
  );
  return renewalStep(`"${process.execPath}" "${script}" "${resolve('package.json')}"`);
}

function digest(accessKeyId: string): string {
  return createHash('sha256').update(accessKeyId).digest('hex').slice(0, 16);
}

function sessionsOfJob(): Array<{ accessKeyId: string; issuedAt: Date; expiration: Date }> {
  return sandbox.aws.sessions.filter((session) => session.roleName === 'ci-deploy' && session.sessionName.startsWith('octo-org.app@'));
}

describe('a renewing AWS profile', () => {
  it('keeps a job working through the SDK for several credential lifetimes, with new keys each time, until the post step closes it', async () => {
    await newRunner();
    const before = sessionsOfJob().length;
    await renewingMain();

    // The environment names the profile; no static key is exported.
    const configFile = runner.jobEnv.get('AWS_CONFIG_FILE')!;
    expect(configFile.startsWith(runner.tempDir)).toBe(true);
    expect(runner.jobEnv.get('AWS_PROFILE')).toBe('ci-oidc-broker');
    expect(runner.jobEnv.get('AWS_REGION')).toBe(REGION);
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) expect(runner.jobEnv.get(name)).toBe('');
    expect((await stat(configFile)).mode & 0o777).toBe(0o600);
    const config = await readFile(configFile, 'utf8');
    expect(config).toContain('[profile ci-oidc-broker]');
    expect(config).toMatch(new RegExp(`^credential_process = '${process.execPath}' '[^']+/cli/index\\.js' 'aws-credential-process' '--renewal' '[^']+/renewal\\.json'$`, 'm'));
    const credentialProcess = /^credential_process = (.*)$/m.exec(config)![1]!;

    // Longer than three session lifetimes, through the SDK's default chain.
    const sdk = await sdkStep(4, SESSION_SECONDS * 1000 + 500);
    expect(sdk.stderr).toBe('');
    expect(sdk.exitCode).toBe(0);
    const calls = sdk.stdout.trim().split('\n').map((line) => JSON.parse(line) as { arn: string; key: string; at: number });
    expect(calls).toHaveLength(4);
    for (const call of calls) expect(call.arn).toMatch(/^arn:aws:sts::111122223333:assumed-role\/ci-deploy\/octo-org\.app@/);
    expect(calls.at(-1)!.at - calls[0]!.at).toBeGreaterThan(3 * SESSION_SECONDS * 1000);
    expect(new Set(calls.map((call) => call.key)).size).toBe(4);
    // Every key the SDK used is one STS issued for the job, and each lived no longer than the shortened lifetime.
    const issued = sessionsOfJob().slice(before);
    expect(calls.every((call) => issued.some((session) => digest(session.accessKeyId) === call.key))).toBe(true);
    for (const session of issued) expect(session.expiration.getTime() - session.issuedAt.getTime()).toBeLessThanOrEqual(SESSION_SECONDS * 1000);

    // The first session has expired by now, and the emulator refuses it as STS does.
    const first = issued[0]!;
    const full = sandbox.aws.sessions.find((session) => session.accessKeyId === first.accessKeyId)!;
    const stale = new STSClient({ region: REGION, endpoint: sandbox.aws.url, maxAttempts: 1, credentials: { accessKeyId: full.accessKeyId, secretAccessKey: full.secretAccessKey, sessionToken: full.sessionToken } });
    await expect(stale.send(new GetCallerIdentityCommand({}))).rejects.toMatchObject({ name: 'ExpiredToken' });

    const renewed = sessionsOfJob().length - before;
    expect(renewed).toBeGreaterThanOrEqual(4);

    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(post.log.join('\n')).toContain(`AWS: closed the renewing profile "ci-oidc-broker": ${renewed} session(s) of octo-org.app@`);
    expect(runner.jobEnv.get('AWS_CONFIG_FILE')).toBe('');
    expect(runner.jobEnv.get('AWS_PROFILE')).toBe('');
    expect(existsSync(configFile)).toBe(false);
    expect(post.summary).toContain('cleared only');

    // Nothing renews any more: neither the profile's own command nor a tool that still names the file.
    const refused = await runner.runShell(credentialProcess);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('AWS_RENEWAL_CLOSED');
    const sdkAfter = await sdkStep(1, 0);
    expect(sdkAfter.exitCode).not.toBe(0);
    expect(sessionsOfJob().length - before).toBe(renewed);
  });

  it('keeps the aws CLI working across credential lifetimes', async () => {
    await newRunner();
    if (!(await awsCliInstalled())) {
      // Only a developer machine without awscli gets here; .ci/run installs it, and CI=true makes its absence a failure.
      expect(process.env.CI).not.toBe('true');
      return;
    }
    const before = sessionsOfJob().length;
    await renewingMain();
    const cli = await renewalStep(`for call in 1 2 3; do aws sts get-caller-identity --endpoint-url "${sandbox.aws.url}" --output json; sleep ${SESSION_SECONDS + 1}; done`);
    expect(cli.stderr).toBe('');
    expect(cli.exitCode).toBe(0);
    expect(cli.stdout.match(/"Arn": "arn:aws:sts::111122223333:assumed-role\/ci-deploy\/octo-org\.app@/g)).toHaveLength(3);
    // The main step's session, then at least one for each call (botocore also renews, at once, a
    // credential that expires within its refresh window, as every one here does).
    expect(sessionsOfJob().length - before).toBeGreaterThanOrEqual(4);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });
});
