// The sandbox's fault layer on its own: each kind of fault as a client meets it, counts, and targets.
import { afterEach, describe, expect, it } from '@jest/globals';
import { FaultPlan, listenOnLoopback, sendJson, type LoopbackServer } from '../../../src/sandbox/http.ts';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(plan: FaultPlan): Promise<string> {
  server = await listenOnLoopback((_req, res) => sendJson(res, 200, { answer: 'the real one, long enough to cut in half' }), plan);
  return server.url;
}

describe('FaultPlan', () => {
  it('serves a 5xx the given number of times, then stands aside', async () => {
    const plan = new FaultPlan().inject('/a', { kind: 'error', status: 502 }, 2);
    const url = await serve(plan);
    expect((await fetch(`${url}/a`)).status).toBe(502);
    expect((await fetch(`${url}/a`)).status).toBe(502);
    expect((await fetch(`${url}/a`)).status).toBe(200);
    expect(plan.served).toEqual([
      { kind: 'error', path: '/a' },
      { kind: 'error', path: '/a' },
    ]);
    expect(plan.pending).toBe(0);
  });

  it('throttles with 429 and Retry-After, only on the path it targets', async () => {
    const plan = new FaultPlan().inject('/a', { kind: 'throttle', retryAfterSeconds: 3 });
    const url = await serve(plan);
    expect((await fetch(`${url}/b`)).status).toBe(200);
    const throttled = await fetch(`${url}/a`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
  });

  it('answers with the service’s own error shape when given one', async () => {
    const plan = new FaultPlan((res, status, fault, headers) => sendJson(res, status, { shape: 'service', kind: fault.kind }, headers)).inject('/', { kind: 'error' });
    const url = await serve(plan);
    const response = await fetch(url);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ shape: 'service', kind: 'error' });
  });

  it('delays the real answer', async () => {
    const url = await serve(new FaultPlan().inject('/', { kind: 'delay', ms: 300 }));
    const started = Date.now();
    const response = await fetch(url);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(response.status).toBe(200);
  });

  it('resets the connection without an answer', async () => {
    const url = await serve(new FaultPlan().inject((req) => req.method === 'POST', { kind: 'reset' }));
    await expect(fetch(url, { method: 'POST', body: 'x' })).rejects.toThrow('fetch failed');
    expect((await fetch(url)).status).toBe(200);
  });

  it('cuts the real answer off after its headers and half its body', async () => {
    const url = await serve(new FaultPlan().inject('/', { kind: 'truncate' }));
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(20);
    await expect(response.text()).rejects.toThrow();
  });

  it('serves faults queued for one target one after another, until cleared', async () => {
    const plan = new FaultPlan().inject('/', { kind: 'error' }).inject('/', { kind: 'throttle' }).inject('/', { kind: 'error', status: 500 }, Infinity);
    const url = await serve(plan);
    expect((await fetch(url)).status).toBe(503);
    expect((await fetch(url)).status).toBe(429);
    expect((await fetch(url)).status).toBe(500);
    expect((await fetch(url)).status).toBe(500);
    expect(plan.pending).toBe(Infinity);
    plan.clear();
    expect((await fetch(url)).status).toBe(200);
  });

  it('refuses a fault without a positive count', () => {
    expect(() => new FaultPlan().inject('/', { kind: 'reset' }, 0)).toThrow('a fault needs a positive count');
  });
});
