import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A sandbox HTTP server bound to loopback on an ephemeral port. */
export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Largest request body the sandbox reads; real services reject far smaller bodies for these calls. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * One way for a request to go wrong, as networks and services go wrong:
 * - `error`: a 5xx answer (503 by default) in the service's error shape;
 * - `throttle`: the service's rate-limit answer, with `Retry-After` (seconds, 1 by default);
 * - `delay`: a slow answer: the request is handled normally after `ms`;
 * - `reset`: the connection is dropped once the request is read, with no answer at all;
 * - `truncate`: the real answer's headers, with its full Content-Length, then half its body, then the
 *   connection is dropped.
 */
export type Fault =
  | { kind: 'error'; status?: number }
  | { kind: 'throttle'; retryAfterSeconds?: number }
  | { kind: 'delay'; ms: number }
  | { kind: 'reset' }
  | { kind: 'truncate' };

/** Which requests a fault hits: an exact URL path, or a predicate over the request (its body is not read yet). */
export type FaultTarget = string | ((req: IncomingMessage, url: URL) => boolean);

/** Writes a service's own error answer (its body shape, and its throttling code) for `error` and `throttle` faults. */
export type ErrorResponder = (res: ServerResponse, status: number, fault: Extract<Fault, { kind: 'error' | 'throttle' }>, headers: Record<string, string>) => void;

interface Rule {
  target: FaultTarget;
  fault: Fault;
  remaining: number;
}

/**
 * Faults a sandbox server serves before it handles a request. Each rule serves its fault to the next
 * `count` requests it matches and then stands aside; rules are tried in the order they were added, so
 * faults queued for one endpoint are served one after another. Tests read `served` to prove that a
 * fault was actually met, so that a passing test cannot be one the fault never reached.
 */
export class FaultPlan {
  /** Every fault served, in order: its kind and the path it hit. */
  readonly served: Array<{ kind: Fault['kind']; path: string }> = [];
  readonly #rules: Rule[] = [];
  readonly #respond: ErrorResponder;

  constructor(respond: ErrorResponder = respondJson) {
    this.#respond = respond;
  }

  /** Serves `fault` to the next `count` requests `target` matches (Infinity: until `clear()`, an outage). */
  inject(target: FaultTarget, fault: Fault, count = 1): this {
    if (!(count > 0)) throw new Error('a fault needs a positive count');
    this.#rules.push({ target, fault, remaining: count });
    return this;
  }

  /** Drops every fault not yet served. */
  clear(): void {
    this.#rules.length = 0;
  }

  /** Faults still queued, counting an outage's as Infinity. */
  get pending(): number {
    return this.#rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  /** Applies the fault due for this request, if any; resolves true when the request must not be handled further. */
  async apply(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const index = this.#rules.findIndex((rule) => (typeof rule.target === 'string' ? rule.target === url.pathname : rule.target(req, url)));
    if (index < 0) return false;
    const rule = this.#rules[index]!;
    if (--rule.remaining <= 0) this.#rules.splice(index, 1);
    const { fault } = rule;
    this.served.push({ kind: fault.kind, path: url.pathname });
    switch (fault.kind) {
      case 'error':
        await drain(req);
        this.#respond(res, fault.status ?? 503, fault, {});
        return true;
      case 'throttle':
        await drain(req);
        this.#respond(res, 429, fault, { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
        return true;
      case 'delay':
        await sleep(fault.ms);
        return false;
      case 'reset':
        await drain(req);
        res.destroy();
        return true;
      case 'truncate':
        truncateBody(res);
        return false;
    }
  }
}

/** The default error answer: JSON `{ message }`, as GitHub's APIs answer. */
function respondJson(res: ServerResponse, status: number, fault: Fault, headers: Record<string, string>): void {
  sendJson(res, status, { message: fault.kind === 'throttle' ? 'rate limit exceeded' : 'service unavailable (sandbox fault)' }, headers);
}

/** Reads and discards a request body, so that the client has sent everything before the answer or the reset. */
async function drain(req: IncomingMessage): Promise<void> {
  req.resume();
  await new Promise<void>((resolve) => (req.readableEnded ? resolve() : req.once('end', resolve).once('error', () => resolve())));
}

/**
 * Makes the handler's answer arrive cut in half: the status and headers it writes go out with the
 * whole body's Content-Length, then half the body, then the socket closes, as when a connection
 * drops mid-answer.
 */
function truncateBody(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => ServerResponse;
  let head: { status: number; headers: OutgoingHttpHeaders } = { status: 200, headers: {} };
  // Every sandbox handler answers with writeHead(status, headers) and one end(body).
  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    head = { status, headers: headers ?? {} };
    return res;
  }) as ServerResponse['writeHead'];
  res.end = ((chunk?: unknown) => {
    const body = Buffer.from(typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : '');
    writeHead(head.status, { ...head.headers, 'content-length': body.length });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
    return res;
  }) as ServerResponse['end'];
}

/** Serves `handler` on 127.0.0.1; with `faults`, each request first meets the fault due for it, if any. */
export async function listenOnLoopback(handler: Handler, faults?: FaultPlan): Promise<LoopbackServer> {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (faults && (await faults.apply(req, res))) return;
    await handler(req, res);
  };
  const server: Server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendText(res, 500, `sandbox error: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  // Long enough for clients to reuse connections, as they do with the real services (a 1 s timeout made
  // Node 24's agent open a connection per call); close() drops every connection at once regardless.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, body: string, contentType = 'text/plain'): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
