// The bundled action asked for Google Cloud (and AWS) credentials, driven as a runner drives it,
// against the sandbox; the real google-auth-library reads what it left, as a user's tool would.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GoogleAuth } from 'google-auth-library';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { SimulatedRunner, type StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { findLeaks } from '../helpers/leak-scan.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const LOCKED_ACCOUNT = 'locked@ci-oidc-broker-sandbox.iam.gserviceaccount.com';
const GCP_VARIABLES = ['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_CLOUD_PROJECT', 'CLOUDSDK_CORE_PROJECT', 'CLOUDSDK_PROJECT'];
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

function policyFor(issuer: string, gcpGrant = `{workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}, ${LOCKED_ACCOUNT}], max-lifetime: 30m}`): string {
  return `version: 1
issuers: ["${issuer}"]
rules:
  - name: deploy-from-main
    match:
      repository_owner_id: "1342004"
      repository_id: "8429"
      ref: refs/heads/main
    grant:
      aws:
        roles: [${DEPLOY_ROLE}]
      gcp: ${gcpGrant}
`;
}

let sandbox: Sandbox;
let runner: SimulatedRunner;

beforeAll(async () => {
  sandbox = await startSandbox();
  // An account the policy grants but that Google lets nobody impersonate: the cloud has the last word.
  sandbox.google.putServiceAccount({ email: LOCKED_ACCOUNT, impersonators: [] });
});
afterAll(async () => {
  await sandbox.close();
});

async function newRunner(policy?: string): Promise<SimulatedRunner> {
  runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
  await mkdir(join(runner.workspace, '.github'));
  await writeFile(join(runner.workspace, '.github', 'ci-oidc-broker.yml'), policy ?? policyFor(sandbox.issuer.url));
  return runner;
}

afterEach(async () => {
  const leaks = await findLeaks(runner, sandbox.secretsIssued());
  const left = await filesInRunnerTemp();
  await runner.dispose();
  sandbox.google.now = () => Date.now();
  expect(leaks).toEqual([]);
  expect(left).toEqual([]);
});

/** What the job would find under RUNNER_TEMP (the workspace holds only the policy). */
async function filesInRunnerTemp(): Promise<string[]> {
  return (await runner.leftoverFiles()).map((file) => file.path).filter((path) => !path.startsWith('workspace/'));
}

function gcpInputs(extra: Record<string, string> = {}): Record<string, string> {
  return { issuer: sandbox.issuer.url, ...sandbox.gcpInputs(), ...extra };
}

function errorText(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

async function tokenInfo(token: string): Promise<{ status: number; email?: string }> {
  const response = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${encodeURIComponent(token)}`);
  const body = (await response.json()) as { email?: string };
  return { status: response.status, email: body.email };
}

/** ADC as a user's tool meets it: GOOGLE_APPLICATION_CREDENTIALS and GOOGLE_CLOUD_PROJECT from the job's environment. */
async function withJobEnvironment<T>(names: readonly string[], use: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  for (const name of names) process.env[name] = runner.jobEnv.get(name);
  try {
    return await use();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('Google Cloud credentials from the action, end to end', () => {
  it('grants AWS and Google in one step; both real client libraries use them; the post step leaves nothing', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE }));
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);

    const aws = new STSClient({
      region: REGION,
      endpoint: sandbox.aws.url,
      maxAttempts: 1,
      credentials: { accessKeyId: runner.jobEnv.get('AWS_ACCESS_KEY_ID')!, secretAccessKey: runner.jobEnv.get('AWS_SECRET_ACCESS_KEY')!, sessionToken: runner.jobEnv.get('AWS_SESSION_TOKEN')! },
    });
    expect((await aws.send(new GetCallerIdentityCommand({}))).Arn).toContain(':assumed-role/ci-deploy/');

    for (const name of GCP_VARIABLES) expect(runner.jobEnv.get(name)).toBeTruthy();
    const configPath = runner.jobEnv.get('GOOGLE_APPLICATION_CREDENTIALS')!;
    expect(configPath.startsWith(runner.tempDir)).toBe(true);
    expect((await stat(configPath)).mode & 0o777).toBe(0o600);
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { type: string; credential_source: { file: string } };
    expect(config.type).toBe('external_account');
    expect((await stat(config.credential_source.file)).mode & 0o777).toBe(0o600);

    const adcToken = await withJobEnvironment(['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_CLOUD_PROJECT'], async () => {
      const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM] });
      expect(await auth.getProjectId()).toBe('ci-oidc-broker-sandbox');
      return (await auth.getAccessToken()) ?? '';
    });
    expect(await tokenInfo(adcToken)).toEqual({ status: 200, email: SANDBOX_GCP_SERVICE_ACCOUNT });

    const outputToken = main.outputs.get('gcp-access-token') ?? '';
    expect(main.stdout.split('\n')).toContain(`::add-mask::${outputToken}`);
    expect(await tokenInfo(outputToken)).toEqual({ status: 200, email: SANDBOX_GCP_SERVICE_ACCOUNT });
    const expiresAt = Date.parse(main.outputs.get('gcp-access-token-expiration') ?? '');
    expect(expiresAt - Date.now()).toBeGreaterThan(540_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(600_000);
    expect(main.summary).toContain('<td>Google Cloud</td>');
    expect(main.summary).toContain(`<code>${SANDBOX_GCP_SERVICE_ACCOUNT}</code>`);

    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    for (const name of [...GCP_VARIABLES, 'AWS_SESSION_TOKEN']) expect(runner.jobEnv.get(name)).toBe('');
    expect(post.summary).toContain('Google cannot revoke access tokens');
    expect(post.summary).not.toContain('revoked</td>');
    // Google's tokens cannot be revoked: they work until they expire, and then no longer.
    expect((await tokenInfo(outputToken)).status).toBe(200);
    sandbox.google.now = () => expiresAt + 1000;
    expect((await tokenInfo(outputToken)).status).toBe(400);
  });

  it('grants Google alone, with the rule’s only account and the default audience', async () => {
    await newRunner(policyFor(sandbox.issuer.url, `{workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}]}`));
    const main = await runner.runMain(MAIN, gcpInputs({ 'gcp-service-account': '' }));
    expect(errorText(main)).toBe('');
    expect(runner.jobEnv.has('AWS_ACCESS_KEY_ID')).toBe(false);
    expect(main.log.join('\n')).toContain(`for audience "//iam.googleapis.com/${SANDBOX_GCP_PROVIDER}"`);
    expect((await tokenInfo(main.outputs.get('gcp-access-token') ?? '')).email).toBe(SANDBOX_GCP_SERVICE_ACCOUNT);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });

  it('caps the lifetime at the rule’s max-lifetime, and says so', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ 'gcp-access-token-lifetime': '1h' }));
    expect(main.exitCode).toBe(0);
    expect(main.annotations.map((a) => a.message)).toContain('gcp-access-token-lifetime lowered to 1800s, the most that rule "deploy-from-main" grants.');
    expect(Date.parse(main.outputs.get('gcp-access-token-expiration') ?? '') - Date.now()).toBeLessThanOrEqual(1_800_000);
    await runner.runPost(POST);
  });

  it('writes no file when asked not to, and still exports the project', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ 'gcp-create-credentials-file': 'false' }));
    expect(main.exitCode).toBe(0);
    expect(runner.jobEnv.has('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
    expect(runner.jobEnv.get('GOOGLE_CLOUD_PROJECT')).toBe('ci-oidc-broker-sandbox');
    expect(await filesInRunnerTemp()).toEqual([]);
    await runner.runPost(POST);
  });

  it('deletes every file when the action ran twice in the job', async () => {
    await newRunner();
    const first = await runner.runMain(MAIN, gcpInputs());
    const second = await runner.runMain(MAIN, gcpInputs());
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    expect(await filesInRunnerTemp()).toHaveLength(4);
    // Post steps run in reverse order, each with its own main step's state.
    expect((await runner.runPost(POST, second)).exitCode).toBe(0);
    expect((await runner.runPost(POST, first)).exitCode).toBe(0);
  });
});

describe('Google Cloud denials, at each layer', () => {
  it('the policy: a service account the rule does not grant', async () => {
    await newRunner();
    const issuedBefore = sandbox.google.accessTokensIssued.length;
    const main = await runner.runMain(MAIN, gcpInputs({ 'gcp-service-account': 'admin@ci-oidc-broker-sandbox.iam.gserviceaccount.com' }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('Rule "deploy-from-main" does not grant the service account admin@ci-oidc-broker-sandbox.iam.gserviceaccount.com');
    expect(sandbox.google.accessTokensIssued.length).toBe(issuedBefore);
    await runner.runPost(POST);
  });

  it('the policy: a job the rules do not match gets nothing from either cloud', async () => {
    await newRunner(policyFor(sandbox.issuer.url).replace('refs/heads/main', 'refs/heads/release'));
    const issuedBefore = sandbox.google.accessTokensIssued.length;
    const main = await runner.runMain(MAIN, gcpInputs({ 'aws-region': REGION }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('no allow rule matched');
    expect(main.summary).toContain('request denied');
    expect(sandbox.google.accessTokensIssued.length).toBe(issuedBefore);
    expect(runner.jobEnv.size).toBe(0);
    await runner.runPost(POST);
  });

  it('the attribute condition: Google’s provider refuses the job, and the error says where to look', async () => {
    await newRunner();
    sandbox.google.putProvider({ ...sandbox.gcpProvider, attributeCondition: "assertion.repository_owner_id == '999'" });
    try {
      const main = await runner.runMain(MAIN, gcpInputs());
      expect(main.exitCode).toBe(1);
      expect(errorText(main)).toContain('rejected by the attribute condition');
      expect(errorText(main)).toContain('policy export --gcp-attribute-condition');
      expect(runner.jobEnv.has('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
    } finally {
      sandbox.google.putProvider(sandbox.gcpProvider);
    }
    await runner.runPost(POST);
  });

  it('the impersonation permission: an account the policy grants but Google does not let this job use', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ 'gcp-service-account': LOCKED_ACCOUNT }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain(`Google refused a token for ${LOCKED_ACCOUNT}`);
    expect(errorText(main)).toContain('roles/iam.workloadIdentityUser');
    expect(runner.jobEnv.has('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
    await runner.runPost(POST);
  });

  it('a lifetime over Google’s bound is refused before any token is requested', async () => {
    await newRunner();
    const minted = sandbox.issuer.minted.length;
    const main = await runner.runMain(MAIN, gcpInputs({ 'gcp-access-token-lifetime': '2h' }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('The input `gcp-access-token-lifetime` is "2h", not a duration from 1s to 1h.');
    expect(sandbox.issuer.minted.length).toBe(minted);
    await runner.runPost(POST);
  });
});
