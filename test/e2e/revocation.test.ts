// Per-session revocation end to end: the bundled main and post steps with a revoker role, against the
// sandbox's STS and IAM, with the real AWS SDK proving what works before and what is refused after.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { SimulatedRunner, type StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { findLeaks } from '../helpers/leak-scan.ts';
import { MAIN, POST, CLI } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const REVOKER_ROLE = 'arn:aws:iam::111122223333:role/ci-revoker';

function policyFor(issuer: string, revokeRole = ''): string {
  return `version: 1
issuers: ["${issuer}"]
rules:
  - name: deploy
    match: {repository: octo-org/app}
    grant:
      aws:
        roles: [${DEPLOY_ROLE}]
${revokeRole ? `        revoke-role: ${revokeRole}\n` : ''}`;
}

let sandbox: Sandbox;
const runners: SimulatedRunner[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(async () => {
  const leaks = (await Promise.all(runners.map((runner) => findLeaks(runner, sandbox.secretsIssued())))).flat();
  await Promise.all(runners.splice(0).map((runner) => runner.dispose()));
  expect(leaks).toEqual([]);
});

/** A job of its own: another run id, so its default session name (and aws:userid) is its own. */
async function job(runId: string, policy = policyFor(sandbox.issuer.url)): Promise<SimulatedRunner> {
  const runner = await SimulatedRunner.create({ env: sandbox.runnerEnv({ GITHUB_RUN_ID: runId }) });
  runners.push(runner);
  await mkdir(join(runner.workspace, '.github'));
  await writeFile(join(runner.workspace, '.github', 'ci-oidc-broker.yml'), policy);
  return runner;
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE, ...extra };
}

function iamAs(runner: SimulatedRunner): IAMClient {
  return new IAMClient({
    region: REGION,
    endpoint: sandbox.aws.url,
    maxAttempts: 1,
    credentials: { accessKeyId: runner.jobEnv.get('AWS_ACCESS_KEY_ID')!, secretAccessKey: runner.jobEnv.get('AWS_SECRET_ACCESS_KEY')!, sessionToken: runner.jobEnv.get('AWS_SESSION_TOKEN')! },
  });
}

/** A call IAM governs: reading the role. Resolves to 'allowed' or the error's name. */
async function canReadRole(iam: IAMClient): Promise<string> {
  return iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' })).then(
    () => 'allowed',
    (error: Error) => error.name,
  );
}

function denialsOnDeployRole(): string[] {
  return sandbox.aws.inlinePolicyNames('ci-deploy').filter((name) => name.startsWith('ci-oidc-broker-deny-'));
}

function errors(step: StepResult): string[] {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message);
}

describe('revoking the job’s AWS session at job end', () => {
  it('denies exactly this job’s session: it worked, the post step ran, now IAM refuses it; another job’s session keeps working', async () => {
    const mine = await job('1001');
    const theirs = await job('1002');
    expect((await mine.runMain(MAIN, inputs({ 'aws-revoke-role': REVOKER_ROLE }))).exitCode).toBe(0);
    expect((await theirs.runMain(MAIN, inputs())).exitCode).toBe(0);
    const myIam = iamAs(mine);
    const theirIam = iamAs(theirs);
    expect(await canReadRole(myIam)).toBe('allowed');

    const post = await mine.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(errors(post)).toEqual([]);
    expect(post.summary).toContain('<td>revoked</td>');
    expect(post.summary).toContain('is denied from now on');
    expect(post.summary).not.toContain('permissions boundary');

    expect(await canReadRole(myIam)).toBe('AccessDenied');
    expect(await canReadRole(theirIam)).toBe('allowed');
    expect(await theirs.runPost(POST).then((step) => step.exitCode)).toBe(0);
    expect(await canReadRole(theirIam)).toBe('allowed');
  });

  it('takes the revoker from the policy’s revoke-role, and is idempotent', async () => {
    const runner = await job('1003', policyFor(sandbox.issuer.url, REVOKER_ROLE));
    expect((await runner.runMain(MAIN, inputs())).exitCode).toBe(0);
    const iam = iamAs(runner);
    const first = await runner.runPost(POST);
    const second = await runner.runPost(POST);
    for (const step of [first, second]) {
      expect(step.exitCode).toBe(0);
      expect(step.summary).toContain('<td>revoked</td>');
    }
    expect(await canReadRole(iam)).toBe('AccessDenied');
  });

  it('loses no job’s denial when many revoke on one role at once', async () => {
    const jobs = await Promise.all(['2001', '2002', '2003', '2004', '2005', '2006'].map((id) => job(id)));
    for (const runner of jobs) expect((await runner.runMain(MAIN, inputs({ 'aws-revoke-role': REVOKER_ROLE }))).exitCode).toBe(0);
    const before = denialsOnDeployRole().length;
    const clients = jobs.map(iamAs);
    const posts = await Promise.all(jobs.map((runner) => runner.runPost(POST)));
    for (const post of posts) expect(post.summary).toContain('<td>revoked</td>');
    expect(denialsOnDeployRole().length).toBe(before + jobs.length);
    for (const iam of clients) expect(await canReadRole(iam)).toBe('AccessDenied');
  });

  it('says plainly, without a revoker, that the session stays valid until its expiry', async () => {
    const runner = await job('1004');
    const main = await runner.runMain(MAIN, inputs());
    const iam = iamAs(runner);
    const post = await runner.runPost(POST);
    expect(post.summary).toContain('<td>cleared only</td>');
    expect(post.summary).toMatch(/No revoker role is configured, so session &#34;octo-org\.app@1004-1-deploy&#34; of role ci-deploy stays valid until it expires at \d{4}-\d\d-\d\dT/);
    expect(main.exitCode).toBe(0);
    expect(await canReadRole(iam)).toBe('allowed');
  });

  it('reports a failed revocation as an error annotation, leaks nothing, and leaves the job’s result alone', async () => {
    const runner = await job('1005');
    // A revoker that the trust policy admits but that may not touch ci-deploy.
    const main = await runner.runMain(MAIN, inputs({ 'aws-revoke-role': 'arn:aws:iam::111122223333:role/other-repo-only' }));
    expect(main.exitCode).toBe(0);
    const iam = iamAs(runner);
    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(post.summary).toContain('<td>failed</td>');
    // The failure quotes the revoker's ARN; the summary, which the runner does not mask, keeps the account out.
    expect(post.summary).toContain('arn:aws:iam::***:role/other-repo-only');
    expect(post.summary).not.toContain('111122223333');
    expect(errors(post).join('\n')).toMatch(/Revocation failed for AROA\w+:octo-org\.app@1005-1-deploy: Could not deny the session: /);
    expect(await canReadRole(iam)).toBe('allowed');
  });
});

describe('ci-oidc-broker revoke', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [CLI, 'revoke', ...args], { env: { PATH: process.env.PATH ?? '', AWS_ENDPOINT_URL_STS: sandbox.aws.url, AWS_ENDPOINT_URL_IAM: sandbox.aws.url } }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('denies every session of the role issued before a time, through the revoker role and a CI token', async () => {
    const runner = await job('3001');
    expect((await runner.runMain(MAIN, inputs())).exitCode).toBe(0);
    const iam = iamAs(runner);
    expect(await canReadRole(iam)).toBe('allowed');
    const token = await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' });
    const cutoff = new Date(Date.now() + 2000).toISOString();
    const out = await promisify(execFile)(process.execPath, [CLI, 'revoke', '--role', DEPLOY_ROLE, '--issued-before', cutoff, '--revoker-role', REVOKER_ROLE, '--token-env', 'CI_TOKEN', '--format', 'json'], {
      env: { PATH: process.env.PATH ?? '', CI_TOKEN: token, AWS_ENDPOINT_URL_STS: sandbox.aws.url, AWS_ENDPOINT_URL_IAM: sandbox.aws.url },
    });
    const report = JSON.parse(out.stdout) as { policyName: string; permissionsBoundary: string | null };
    expect(report.policyName).toMatch(/^ci-oidc-broker-deny-before-\d{8}T\d{6}Z$/);
    expect(report.permissionsBoundary).toBe('arn:aws:iam::111122223333:policy/ci-deploy-boundary');
    expect(out.stdout).not.toContain(token);
    expect(out.stderr).not.toContain(token);
    expect(await canReadRole(iam)).toBe('AccessDenied');
    await runner.runPost(POST);
  });

  it('refuses to run without a way to choose what to deny, as a usage error', async () => {
    const result = await run(['--role', DEPLOY_ROLE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('revoke needs exactly one of --session and --issued-before.');
  });
});
