// The one proxy decision (proxyFor), and the fetch that follows it, against a recording proxy on loopback.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { fetchText } from '../../../src/util/fetch-text.ts';
import { displayProxy, noProxyCovers, proxiedFetch, proxyFor, setProxyOverride } from '../../../src/util/proxy.ts';
import { defaultRetryPolicy } from '../../../src/util/retry.ts';
import { startForwardProxy, type ForwardProxy } from '../../helpers/forward-proxy.ts';

afterEach(() => void setProxyOverride(undefined, 'the input `http-proxy`'));

const PROXY = 'http://proxy.corp.example:3128';

describe('proxyFor', () => {
  it('picks the proxy for the scheme, lower case first, and none without one', () => {
    const env = { HTTPS_PROXY: PROXY, http_proxy: 'http://plain.example:8080', HTTP_PROXY: 'http://ignored.example:1' };
    expect(proxyFor('https://sts.amazonaws.com/', env)?.href).toBe(`${PROXY}/`);
    expect(proxyFor('http://169.254.169.254/latest', env)?.host).toBe('plain.example:8080');
    expect(proxyFor('https://sts.amazonaws.com/', {})).toBeUndefined();
    expect(proxyFor('https://sts.amazonaws.com/', { https_proxy: 'http://lower.example:1', HTTPS_PROXY: PROXY })?.host).toBe('lower.example:1');
  });

  it('takes host:port alone as an http proxy', () => {
    expect(proxyFor('https://sts.amazonaws.com/', { HTTPS_PROXY: 'proxy.corp.example:3128' })?.href).toBe(`${PROXY}/`);
  });

  it('lets the override replace both variables, while NO_PROXY still applies', () => {
    setProxyOverride('http://override.example:9', 'the input `http-proxy`');
    const env = { HTTPS_PROXY: PROXY, NO_PROXY: 'internal.example' };
    expect(proxyFor('https://sts.amazonaws.com/', env)?.host).toBe('override.example:9');
    expect(proxyFor('http://plain.example/', {})?.host).toBe('override.example:9');
    expect(proxyFor('https://keys.internal.example/', env)).toBeUndefined();
    setProxyOverride('', 'the input `http-proxy`');
    expect(proxyFor('https://sts.amazonaws.com/', env)?.host).toBe('proxy.corp.example:3128');
  });

  it.each([
    ['*', 'https://sts.amazonaws.com/', true],
    ['amazonaws.com', 'https://sts.amazonaws.com/', true],
    ['.amazonaws.com', 'https://sts.amazonaws.com/', true],
    ['*.amazonaws.com', 'https://sts.amazonaws.com/', true],
    ['amazonaws.com', 'https://notamazonaws.com/', false],
    ['sts.amazonaws.com:443', 'https://sts.amazonaws.com/', true],
    ['sts.amazonaws.com:8443', 'https://sts.amazonaws.com/', false],
    ['example.org, STS.AmazonAws.com', 'https://sts.amazonaws.com/', true],
    ['example.org sts.amazonaws.com', 'https://sts.amazonaws.com/', true],
    ['10.0.0.0/8', 'http://10.1.2.3/', true],
    ['10.0.0.0/8', 'http://11.1.2.3/', false],
    ['10.1.2.3', 'http://10.1.2.3:8080/', true],
    ['10.1.2.3:80', 'http://10.1.2.3:8080/', false],
    ['fd00::/8', 'http://[fd12::1]/', true],
    ['[fd12::1]:80', 'http://[fd12::1]/', true],
    ['10.0.0.0/99', 'http://10.1.2.3/', false],
    ['', 'https://sts.amazonaws.com/', false],
  ])('NO_PROXY=%j covers %s: %s', (noProxy, url, covered) => {
    expect(noProxyCovers(new URL(url), { NO_PROXY: noProxy })).toBe(covered);
    expect(proxyFor(url, { HTTPS_PROXY: PROXY, HTTP_PROXY: PROXY, NO_PROXY: noProxy }) === undefined).toBe(covered);
  });

  it('reads no_proxy before NO_PROXY', () => {
    expect(noProxyCovers(new URL('https://sts.amazonaws.com/'), { no_proxy: 'example.org', NO_PROXY: 'amazonaws.com' })).toBe(false);
  });

  it('sends loopback destinations through a proxy only when the proxy is on loopback too', () => {
    expect(proxyFor('http://127.0.0.1:8080/', { HTTP_PROXY: PROXY })).toBeUndefined();
    expect(proxyFor('http://localhost:8080/', { HTTP_PROXY: PROXY })).toBeUndefined();
    expect(proxyFor('http://[::1]:8080/', { HTTP_PROXY: PROXY })).toBeUndefined();
    expect(proxyFor('http://127.0.0.1:8080/', { HTTP_PROXY: 'http://127.0.0.1:3128' })?.host).toBe('127.0.0.1:3128');
    expect(proxyFor('http://127.0.0.1:8080/', { HTTP_PROXY: 'http://127.0.0.1:3128', NO_PROXY: '127.0.0.1' })).toBeUndefined();
  });

  it('refuses a proxy that is not an http(s) URL without quoting it, and hides credentials when shown', () => {
    const refusal = (() => {
      try {
        proxyFor('https://sts.amazonaws.com/', { HTTPS_PROXY: 'socks5://user:s3cret@proxy:1080' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refusal).toBeInstanceOf(BrokerError);
    expect((refusal as BrokerError).code).toBe(ErrorCode.InputInvalid);
    expect((refusal as BrokerError).message).toContain('HTTPS_PROXY');
    expect((refusal as BrokerError).describe()).not.toContain('s3cret');
    expect(() => setProxyOverride('http://', 'the input `http-proxy`')).toThrow(/input `http-proxy`/);
    expect(displayProxy(new URL('http://user:s3cret@proxy.corp.example:3128'))).toBe('http://proxy.corp.example:3128/');
  });
});

describe('proxiedFetch', () => {
  let origin: Server;
  let originUrl: string;
  let proxy: ForwardProxy;
  const seen: Array<{ method: string; body: string; authorization: string | undefined }> = [];

  beforeAll(async () => {
    origin = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', body, authorization: req.headers.authorization });
        if (req.url === '/slow') {
          // Cleared when the client gives up, so that no timer outlives the tests.
          const timer = setTimeout(() => res.end('late'), 2000);
          return void res.on('close', () => clearTimeout(timer));
        }
        if (req.url === '/reset') return void req.socket.destroy();
        if (req.url === '/cut') {
          res.writeHead(200, { 'content-length': '100' });
          res.write('partial');
          return void setTimeout(() => res.destroy(), 20);
        }
        res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-answer': 'yes' }).end(JSON.stringify({ path: req.url }));
      });
    });
    await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
    originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
    proxy = await startForwardProxy({ credentials: 'ci:pr0xy-pass' });
  });
  afterAll(async () => {
    await proxy.close();
    await new Promise<void>((resolve) => origin.close(() => resolve()));
  });
  afterEach(() => {
    proxy.log.length = 0;
    seen.length = 0;
  });

  const withCredentials = (): string => proxy.url.replace('http://', 'http://ci:pr0xy-pass@');

  it('sends the request through the proxy, with its credentials, and returns the whole answer', async () => {
    setProxyOverride(withCredentials(), 'the input `http-proxy`');
    const response = await proxiedFetch(`${originUrl}/keys?x=1`, { headers: { authorization: 'Bearer job-bearer' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(await response.json()).toEqual({ path: '/keys?x=1' });
    expect(proxy.log).toEqual([{ method: 'GET', destination: `${originUrl}/keys`, authenticated: true }]);
    expect(seen[0]?.authorization).toBe('Bearer job-bearer');
  });

  it('relays a POST body, and a non-2xx answer is returned, not thrown', async () => {
    setProxyOverride(withCredentials(), 'the input `http-proxy`');
    const response = await proxiedFetch(`${originUrl}/missing`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(response.status).toBe(404);
    expect(seen).toEqual([{ method: 'POST', body: '{"a":1}', authorization: undefined }]);
    expect(proxy.log.map((entry) => entry.method)).toEqual(['POST']);
  });

  it('connects directly when NO_PROXY covers the host', async () => {
    setProxyOverride(withCredentials(), 'the input `http-proxy`');
    const saved = process.env.NO_PROXY;
    process.env.NO_PROXY = '127.0.0.1';
    try {
      const response = await proxiedFetch(`${originUrl}/direct`);
      expect(await response.json()).toEqual({ path: '/direct' });
    } finally {
      if (saved === undefined) delete process.env.NO_PROXY;
      else process.env.NO_PROXY = saved;
    }
    expect(proxy.log).toEqual([]);
    expect(seen).toHaveLength(1);
  });

  it("rejects with the signal's reason on a timeout, as fetch does", async () => {
    setProxyOverride(withCredentials(), 'the input `http-proxy`');
    const error = await proxiedFetch(`${originUrl}/slow`, { signal: AbortSignal.timeout(100) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('rejects a dropped connection with a TypeError, as fetch does, so that callers retry it as they would fetch’s', async () => {
    setProxyOverride(withCredentials(), 'the input `http-proxy`');
    const error = await proxiedFetch(`${originUrl}/reset`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('fetch failed');
  });

  it('makes reading a body cut off fail, so that fetchText retries it', async () => {
    setProxyOverride(withCredentials(), 'the input `http-proxy`');
    const response = await proxiedFetch(`${originUrl}/cut`);
    await expect(response.text()).rejects.toThrow();
    const policy = { ...defaultRetryPolicy, maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, totalTimeoutMs: 5000 };
    await expect(fetchText(`${originUrl}/cut`, { headers: {} }, policy, 2000)).rejects.toMatchObject({ attempts: 2 });
    expect(proxy.log.filter((entry) => entry.destination.endsWith('/cut'))).toHaveLength(3);
  });

  it('fails at once, naming the proxy without its password, when the proxy refuses the credentials', async () => {
    setProxyOverride(proxy.url.replace('http://', 'http://ci:wr0ng-pass@'), 'the input `http-proxy`');
    const error = await proxiedFetch(`${originUrl}/keys`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).code).toBe(ErrorCode.ProxyRefused);
    expect((error as BrokerError).message).toContain(`The proxy ${proxy.url}/ refused`);
    expect((error as BrokerError).describe()).not.toContain('wr0ng-pass');
    const policy = { ...defaultRetryPolicy, maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, totalTimeoutMs: 5000 };
    await expect(fetchText(`${originUrl}/keys`, { headers: {} }, policy, 2000)).rejects.toBeInstanceOf(BrokerError);
    expect(proxy.log).toHaveLength(2);
    expect(seen).toEqual([]);
  });
});
