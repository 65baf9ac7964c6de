// The bundled action asked for Google Cloud (and AWS) credentials, driven as a runner drives it,
// against the sandbox; the real google-auth-library reads what it left, as a user's tool would.
import { readFile, stat } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { findLeaks } from '../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy, SANDBOX_GCP_GRANT } from '../helpers/policy-runner.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const LOCKED_ACCOUNT = 'locked@ci-oidc-broker-sandbox.iam.gserviceaccount.com';
const GCP_VARIABLES = [
  'GOOGLE_APPLICATION_CREDENTIALS',
  'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
  'GOOGLE_GHA_CREDS_PATH',
  'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES',
  'GOOGLE_CLOUD_PROJECT',
  'CLOUDSDK_CORE_PROJECT',
  'CLOUDSDK_PROJECT',
];
const CLOUD_RUN = 'https://app-abc123-uc.a.run.app';
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

function policyFor(
  issuer: string,
  gcpGrant = `{workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}, ${LOCKED_ACCOUNT}], max-lifetime: 30m, id-token-audiences: ["${CLOUD_RUN}"], scopes: [${CLOUD_PLATFORM}, https://www.googleapis.com/auth/pubsub]}`,
): string {
  return policyWithOneRule(issuer, { grant: { aws: `{roles: [${DEPLOY_ROLE}]}`, gcp: gcpGrant } });
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
  runner = await runnerWithPolicy(sandbox.runnerEnv(), policy ?? policyFor(sandbox.issuer.url));
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

/**
 * ADC as a user's tool meets it in a later step: the variables the action exported, and the runner's
 * token-request variables, which the credentials file's command reads.
 */
async function withJobEnvironment<T>(names: readonly string[], use: () => Promise<T>): Promise<T> {
  const runnerNames = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
  const saved = Object.fromEntries([...names, ...runnerNames].map((name) => [name, process.env[name]]));
  for (const name of names) process.env[name] = runner.jobEnv.get(name);
  for (const name of runnerNames) process.env[name] = runner.env[name];
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
    const config = JSON.parse(await readFile(configPath, 'utf8')) as { type: string; credential_source: { executable: { command: string } } };
    expect(config.type).toBe('external_account');
    expect(config.credential_source.executable.command).toContain(' gcp-executable-source --state ');
    expect([main.outputs.get('credentials_file_path'), main.outputs.get('project_id')]).toEqual([configPath, 'ci-oidc-broker-sandbox']);

    const adcToken = await withJobEnvironment(['GOOGLE_APPLICATION_CREDENTIALS', 'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES', 'GOOGLE_CLOUD_PROJECT'], async () => {
      const auth = new GoogleAuth({ scopes: [CLOUD_PLATFORM] });
      expect(await auth.getProjectId()).toBe('ci-oidc-broker-sandbox');
      return (await auth.getAccessToken()) ?? '';
    });
    expect(await tokenInfo(adcToken)).toEqual({ status: 200, email: SANDBOX_GCP_SERVICE_ACCOUNT });

    const outputToken = main.outputs.get('access_token') ?? '';
    expect(main.stdout.split('\n')).toContain(`::add-mask::${outputToken}`);
    expect(await tokenInfo(outputToken)).toEqual({ status: 200, email: SANDBOX_GCP_SERVICE_ACCOUNT });
    const expiresAt = Date.parse(main.outputs.get('access_token_expiration') ?? '');
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
    await newRunner(policyFor(sandbox.issuer.url, SANDBOX_GCP_GRANT));
    const main = await runner.runMain(MAIN, gcpInputs({ service_account: '', project_id: '' }));
    expect(errorText(main)).toBe('');
    expect(runner.jobEnv.has('AWS_ACCESS_KEY_ID')).toBe(false);
    expect(main.log.join('\n')).toContain(`for audience "//iam.googleapis.com/${SANDBOX_GCP_PROVIDER}"`);
    // The project, inferred from the service account's email as google-github-actions/auth infers it.
    expect([main.outputs.get('project_id'), runner.jobEnv.get('GOOGLE_CLOUD_PROJECT')]).toEqual(['ci-oidc-broker-sandbox', 'ci-oidc-broker-sandbox']);
    expect((await tokenInfo(main.outputs.get('access_token') ?? '')).email).toBe(SANDBOX_GCP_SERVICE_ACCOUNT);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });

  it('caps the lifetime at the rule’s max-lifetime, and says so', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ access_token_lifetime: '3600s' }));
    expect(main.exitCode).toBe(0);
    expect(main.annotations.map((a) => a.message)).toContain('access_token_lifetime lowered to 1800s, the most that rule "deploy-from-main" grants.');
    expect(Date.parse(main.outputs.get('access_token_expiration') ?? '') - Date.now()).toBeLessThanOrEqual(1_800_000);
    await runner.runPost(POST);
  });

  it('writes no file when asked not to, and still exports the project', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ create_credentials_file: 'false' }));
    expect(main.exitCode).toBe(0);
    expect(runner.jobEnv.has('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
    expect(main.outputs.has('credentials_file_path')).toBe(false);
    expect(runner.jobEnv.get('GOOGLE_CLOUD_PROJECT')).toBe('ci-oidc-broker-sandbox');
    expect(await filesInRunnerTemp()).toEqual([]);
    await runner.runPost(POST);
  });

  it('mints a Google-signed ID token for an audience the rule grants, which google-auth-library verifies', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, gcpInputs({ token_format: 'id_token', id_token_audience: CLOUD_RUN, id_token_include_email: 'true' }));
    expect(errorText(main)).toBe('');
    const idToken = main.outputs.get('id_token') ?? '';
    expect(main.stdout.split('\n')).toContain(`::add-mask::${idToken}`);
    expect(main.outputs.has('access_token')).toBe(false);
    const client = new OAuth2Client({ endpoints: { oauth2FederatedSignonPemCertsUrl: sandbox.google.pemCertsUrl } });
    const ticket = await client.verifyIdToken({ idToken, audience: CLOUD_RUN });
    expect(ticket.getPayload()).toMatchObject({ iss: 'https://accounts.google.com', aud: CLOUD_RUN, email: SANDBOX_GCP_SERVICE_ACCOUNT, email_verified: true });
    // A token for another service is no good there.
    await expect(client.verifyIdToken({ idToken, audience: 'https://other.a.run.app' })).rejects.toThrow(/Wrong recipient/);
    // The credentials file is written all the same, for the job's other Google tools.
    expect(runner.jobEnv.get('GOOGLE_APPLICATION_CREDENTIALS')).toBe(main.outputs.get('credentials_file_path'));
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });

  it('mints the access token with the scopes asked for, within the rule’s', async () => {
    await newRunner();
    const pubsub = 'https://www.googleapis.com/auth/pubsub';
    const main = await runner.runMain(MAIN, gcpInputs({ access_token_scopes: pubsub }));
    expect(errorText(main)).toBe('');
    const info = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${encodeURIComponent(main.outputs.get('access_token') ?? '')}`);
    expect(((await info.json()) as { scope: string }).scope).toBe(pubsub);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
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
    const main = await runner.runMain(MAIN, gcpInputs({ service_account: 'admin@ci-oidc-broker-sandbox.iam.gserviceaccount.com' }));
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
    const main = await runner.runMain(MAIN, gcpInputs({ service_account: LOCKED_ACCOUNT }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain(`Google refused a token for ${LOCKED_ACCOUNT}`);
    expect(errorText(main)).toContain('roles/iam.workloadIdentityUser');
    expect(runner.jobEnv.has('GOOGLE_APPLICATION_CREDENTIALS')).toBe(false);
    await runner.runPost(POST);
  });

  it('the policy: a scope or an ID token audience the rule does not grant, each named', async () => {
    await newRunner();
    const issuedBefore = sandbox.google.accessTokensIssued.length;
    const scope = await runner.runMain(MAIN, gcpInputs({ access_token_scopes: `${CLOUD_PLATFORM}, https://www.googleapis.com/auth/admin.directory.user` }));
    expect(scope.exitCode).toBe(1);
    expect(errorText(scope)).toContain(`Rule "deploy-from-main" does not grant the scope(s) https://www.googleapis.com/auth/admin.directory.user; it grants ${CLOUD_PLATFORM}, https://www.googleapis.com/auth/pubsub.`);
    const audience = await runner.runMain(MAIN, gcpInputs({ token_format: 'id_token', id_token_audience: 'https://admin.a.run.app' }));
    expect(audience.exitCode).toBe(1);
    expect(errorText(audience)).toContain(`Rule "deploy-from-main" does not grant ID tokens for the audience "https://admin.a.run.app"; it grants "${CLOUD_RUN}".`);
    expect(sandbox.google.accessTokensIssued.length).toBe(issuedBefore);
    expect(runner.jobEnv.size).toBe(0);
    await runner.runPost(POST);
  });

  it('a lifetime over Google’s bound is refused before any token is requested', async () => {
    await newRunner();
    const minted = sandbox.issuer.minted.length;
    const main = await runner.runMain(MAIN, gcpInputs({ access_token_lifetime: '2h' }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('The input `access_token_lifetime` is "2h", not a duration from 1s to 1h.');
    expect(sandbox.issuer.minted.length).toBe(minted);
    await runner.runPost(POST);
  });
});
