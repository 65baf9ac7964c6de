// The clients the action and the CLI build follow proxyFor: the AWS SDK through ProxyRoutingHandler (its
// STS exchange, chosen per request on the URL the SDK resolved), google-auth-library through the
// agent given to its transporter, its STS exchange included, and the broker client, the GitHub API
// reads of `scan --github-org` and Octokit's policy reads through proxiedFetch.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { githubPolicySource } from '../../../src/action/github-policy-source.ts';
import { brokerClient } from '../../../src/broker-client/broker-client.ts';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { GitHubContentsApi } from '../../../src/sandbox/github/contents-api.ts';
import { scanGitHubOrg } from '../../../src/scan/github-org.ts';
import { assumeRoleWithWebIdentity } from '../../../src/providers/aws/exchange.ts';
import { exchangeForGoogleToken } from '../../../src/providers/gcp/exchange.ts';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { ProxyRoutingHandler } from '../../../src/util/aws-request-handler.ts';
import { setProxyOverride } from '../../../src/util/proxy.ts';
import { startForwardProxy, VIA, type ForwardProxy } from '../../helpers/forward-proxy.ts';

let sandbox: Sandbox;
let proxy: ForwardProxy;
// Asks for credentials; the tests give it wrong ones.
let guarded: ForwardProxy;
let github: GitHubContentsApi;
const saved = { sts: process.env.AWS_ENDPOINT_URL_STS, noProxy: process.env.NO_PROXY, githubApi: process.env.GITHUB_API_URL };

beforeAll(async () => {
  sandbox = await startSandbox();
  proxy = await startForwardProxy();
  guarded = await startForwardProxy({ credentials: 'ci:right' });
  github = await GitHubContentsApi.start();
  github.putFiles('octo-org/policies', 'main', { 'ci.yml': 'version: 1\nrules: []\n' }, { defaultBranch: true });
  process.env.AWS_ENDPOINT_URL_STS = sandbox.aws.url;
  // @actions/github reads GITHUB_API_URL once, when it is first loaded.
  process.env.GITHUB_API_URL = github.url;
});
afterAll(async () => {
  for (const [name, value] of [['AWS_ENDPOINT_URL_STS', saved.sts], ['NO_PROXY', saved.noProxy], ['GITHUB_API_URL', saved.githubApi]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await Promise.all([proxy.close(), guarded.close(), github.close()]);
  await sandbox.close();
});
afterEach(() => {
  setProxyOverride(undefined, 'the input `http-proxy`');
  delete process.env.NO_PROXY;
  proxy.log.length = 0;
  guarded.log.length = 0;
});

const useGuardedWithWrongPassword = () => setProxyOverride(guarded.url.replace('http://', 'http://ci:wrong@'), 'the input `http-proxy`');
const relayed = (log: ForwardProxy['log']) => log.map((entry) => `${entry.method} ${entry.destination}`);

const assumeDeployRole = () =>
  assumeRoleWithWebIdentity({
    roleArn: `arn:aws:iam::${sandbox.accountId}:role/ci-deploy`,
    sessionName: 'proxy-unit',
    durationSeconds: 900,
    region: 'us-east-1',
    subject: 'repo:octo-org/app:environment:production',
    getToken: () => sandbox.issuer.mint({ audience: 'sts.amazonaws.com' }),
  });

const googleToken = () =>
  exchangeForGoogleToken({
    workloadIdentityProvider: SANDBOX_GCP_PROVIDER,
    serviceAccount: SANDBOX_GCP_SERVICE_ACCOUNT,
    lifetimeSeconds: 600,
    scopes: ['https://www.googleapis.com/auth/cloud-platform'],
    getToken: () => sandbox.issuer.mint({ audience: `//iam.googleapis.com/${SANDBOX_GCP_PROVIDER}` }),
    endpoints: { tokenUrl: sandbox.google.tokenUrl, iamCredentialsUrl: sandbox.google.url },
  });

describe('AWS STS through ProxyRoutingHandler', () => {
  it('sends the exchange through the proxy, and directly when NO_PROXY covers the endpoint', async () => {
    setProxyOverride(proxy.url, 'the input `http-proxy`');
    expect((await assumeDeployRole()).assumedRoleArn).toContain(':assumed-role/ci-deploy/proxy-unit');
    expect(proxy.log.map((entry) => `${entry.method} ${entry.destination}`)).toEqual([`POST ${sandbox.aws.url}/`]);

    proxy.log.length = 0;
    process.env.NO_PROXY = new URL(sandbox.aws.url).host;
    expect((await assumeDeployRole()).accessKeyId).toBeTruthy();
    expect(proxy.log).toEqual([]);
  });

  it('fails at once with the proxy’s refusal, not as STS’s error', async () => {
    useGuardedWithWrongPassword();
    const error = await assumeDeployRole().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).code).toBe(ErrorCode.ProxyRefused);
    expect((error as BrokerError).message).toBe(`The proxy ${guarded.url}/ refused to relay the request to ${sandbox.aws.url} (HTTP 407, Proxy Authentication Required).`);
    expect(guarded.log).toHaveLength(1);
  });

  it('keeps settings the SDK pushes for routes it opens later', () => {
    const handler = new ProxyRoutingHandler();
    handler.updateHttpClientConfig('requestTimeout', 1234);
    expect(handler.httpHandlerConfigs()).toEqual({ requestTimeout: 1234 });
    handler.destroy();
  });
});

describe('Google through google-auth-library', () => {
  it('sends the STS exchange and the impersonation through the proxy', async () => {
    setProxyOverride(proxy.url, 'the input `http-proxy`');
    expect((await googleToken()).accessToken).toBeTruthy();
    const googleCalls = proxy.log.filter((entry) => entry.destination.startsWith(new URL(sandbox.google.url).origin)).map((entry) => `${entry.method} ${new URL(entry.destination).pathname}`);
    expect(googleCalls).toEqual(['POST /v1/token', `POST /v1/projects/-/serviceAccounts/${SANDBOX_GCP_SERVICE_ACCOUNT}:generateAccessToken`]);
  });

  it('connects directly when NO_PROXY covers Google’s endpoints', async () => {
    setProxyOverride(proxy.url, 'the input `http-proxy`');
    process.env.NO_PROXY = new URL(sandbox.google.url).host;
    expect((await googleToken()).accessToken).toBeTruthy();
    expect(proxy.log).toEqual([]);
  });

  it('fails with the proxy’s refusal, not as Google’s error, when the proxy refuses', async () => {
    useGuardedWithWrongPassword();
    const error = await googleToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).code).toBe(ErrorCode.ProxyRefused);
    expect((error as BrokerError).message).toBe(`The proxy ${guarded.url}/ refused to relay the request to ${new URL(sandbox.google.tokenUrl).origin} (HTTP 407, Proxy Authentication Required).`);
    expect((error as BrokerError).describe()).not.toContain('wrong');
  });
});

describe('the broker client through proxiedFetch', () => {
  let broker: Server;
  let brokerUrl: string;
  beforeAll(async () => {
    broker = createServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ sessions: [], via: req.headers.via ?? null }));
    });
    await new Promise<void>((resolve) => broker.listen(0, '127.0.0.1', resolve));
    brokerUrl = `http://127.0.0.1:${(broker.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => broker.close(() => resolve())));

  it('sends its calls through the proxy, the bearer with them', async () => {
    setProxyOverride(proxy.url, 'the input `http-proxy`');
    const answer = (await brokerClient(brokerUrl).revokeOwnSessions('job-token')) as unknown as { via: string | null };
    expect(answer.via).toBe(VIA);
    expect(relayed(proxy.log)).toEqual([`POST ${brokerUrl}/v1/revoke`]);
  });

  it('reports a proxy’s refusal as PROXY_REFUSED, not as an unreachable broker', async () => {
    useGuardedWithWrongPassword();
    const error = await brokerClient(brokerUrl).exchange('job-token', { aws: {} }).catch((e: unknown) => e);
    expect((error as BrokerError).code).toBe(ErrorCode.ProxyRefused);
    expect(relayed(guarded.log)).toEqual([`POST ${brokerUrl}/v1/exchange`]);
  });
});

describe('the GitHub API through proxiedFetch', () => {
  it('scans an organisation through the proxy', async () => {
    setProxyOverride(proxy.url, 'the input `http-proxy`');
    const { scans } = await scanGitHubOrg({ org: 'octo-org', apiUrl: github.url, token: github.token, maxRepositories: 5 });
    expect(scans.map((scan) => scan.repository)).toEqual(['octo-org/policies']);
    const destinations = proxy.log.map((entry) => new URL(entry.destination).pathname);
    expect(destinations).toContain('/orgs/octo-org/repos');
    expect(destinations).toContain('/repos/octo-org/policies/contents/.github/workflows');
    expect(proxy.log.every((entry) => entry.destination.startsWith(github.url))).toBe(true);
  });

  it('stops a scan at a proxy’s refusal', async () => {
    useGuardedWithWrongPassword();
    const error = await scanGitHubOrg({ org: 'octo-org', apiUrl: github.url, token: github.token, maxRepositories: 5 }).catch((e: unknown) => e);
    expect((error as BrokerError).code).toBe(ErrorCode.ProxyRefused);
    expect(guarded.log).toHaveLength(1);
  });

  it('reads a policy with Octokit through the proxy', async () => {
    setProxyOverride(proxy.url, 'the input `http-proxy`');
    const source = githubPolicySource({ owner: 'octo-org', repo: 'policies', ref: 'main' }, github.token);
    expect(await source.read('ci.yml')).toBe('version: 1\nrules: []\n');
    expect(relayed(proxy.log)).toEqual([`GET ${github.url}/repos/octo-org/policies/contents/ci.yml`]);
  });

  it('fails a policy read at once, without retries, when the proxy refuses', async () => {
    useGuardedWithWrongPassword();
    const source = githubPolicySource({ owner: 'octo-org', repo: 'policies', ref: 'main' }, github.token);
    const error = await source.read('ci.yml').catch((e: unknown) => e);
    expect((error as BrokerError).code).toBe(ErrorCode.ProxyRefused);
    expect(guarded.log).toHaveLength(1);
  });
});
