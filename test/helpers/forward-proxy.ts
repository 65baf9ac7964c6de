// A forward proxy for tests, on 127.0.0.1: it relays absolute-form http requests (marked with its Via
// header) and CONNECT tunnels, and records each one as a proxy's access log would: method and
// destination, never a header value, a query or a body. Tests read `log` to prove which calls went
// through, and scan it for secrets.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { pipeline } from 'node:stream';

/** The Via header the proxy adds to every request it relays. */
export const VIA = '1.1 test-forward-proxy';

export interface ProxyLogEntry {
  method: string;
  /** `http://host:port/path` for relayed requests, `host:port` for tunnels. */
  destination: string;
  /** Whether the client sent Proxy-Authorization (its value is never kept). */
  authenticated: boolean;
}

export interface ForwardProxy {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  readonly log: ProxyLogEntry[];
  /** Every destination host:port the proxy was asked for. */
  hosts(): string[];
  close(): Promise<void>;
}

/** Starts the proxy; with `credentials` (USER:PASSWORD), it answers 407 to requests without them. */
export async function startForwardProxy(options: { credentials?: string } = {}): Promise<ForwardProxy> {
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials === undefined ? undefined : `Basic ${Buffer.from(options.credentials).toString('base64')}`;
  const admitted = (header: string | undefined): boolean => expected === undefined || header === expected;

  const server: Server = createServer((req, res) => {
    const target = URL.canParse(req.url ?? '') ? new URL(req.url!) : undefined;
    if (!target || target.protocol !== 'http:') {
      res.writeHead(400).end('absolute-form http requests only');
      return;
    }
    log.push({ method: req.method ?? '', destination: `${target.origin}${target.pathname}`, authenticated: req.headers['proxy-authorization'] !== undefined });
    if (!admitted(req.headers['proxy-authorization'])) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
      return;
    }
    // Via, as proxies mark what they relay: servers behind it can tell relayed requests from direct ones.
    const headers: Record<string, string | string[] | undefined> = { ...req.headers, via: VIA };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      if (res.destroyed) return void answer.destroy();
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      // An answer cut off upstream is cut off here too, as a real proxy relays it.
      pipeline(answer, res, () => undefined);
    });
    upstream.on('error', () => res.destroy());
    // A client that gave up (a timeout) takes its relayed request with it.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const destination = req.url ?? '';
    log.push({ method: 'CONNECT', destination, authenticated: req.headers['proxy-authorization'] !== undefined });
    if (!admitted(req.headers['proxy-authorization'])) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    const [host, port] = [destination.slice(0, destination.lastIndexOf(':')), Number(destination.slice(destination.lastIndexOf(':') + 1))];
    const upstream = connect(port, host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    hosts: () => [...new Set(log.map((entry) => (entry.method === 'CONNECT' ? entry.destination : new URL(entry.destination).host)))],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
