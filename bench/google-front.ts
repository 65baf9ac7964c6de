// Puts the sandbox's Google emulator behind HTTPS on 127.0.0.1, so that an action whose Google URLs are
// fixed (https://sts.googleapis.com, https://iamcredentials.googleapis.com) can be measured against it:
// a CONNECT proxy (for HTTPS_PROXY) tunnels those two hosts, and only those, to a TLS front whose
// certificate, from a throwaway CA (for NODE_EXTRA_CA_CERTS), names them and 127.0.0.1. Both sides of
// the bench then pay for TLS, as they would against Google.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GOOGLE_HOSTS = new Set(['sts.googleapis.com:443', 'iamcredentials.googleapis.com:443']);
const MAX_BODY_BYTES = 1024 * 1024;

export interface GoogleFront {
  /** The TLS front itself: what `gcp-token-url` and `gcp-iam-credentials-url` can name directly. */
  url: string;
  /** For HTTPS_PROXY: tunnels Google's two hosts to the front. */
  proxyUrl: string;
  /** The throwaway CA, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
  close(): Promise<void>;
}

/** A CA and a certificate for the front, made by the openssl command line (Node can sign, but not issue certificates). */
function issueCertificate(dir: string): { key: Buffer; cert: Buffer; caFile: string } {
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const subject = (cn: string): string[] => ['-subj', `/CN=${cn}`, '-days', '1', '-nodes', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];
  openssl('req', '-x509', ...subject('ci-oidc-broker bench CA'), '-keyout', 'ca.key', '-out', 'ca.pem', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  writeFileSync(join(dir, 'leaf.ext'), 'subjectAltName=DNS:sts.googleapis.com,DNS:iamcredentials.googleapis.com,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl('req', ...subject('sts.googleapis.com'), '-keyout', 'leaf.key', '-out', 'leaf.csr');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-days', '1', '-extfile', 'leaf.ext', '-out', 'leaf.pem');
  return { key: readFileSync(join(dir, 'leaf.key')), cert: readFileSync(join(dir, 'leaf.pem')), caFile: join(dir, 'ca.pem') };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) throw new Error('request body too large');
  }
  return body;
}

// Google's STS takes its token exchange as a form or as JSON with camelCase names; the emulator reads the form.
const STS_FIELDS: Record<string, string> = {
  audience: 'audience',
  grantType: 'grant_type',
  requestedTokenType: 'requested_token_type',
  scope: 'scope',
  subjectTokenType: 'subject_token_type',
  subjectToken: 'subject_token',
};

function asStsForm(path: string, contentType: string | undefined, body: string): { body: string; contentType: string | undefined } {
  if (path !== '/v1/token' || !contentType?.startsWith('application/json')) return { body, contentType };
  const json = JSON.parse(body) as Record<string, unknown>;
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(json)) if (typeof value === 'string') form.set(STS_FIELDS[name] ?? name, value);
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startGoogleFront(emulatorUrl: string): Promise<GoogleFront> {
  const dir = mkdtempSync(join(tmpdir(), 'ci-oidc-broker-bench-tls-'));
  const { key, cert, caFile } = issueCertificate(dir);
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = req.url ?? '/';
    const { body, contentType } = asStsForm(path, req.headers['content-type'], await readBody(req));
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const answer = await fetch(new URL(path, emulatorUrl), { method: req.method ?? 'GET', headers, ...(req.method === 'POST' && { body }) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(await answer.text());
  };
  const front = createHttpsServer({ key, cert }, (req, res) => {
    forward(req, res).catch((error: unknown) => res.writeHead(502).end(String(error)));
  });
  const frontPort = await listen(front);
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  // Tunnels leave the HTTP server's books once connected: they are tracked here to be ended on close.
  const tunnels = new Set<Socket>();
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    if (!GOOGLE_HOSTS.has(req.url ?? '')) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(frontPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    tunnels.add(upstream).add(client);
    const drop = (): void => {
      upstream.destroy();
      client.destroy();
      tunnels.delete(upstream);
      tunnels.delete(client);
    };
    upstream.on('close', drop).on('error', drop);
    client.on('close', drop).on('error', drop);
  });
  const proxyPort = await listen(proxy);
  return {
    url: `https://127.0.0.1:${frontPort}`,
    proxyUrl: `http://127.0.0.1:${proxyPort}`,
    caFile,
    close: async () => {
      front.closeAllConnections();
      proxy.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
      await Promise.all([new Promise((resolve) => front.close(resolve)), new Promise((resolve) => proxy.close(resolve))]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
