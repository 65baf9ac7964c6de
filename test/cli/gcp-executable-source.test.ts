// The Google credentials file's command, run from source as google-auth-library and gcloud run it: with
// the calling step's environment only. It prints Google's executable-sourced response, and nothing
// else, when the fresh token verifies and the pinned policy allows it; otherwise it refuses, and says
// why without quoting the token.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { writeGcpCredentialFiles, type GcpCredentialFiles } from '../../src/providers/gcp/export.ts';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { CLI_SOURCE, runCli } from '../helpers/cli.ts';
import { leaksInOutput } from '../helpers/leak-scan.ts';

const AUDIENCE = `//iam.googleapis.com/${SANDBOX_GCP_PROVIDER}`;
let sandbox: Sandbox;
let root: string;

beforeAll(async () => {
  sandbox = await startSandbox();
  root = await mkdtemp(join(tmpdir(), 'gcp-executable-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await sandbox.close();
});

/** Writes the files as the main step would, for a policy that matches the sandbox job on `ref`. */
async function credentials(ref: string): Promise<{ files: GcpCredentialFiles; args: string[] }> {
  const directory = await mkdtemp(join(root, 'runner-temp-'));
  await mkdir(join(directory, 'workspace'));
  const policy = `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: deploy\n    match: {repository_id: "8429", ref: ${ref}}\n    grant:\n      gcp: {workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}]}\n`;
  const files = await writeGcpCredentialFiles({
    directory,
    workspace: join(directory, 'workspace'),
    workloadIdentityProvider: SANDBOX_GCP_PROVIDER,
    serviceAccount: SANDBOX_GCP_SERVICE_ACCOUNT,
    lifetimeSeconds: 600,
    endpoints: { tokenUrl: sandbox.google.tokenUrl, iamCredentialsUrl: sandbox.google.url },
    renewal: {
      issuer: sandbox.issuer.url,
      audience: AUDIENCE,
      grant: { provider: SANDBOX_GCP_PROVIDER, serviceAccount: SANDBOX_GCP_SERVICE_ACCOUNT, lifetimeSeconds: 600 },
      policy: { path: '.github/ci-oidc-broker.yml', files: { '.github/ci-oidc-broker.yml': policy } },
    },
    cli: { node: process.execPath, script: CLI_SOURCE },
  });
  const command = (JSON.parse(await readFile(files.configPath, 'utf8')) as { credential_source: { executable: { command: string } } }).credential_source.executable.command;
  // The arguments after the script, unquoted as Google's libraries split them.
  const args = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!).slice(2);
  return { files, args };
}

function runnerVariables(): Record<string, string> {
  const env = sandbox.runnerEnv();
  return { ACTIONS_ID_TOKEN_REQUEST_URL: env.ACTIONS_ID_TOKEN_REQUEST_URL!, ACTIONS_ID_TOKEN_REQUEST_TOKEN: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN! };
}

describe('gcp-executable-source', () => {
  it('prints a fresh, verified OIDC token in Google’s executable-sourced format, and nothing else', async () => {
    const { args } = await credentials('refs/heads/main');
    const served = sandbox.issuer.servedToRunner.length;
    const run = await runCli(args, { env: runnerVariables() });
    expect([run.code, run.stderr]).toEqual([0, '']);
    const response = JSON.parse(run.stdout) as { id_token: string; expiration_time: number };
    const fresh = sandbox.issuer.servedToRunner.slice(served);
    expect(fresh.map(({ token }) => token)).toEqual([response.id_token]);
    expect(response).toEqual({ version: 1, success: true, token_type: 'urn:ietf:params:oauth:token-type:id_token', id_token: response.id_token, expiration_time: decodeJwt(response.id_token).exp });
    expect(decodeJwt(response.id_token).aud).toBe(AUDIENCE);
  });

  it('refuses a job the pinned policy denies, with the decision, without quoting the token', async () => {
    const { args } = await credentials('refs/heads/release');
    const run = await runCli(args, { env: runnerVariables() });
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toContain('POLICY_DENIED: Denied: no allow rule matched');
    expect(run.stderr).toContain('ref');
    expect(run.stderr).toContain('.github/ci-oidc-broker.yml (as the main step read it)');
    expect(leaksInOutput(run, sandbox.issuer.servedToRunner.map(({ token }) => token))).toEqual([]);
  });

  it('refuses in a step that cannot ask the runner for a token', async () => {
    const { args } = await credentials('refs/heads/main');
    const run = await runCli(args, { env: {} });
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toContain('OIDC_PERMISSION_MISSING');
    expect(run.stderr).toContain('to renew the Google credentials');
  });

  it('refuses a state whose digest does not match the one its command line pins', async () => {
    const { args } = await credentials('refs/heads/main');
    const run = await runCli([...args.slice(0, -1), '0'.repeat(64)], { env: runnerVariables() });
    expect([run.code, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toContain('changed since the action\'s main step wrote it');
  });
});
