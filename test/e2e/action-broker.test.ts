// The bundled action (dist/main, dist/post) in broker mode, driven as a runner drives it: the job's token
// goes to the sandbox's broker, which alone can mint for ci-deploy; the real AWS SDK uses what the step
// exported; the post step has the broker revoke the run's sessions, after which AWS refuses them.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { SANDBOX_GCP_PROJECT, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox, type SandboxBroker } from '../../src/sandbox/index.ts';
import { SimulatedRunner, type StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { findLeaks } from '../helpers/leak-scan.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const AWS_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

let sandbox: Sandbox;
let broker: SandboxBroker;
let runner: SimulatedRunner;
const brokerLog: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ broker: { logStream: { write: (line) => void brokerLog.push(line) } } });
  broker = sandbox.broker!;
});
afterAll(async () => {
  await sandbox.close();
});

function errorText(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

function iamWithJobCredentials(): IAMClient {
  const credentials = {
    accessKeyId: runner.jobEnv.get('AWS_ACCESS_KEY_ID') ?? '',
    secretAccessKey: runner.jobEnv.get('AWS_SECRET_ACCESS_KEY') ?? '',
    sessionToken: runner.jobEnv.get('AWS_SESSION_TOKEN') ?? '',
  };
  return new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials, maxAttempts: 1 });
}

describe('the action in broker mode', () => {
  afterEach(async () => {
    // Every scenario ends with the leak scan over all it produced, the broker's own credentials included.
    const leaks = await findLeaks(runner, sandbox.secretsIssued());
    await runner.dispose();
    sandbox.issuer.job = { ...sandbox.issuer.job, ref: 'refs/heads/main', runId: '9876543210' };
    expect(leaks).toEqual([]);
  });

  it('gets credentials from the broker without a policy file, and the post step has them revoked', async () => {
    // No policy in the workspace: the broker's is the one that decides.
    runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    const main = await runner.runMain(MAIN, { 'broker-url': broker.url, 'aws-region': REGION });
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    for (const name of AWS_VARIABLES) expect(runner.jobEnv.get(name)).toBeTruthy();
    expect(main.outputs.get('policy-rule')).toBe('deploy-from-main');
    expect(main.outputs.get('aws-account-id')).toBe('111122223333');
    expect(main.summary).toContain('<code>deploy-from-main</code>');
    expect(main.summary).toContain('arn:aws:iam::***:role/ci-deploy');
    expect(main.summary).not.toContain('111122223333');
    // The token the runner handed out was for the broker's audience, and only the broker exchanged it.
    const served = sandbox.issuer.servedToRunner.at(-1)!;
    expect(JSON.parse(Buffer.from(served.token.split('.')[1]!, 'base64url').toString()).aud).toBe(broker.url);
    const minted = sandbox.aws.sessions.find((s) => s.accessKeyId === runner.jobEnv.get('AWS_ACCESS_KEY_ID'))!;
    expect(minted).toMatchObject({ sourceIdentity: '8429@9876543210_1', tags: expect.objectContaining({ repository_id: '8429', ref: 'refs/heads/main' }) });

    const sts = new STSClient({ region: REGION, endpoint: sandbox.aws.url, credentials: { accessKeyId: runner.jobEnv.get('AWS_ACCESS_KEY_ID')!, secretAccessKey: runner.jobEnv.get('AWS_SECRET_ACCESS_KEY')!, sessionToken: runner.jobEnv.get('AWS_SESSION_TOKEN')! }, maxAttempts: 1 });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toMatch(/^arn:aws:sts::111122223333:assumed-role\/ci-deploy\//);
    sts.destroy();
    const iam = iamWithJobCredentials();
    try {
      expect((await iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);

      const post = await runner.runPost(POST);
      expect(errorText(post)).toBe('');
      expect(post.exitCode).toBe(0);
      // Recorded by its aws:userid, as in the direct path; the token names no job, so the whole run's sessions ended.
      expect(post.log.join('\n')).toContain(`aws ${minted.assumedRoleId}: revoked.`);
      expect(post.log.join('\n')).toContain('so the broker ended every session of this run, those of parallel jobs included');
      for (const name of AWS_VARIABLES) expect(runner.jobEnv.get(name)).toBe('');
      expect(post.summary).toContain('<td>revoked</td>');
      expect(post.summary).not.toContain('111122223333');
      await expect(iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    } finally {
      iam.destroy();
    }
  });

  it('ends only its own job’s session at job end when the token names the job, while a parallel job of the run keeps working', async () => {
    sandbox.issuer.job = { ...sandbox.issuer.job, runId: '3333' };
    // Two jobs of one run: the runner's tokens differ only by the job's check_run_id.
    const asJob = (checkRunId: string) => void (sandbox.issuer.runnerTokenShape = { claims: { check_run_id: checkRunId } });
    runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    const parallel = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    try {
      asJob('70001');
      expect((await runner.runMain(MAIN, { 'broker-url': broker.url, 'aws-region': REGION })).exitCode).toBe(0);
      asJob('70002');
      expect((await parallel.runMain(MAIN, { 'broker-url': broker.url, 'aws-region': REGION })).exitCode).toBe(0);
      const sessionOf = (job: SimulatedRunner) => sandbox.aws.sessions.find((s) => s.accessKeyId === job.jobEnv.get('AWS_ACCESS_KEY_ID'))!;
      expect(sessionOf(runner).assumedRoleId).not.toBe(sessionOf(parallel).assumedRoleId);
      const ours = iamWithJobCredentials();
      const theirs = new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials: { accessKeyId: parallel.jobEnv.get('AWS_ACCESS_KEY_ID')!, secretAccessKey: parallel.jobEnv.get('AWS_SECRET_ACCESS_KEY')!, sessionToken: parallel.jobEnv.get('AWS_SESSION_TOKEN')! }, maxAttempts: 1 });
      try {
        asJob('70001');
        const post = await runner.runPost(POST);
        expect([post.exitCode, errorText(post)]).toEqual([0, '']);
        expect(post.summary).toContain('<td>revoked</td>');
        expect(post.log.join('\n')).not.toContain('parallel jobs');
        await expect(ours.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).rejects.toMatchObject({ name: 'AccessDenied' });
        expect((await theirs.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);

        asJob('70002');
        expect((await parallel.runPost(POST)).summary).toContain('<td>revoked</td>');
        await expect(theirs.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).rejects.toMatchObject({ name: 'AccessDenied' });
      } finally {
        ours.destroy();
        theirs.destroy();
      }
      expect(await findLeaks(parallel, sandbox.secretsIssued())).toEqual([]);
    } finally {
      sandbox.issuer.runnerTokenShape = {};
      await parallel.dispose();
    }
  });

  it('gets a Google token by service account alone, exported for gcloud, and reported cleared only at job end', async () => {
    sandbox.issuer.job = { ...sandbox.issuer.job, runId: '2222' };
    runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    const main = await runner.runMain(MAIN, { 'broker-url': broker.url, 'aws-region': REGION, service_account: SANDBOX_GCP_SERVICE_ACCOUNT, project_id: SANDBOX_GCP_PROJECT });
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    const accessToken = runner.jobEnv.get('CLOUDSDK_AUTH_ACCESS_TOKEN') ?? '';
    expect([runner.jobEnv.get('GOOGLE_OAUTH_ACCESS_TOKEN'), main.outputs.get('access_token'), runner.jobEnv.get('GOOGLE_CLOUD_PROJECT')]).toEqual([accessToken, accessToken, SANDBOX_GCP_PROJECT]);
    expect(runner.jobEnv.has('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
    const info = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${encodeURIComponent(accessToken)}`);
    expect(await info.json()).toMatchObject({ email: SANDBOX_GCP_SERVICE_ACCOUNT });
    expect(main.summary).toContain(SANDBOX_GCP_SERVICE_ACCOUNT);

    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(post.summary).toContain('<td>revoked</td>');
    expect(post.summary).toContain('<td>cleared only</td>');
    for (const name of ['CLOUDSDK_AUTH_ACCESS_TOKEN', 'GOOGLE_OAUTH_ACCESS_TOKEN', ...AWS_VARIABLES]) expect(runner.jobEnv.get(name)).toBe('');
  });

  it('reports the broker’s denial with its explanation, exports nothing, and the post step has nothing to revoke', async () => {
    sandbox.issuer.job = { ...sandbox.issuer.job, ref: 'refs/heads/dev', runId: '1111' };
    runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    const main = await runner.runMain(MAIN, { 'broker-url': broker.url, 'aws-region': REGION });
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toMatch(/^POLICY_DENIED: /);
    expect(main.log.join('\n')).toContain('ref was "refs/heads/dev", expected "refs/heads/main"');
    expect(main.summary).toContain('(decided by the broker)');
    for (const name of AWS_VARIABLES) expect(runner.jobEnv.get(name)).toBeUndefined();

    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(post.log.join('\n')).toContain('no credentials were issued by the main step');
  });

  it('refuses a broker URL over plain http off loopback before asking for any token', async () => {
    runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    const served = sandbox.issuer.servedToRunner.length;
    const main = await runner.runMain(MAIN, { 'broker-url': 'http://broker.example.com', 'aws-region': REGION });
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toMatch(/^INPUT_INVALID: The input `broker-url` is "http:\/\/broker\.example\.com", not the broker's https URL\./);
    expect(sandbox.issuer.servedToRunner.length).toBe(served);
  });

});

describe('the broker behind those steps', () => {
  it('leaves no token or credential in its log', () => {
    const secrets = sandbox.secretsIssued();
    const log = brokerLog.join('');
    expect(log).toContain('"tokenSha256"');
    expect([...secrets.neverExported, ...secrets.credentials, ...secrets.requestedTokens.map((s) => s.token)].filter((secret) => log.includes(secret))).toEqual([]);
  });
});
