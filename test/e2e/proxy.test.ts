// Proxies, end to end: the bundled action (AWS and Google in one step) and the bundled CLI send every
// call through a forward proxy when one is set (the `http-proxy` input, --http-proxy or HTTP(S)_PROXY),
// and none when NO_PROXY covers the host. The sandbox's servers record, for every request they receive,
// whether the proxy relayed it (its Via header), so "every call" is checked where the calls arrive.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SANDBOX_GCP_PROVIDER, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { CLI, MAIN, POST } from '../helpers/dist.ts';
import { startForwardProxy, VIA, type ForwardProxy } from '../helpers/forward-proxy.ts';
import { findLeaks } from '../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy, SANDBOX_GCP_GRANT } from '../helpers/policy-runner.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const REVOKER_ROLE = 'arn:aws:iam::111122223333:role/ci-revoker';
const PROXY_PASSWORD = 'pr0xy-s3cret-pass';

function policyFor(issuer: string): string {
  return policyWithOneRule(issuer, { grant: { aws: `{roles: [${DEPLOY_ROLE}]}`, gcp: SANDBOX_GCP_GRANT } });
}

interface Arrival {
  server: string;
  request: string;
  relayed: boolean;
}

// The AWS and Google emulators fetch the issuer's keys themselves, as the real services do, from this
// test process; their requests are marked so that they are not taken for the product's.
const EMULATOR_HEADER = 'x-sandbox-emulator';
const originalFetch = globalThis.fetch;

let sandbox: Sandbox;
let proxy: ForwardProxy;
let runner: SimulatedRunner | undefined;
const arrivals: Arrival[] = [];

beforeAll(async () => {
  globalThis.fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set(EMULATOR_HEADER, '1');
    return originalFetch(input, { ...init, headers });
  };
  sandbox = await startSandbox();
  proxy = await startForwardProxy({ credentials: `ci:${PROXY_PASSWORD}` });
  // A rule that never matches sees every request a server receives, before it is handled.
  for (const [server, faults] of [
    ['issuer', sandbox.issuer.faults],
    ['aws', sandbox.aws.faults],
    ['google', sandbox.google.faults],
  ] as const) {
    faults.inject(
      (req, url) => {
        if (req.headers[EMULATOR_HEADER] === undefined) arrivals.push({ server, request: `${req.method} ${url.pathname}`, relayed: req.headers.via === VIA });
        return false;
      },
      { kind: 'delay', ms: 0 },
      Infinity,
    );
  }
});
afterAll(async () => {
  await proxy.close();
  await sandbox.close();
  globalThis.fetch = originalFetch;
});
beforeEach(() => {
  arrivals.length = 0;
  proxy.log.length = 0;
});
afterEach(async () => {
  // Whatever a proxy's operator may read: its log never holds a token, a credential or its own password.
  const secrets = [...sandbox.secretsIssued().credentials, ...sandbox.secretsIssued().neverExported, PROXY_PASSWORD];
  const proxyLog = JSON.stringify(proxy.log);
  expect(secrets.filter((secret) => proxyLog.includes(secret))).toEqual([]);
  if (runner) {
    const leaks = await findLeaks(runner, sandbox.secretsIssued());
    await runner.dispose();
    runner = undefined;
    expect(leaks).toEqual([]);
  }
});

const withPassword = (): string => proxy.url.replace('http://', `http://ci:${PROXY_PASSWORD}@`);

async function newRunner(env: Record<string, string> = {}): Promise<SimulatedRunner> {
  runner = await runnerWithPolicy({ ...sandbox.runnerEnv(), ...env }, policyFor(sandbox.issuer.url));
  return runner;
}

function bothClouds(extra: Record<string, string> = {}): Record<string, string> {
  return { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE, ...sandbox.gcpInputs(), 'gcp-audience': `//iam.googleapis.com/${SANDBOX_GCP_PROVIDER}`, ...extra };
}

function errorText(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

/** The servers reached, and each distinct request that reached them, split by whether the proxy relayed it. */
function arrived(relayed: boolean): string[] {
  return [...new Set(arrivals.filter((arrival) => arrival.relayed === relayed).map((arrival) => `${arrival.server} ${arrival.request}`))].sort();
}

// The calls a step that asks for both clouds makes: the runner's token endpoint, the issuer's discovery
// document and keys, AWS STS, Google STS and IAM Credentials.
const EVERY_CALL = expect.arrayContaining([
  'aws POST /',
  'google POST /v1/token',
  expect.stringMatching(/^google POST \/v1\/projects\/-\/serviceAccounts\/.+:generateAccessToken$/),
  'issuer GET /.well-known/jwks',
  'issuer GET /.well-known/openid-configuration',
  expect.stringMatching(/^issuer GET \/.*token/),
]);

describe('the action behind a proxy', () => {
  it('sends every call of the main and the post step through the http-proxy input, with its credentials, and masks its password', async () => {
    await newRunner();
    const main = await runner!.runMain(MAIN, bothClouds({ 'http-proxy': withPassword(), 'aws-revoke-role': REVOKER_ROLE }));
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    expect(arrived(false)).toEqual([]);
    expect(arrived(true)).toEqual(EVERY_CALL);
    expect(proxy.log.every((entry) => entry.authenticated && entry.method !== 'CONNECT')).toBe(true);
    expect(new Set(proxy.hosts())).toEqual(new Set([sandbox.issuer.url, sandbox.aws.url, sandbox.google.url].map((url) => new URL(url).host)));
    expect(main.stdout).toContain(`::add-mask::${PROXY_PASSWORD}`);
    expect(main.log.join('\n')).not.toContain(PROXY_PASSWORD);

    // The post step has only the input to go by: no HTTPS_PROXY in the job's environment.
    arrivals.length = 0;
    proxy.log.length = 0;
    const post = await runner!.runPost(POST);
    expect(errorText(post)).toBe('');
    expect(post.exitCode).toBe(0);
    expect(post.summary).toContain('<td>revoked</td>');
    expect(post.log.join('\n')).not.toContain(PROXY_PASSWORD);
    // A fresh runner token, then STS for the revoker's session and IAM for the denial, all relayed.
    expect(arrived(false)).toEqual([]);
    expect(arrived(true)).toEqual(['aws POST /', expect.stringMatching(/^issuer GET \/.*token/)]);
    expect(proxy.log.filter((entry) => entry.destination === `${sandbox.aws.url}/`).length).toBeGreaterThanOrEqual(2);
    expect(proxy.log.every((entry) => entry.authenticated)).toBe(true);
  });

  it('follows HTTPS_PROXY and HTTP_PROXY from the environment, in the main and the post step', async () => {
    await newRunner({ HTTP_PROXY: withPassword(), HTTPS_PROXY: withPassword() });
    const main = await runner!.runMain(MAIN, bothClouds());
    expect(errorText(main)).toBe('');
    const post = await runner!.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(arrived(false)).toEqual([]);
    expect(arrived(true)).toEqual(EVERY_CALL);
  });

  it('connects directly to the hosts NO_PROXY covers, with the input set too', async () => {
    await newRunner({ NO_PROXY: '127.0.0.1' });
    const main = await runner!.runMain(MAIN, bothClouds({ 'http-proxy': withPassword() }));
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    expect(proxy.log).toEqual([]);
    expect(arrived(true)).toEqual([]);
    expect(arrived(false)).toEqual(EVERY_CALL);
  });

  it('fails with the proxy’s refusal when the proxy rejects the step, and sends nothing around it', async () => {
    await newRunner();
    const main = await runner!.runMain(MAIN, bothClouds({ 'http-proxy': proxy.url }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toMatch(/^PROXY_REFUSED: .*HTTP 407/);
    expect(arrived(false)).toEqual([]);
    expect(proxy.log.length).toBeGreaterThan(0);
  });
});

describe('the CLI behind a proxy', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'proxy-cli-'));
    await writeFile(join(dir, 'policy.yml'), policyFor(sandbox.issuer.url));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function exchange(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
    const argv = [CLI, 'exchange', '--preset', 'github-actions', '--issuer', sandbox.issuer.url, '--policy', join(dir, 'policy.yml'), '--aws-role', DEPLOY_ROLE, '--aws-region', REGION, '--format', 'json', ...args];
    const fullEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...sandbox.runnerEnv(), ...env };
    return new Promise((done) => {
      execFile(process.execPath, argv, { env: fullEnv, timeout: 60_000 }, (error, stdout, stderr) => done({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr }));
    });
  }

  const CLI_CALLS = expect.arrayContaining(['aws POST /', 'issuer GET /.well-known/jwks', 'issuer GET /.well-known/openid-configuration', expect.stringMatching(/^issuer GET \/.*token/)]);

  it('sends every call through --http-proxy, and never prints the proxy’s password', async () => {
    const run = await exchange(['--http-proxy', withPassword()], {});
    expect(run.stderr).not.toContain(PROXY_PASSWORD);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toHaveProperty('aws');
    expect(arrived(false)).toEqual([]);
    expect(arrived(true)).toEqual(CLI_CALLS);
  });

  it('follows https_proxy and http_proxy, and none of it for the hosts no_proxy covers', async () => {
    const proxied = await exchange([], { http_proxy: withPassword(), https_proxy: withPassword() });
    expect(proxied.code).toBe(0);
    expect(arrived(false)).toEqual([]);
    expect(arrived(true)).toEqual(CLI_CALLS);

    arrivals.length = 0;
    proxy.log.length = 0;
    const direct = await exchange([], { http_proxy: withPassword(), no_proxy: `localhost,127.0.0.1:${new URL(sandbox.issuer.url).port},127.0.0.1:${new URL(sandbox.aws.url).port}` });
    expect(direct.code).toBe(0);
    expect(proxy.log).toEqual([]);
    expect(arrived(false)).toEqual(CLI_CALLS);
  });

  it('refuses a proxy that is not an http(s) URL without quoting it', async () => {
    const run = await exchange(['--http-proxy', `socks5://ci:${PROXY_PASSWORD}@127.0.0.1:1080`], {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--http-proxy');
    expect(run.stderr).not.toContain(PROXY_PASSWORD);
    expect(arrivals).toEqual([]);
  });
});
