// The CLI against a real broker on loopback (the sandbox's): `exchange --broker` for a job of another CI
// system, `sessions list` and `revoke --selector` for an operator, and `serve` started and stopped as a
// process. Every output is scanned for tokens and secrets that must not be there.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox, type SandboxBroker } from '../../src/sandbox/index.ts';
import { CLI_SOURCE, runCli, type CliRun } from '../helpers/cli.ts';
import { leaksInOutput } from '../helpers/leak-scan.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';

let sandbox: Sandbox;
let broker: SandboxBroker;
const outputs: CliRun[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ broker: { logStream: { write: () => undefined } } });
  broker = sandbox.broker!;
});
afterAll(async () => {
  await sandbox.close();
});

async function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const result = await runCli(args, { env: { AWS_ENDPOINT_URL_STS: sandbox.aws.url, ...env } });
  outputs.push(result);
  return result;
}

const operatorToken = (): Promise<string> => sandbox.issuer.mint({ audience: broker.audience, claims: broker.operatorClaims });

function iamWith({ accessKeyId, secretAccessKey, sessionToken }: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): IAMClient {
  return new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials: { accessKeyId, secretAccessKey, sessionToken }, maxAttempts: 1 });
}

describe('exchange --broker', () => {
  it('asks the runner for a token with the broker’s audience, prints working credentials, and a replay is refused', async () => {
    // GitHub's preset: the token comes from the runner's endpoint, minted for the broker's URL.
    const issued = await cli(['exchange', '--broker', broker.url, '--preset', 'github-actions', '--aws-region', REGION, '--format', 'json'], sandbox.runnerEnv());
    // Inside GitHub Actions the CLI masks the token and the credentials first, on stderr, and says nothing else.
    expect(issued.stderr.split('\n').filter((line) => line && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(issued.code).toBe(0);
    const json = JSON.parse(issued.stdout) as { rule: string; aws: { accessKeyId: string; secretAccessKey: string; sessionToken: string; assumedRoleId: string }; environment: Record<string, string> };
    expect(json.rule).toBe('deploy-from-main');
    // The session's aws:userid as STS gave it, as a direct exchange prints it.
    expect(json.aws.assumedRoleId).toBe(sandbox.aws.sessions.find((s) => s.accessKeyId === json.aws.accessKeyId)!.assumedRoleId);
    expect(json.environment.AWS_REGION).toBe(REGION);
    const iam = iamWith(json.aws);
    try {
      expect((await iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);
    } finally {
      iam.destroy();
    }
    const served = sandbox.issuer.servedToRunner.at(-1)!;
    expect(JSON.parse(Buffer.from(served.token.split('.')[1]!, 'base64url').toString()).aud).toBe(broker.url);

    const replay = await cli(['exchange', '--broker', broker.url, '--token-env', 'JOB_TOKEN', '--aws-region', REGION], { JOB_TOKEN: served.token });
    expect([replay.code, replay.stdout]).toEqual([1, '']);
    expect(replay.stderr).toMatch(/^TOKEN_REPLAYED: /);
    // The client's own hint for the code, then the broker's.
    expect(replay.stderr).toMatch(/^Hint: A token is exchanged once: .* The broker adds: /m);
  });

  it('prints a Google token for gcloud when asked for a service account alone', async () => {
    const token = await sandbox.issuer.mint({ audience: broker.audience });
    const issued = await cli(['exchange', '--broker', broker.url, '--token-env', 'JOB_TOKEN', '--gcp-service-account', SANDBOX_GCP_SERVICE_ACCOUNT, '--gcp-lifetime', '5m'], { JOB_TOKEN: token });
    expect([issued.code, issued.stderr]).toEqual([0, '']);
    const accessToken = /^export CLOUDSDK_AUTH_ACCESS_TOKEN='([^']+)'$/m.exec(issued.stdout)?.[1] ?? '';
    const info = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${encodeURIComponent(accessToken)}`);
    expect(await info.json()).toMatchObject({ email: SANDBOX_GCP_SERVICE_ACCOUNT, expires_in: expect.stringMatching(/^(29\d|300)$/) });
  });

  it('explains a denial by the broker’s policy on stderr and exits 1', async () => {
    const token = await sandbox.issuer.mint({ audience: broker.audience, claims: { ref: 'refs/heads/dev' } });
    const denied = await cli(['exchange', '--broker', broker.url, '--token-env', 'JOB_TOKEN', '--aws-region', REGION], { JOB_TOKEN: token });
    expect([denied.code, denied.stdout]).toEqual([1, '']);
    expect(denied.stderr).toContain('(decided by the broker)');
    expect(denied.stderr).toContain('ref was "refs/heads/dev", expected "refs/heads/main"');
    expect(denied.stderr).toMatch(/^POLICY_DENIED: /m);
  });

  it('refuses the flags of a local exchange, which the broker decides for itself (exit 2)', async () => {
    const refused = await cli(['exchange', '--broker', broker.url, '--token-env', 'UNSET', '--policy', 'policy.yml', '--aws-region', REGION]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^INPUT_INVALID: --policy is not used with --broker: /);
  });

  it('refuses a broker URL over plain http off loopback before reading any token (exit 2)', async () => {
    const refused = await cli(['exchange', '--broker', 'http://broker.example.com', '--token-env', 'UNSET', '--aws-region', REGION]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^INPUT_INVALID: --broker is "http:\/\/broker\.example\.com", not the broker's https URL\./);
  });
});

describe('the operator commands', () => {
  it('lists the inventory for an operator, and refuses a job’s token', async () => {
    const token = await sandbox.issuer.mint({ audience: broker.audience });
    const issued = await cli(['exchange', '--broker', broker.url, '--token-env', 'JOB_TOKEN', '--aws-region', REGION, '--format', 'json'], { JOB_TOKEN: token });
    expect(issued.code).toBe(0);

    const listed = await cli(['sessions', 'list', '--broker', broker.url, '--token-env', 'OPERATOR_TOKEN', '--repository-id', '8429', '--status', 'active', '--format', 'json'], { OPERATOR_TOKEN: await operatorToken() });
    expect(listed.code).toBe(0);
    const sessions = (JSON.parse(listed.stdout) as { sessions: Array<{ status: string; repositoryId: string; rule: string; target: string }> }).sessions;
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.status === 'active' && s.repositoryId === '8429' && s.rule === 'deploy-from-main')).toBe(true);
    expect(new Set(sessions.map((s) => s.target))).toEqual(new Set([DEPLOY_ROLE, SANDBOX_GCP_SERVICE_ACCOUNT]));

    const text = await cli(['sessions', 'list', '--broker', broker.url, '--token-env', 'OPERATOR_TOKEN'], { OPERATOR_TOKEN: await operatorToken() });
    expect(text.stdout.split('\n')[0]).toMatch(/^STATUS +CLOUD +REPOSITORY +RUN +RULE +TARGET +ISSUED +EXPIRES +SESSION$/);

    const notOperator = await cli(['sessions', 'list', '--broker', broker.url, '--token-env', 'JOB_TOKEN'], { JOB_TOKEN: await sandbox.issuer.mint({ audience: broker.audience }) });
    expect([notOperator.code, notOperator.stdout]).toEqual([1, '']);
  });

  it('revokes every session of a repository, after which its credentials are refused', async () => {
    const token = await sandbox.issuer.mint({ audience: broker.audience });
    const issued = await cli(['exchange', '--broker', broker.url, '--token-env', 'JOB_TOKEN', '--aws-region', REGION, '--format', 'json'], { JOB_TOKEN: token });
    const credentials = (JSON.parse(issued.stdout) as { aws: { accessKeyId: string; secretAccessKey: string; sessionToken: string } }).aws;

    const revoked = await cli(['revoke', '--broker', broker.url, '--token-env', 'OPERATOR_TOKEN', '--selector', 'repository-id=8429'], { OPERATOR_TOKEN: await operatorToken() });
    expect(revoked.stderr).toBe('');
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/session\(s\) revoked in the inventory\.\n$/);
    const iam = iamWith(credentials);
    try {
      await expect(iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    } finally {
      iam.destroy();
    }
    const listed = await cli(['sessions', 'list', '--broker', broker.url, '--token-env', 'OPERATOR_TOKEN', '--status', 'active', '--format', 'json'], { OPERATOR_TOKEN: await operatorToken() });
    expect(JSON.parse(listed.stdout)).toEqual({ sessions: [] });
  });

  it.each([
    [['--selector', 'repository-id=8429'], /^INPUT_INVALID: --selector needs --broker/],
    [['--broker', 'http://127.0.0.1:9', '--token-env', 'T'], /^INPUT_INVALID: revoke --broker needs --selector\./],
    [['--broker', 'http://127.0.0.1:9', '--token-env', 'T', '--selector', 'colour=blue'], /^INPUT_INVALID: --selector "colour=blue" is not KEY=VALUE with a known key\./],
    [['--broker', 'http://127.0.0.1:9', '--token-env', 'T', '--selector', 'issued-before=2026-01-01T00:00:00Z'], /^INPUT_INVALID: --selector must name a repository-id, an owner-id or a rule\./],
    [['--broker', 'http://127.0.0.1:9', '--role', DEPLOY_ROLE, '--selector', 'rule=x'], /^INPUT_INVALID: --broker revokes by --selector; --role is for a role's own denials\./],
  ])('revoke %j is a usage error (exit 2)', async (args, message) => {
    const result = await cli(['revoke', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('serve', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cli-serve-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says where it listens, answers, and stops cleanly on SIGTERM', async () => {
    await writeFile(join(dir, 'policy.yml'), `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: deploy\n    match: {repository: octo-org/app}\n    grant: {aws: {roles: ["${DEPLOY_ROLE}"]}}\n`);
    await writeFile(join(dir, 'broker.yml'), `audience: https://broker.test\nissuers: ["${sandbox.issuer.url}"]\nlisten: {host: 127.0.0.1, port: 0}\npolicy: {file: policy.yml}\nstore: {sqlite: broker.db}\nbehind-proxy: true\n`);
    const child = spawn(process.execPath, [CLI_SOURCE, 'serve', '--config', join(dir, 'broker.yml')], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.resume();
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const found = /listening on (http:\/\/127\.0\.0\.1:\d+) \(audience https:\/\/broker\.test\)/.exec(stderr)?.[1];
        if (found) resolve(found);
      });
      child.once('exit', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 on a configuration that does not load, saying where it is wrong', async () => {
    await writeFile(join(dir, 'bad.yml'), 'audience: https://broker.test\nissuers: []\npolicy: {file: policy.yml}\nstore: {sqlite: broker.db}\nbehind-proxy: true\n');
    const result = await cli(['serve', '--config', join(dir, 'bad.yml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^INPUT_INVALID: The broker configuration .*bad\.yml is invalid:\n.*bad\.yml:2:10: issuers: list at least one issuer/);
  });
});

describe('sandbox --broker', () => {
  it('starts a broker beside the emulators, prints its URL, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, [CLI_SOURCE, 'sandbox', '--broker'], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stderr.resume();
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('Ctrl-C')) resolve();
      });
      child.once('exit', () => reject(new Error(`sandbox exited: ${stdout}`)));
    });
    const url = /The broker: .*\n {2}(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
    expect(stdout).toContain(`broker service           ${url}`);
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ status: 'ready' });
    const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});

describe('every output of the commands above', () => {
  it('holds no token and none of the broker’s own keys, and credentials only where exchange prints them', () => {
    const secrets = sandbox.secretsIssued();
    expect(outputs.length).toBeGreaterThan(10);
    expect(outputs.flatMap((output) => leaksInOutput(output, [...secrets.neverExported, ...secrets.requestedTokens.map((s) => s.token)]))).toEqual([]);
    expect(outputs.flatMap((output) => leaksInOutput({ stdout: '', stderr: output.stderr }, secrets.credentials))).toEqual([]);
  });
});
