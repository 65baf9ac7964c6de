// The one place that decides whether an outbound request goes through a proxy, and through which.
// Every client the action and the CLI use (fetch-style calls, the AWS SDK, google-auth-library) is given
// agents built here, so that one set of rules applies to all of them; Node's own proxy support (an
// Agent's `proxyEnv`) then speaks to the proxy: absolute-form requests for http, CONNECT tunnels for https.
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Readable } from 'node:stream';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { isLoopbackHost } from '../oidc/issuer-url.ts';

/** Where the proxy settings came from, to name in an error. */
type Source = 'the input `http-proxy`' | 'the option --http-proxy' | `the variable ${string}`;

// Set from the action's `http-proxy` input or the CLI's --http-proxy: one proxy for http and https.
let override: { url: URL } | undefined;

/**
 * Sends every later request of this process through `text` (http and https alike), whatever
 * HTTPS_PROXY and HTTP_PROXY say; NO_PROXY still applies. Empty or undefined restores the environment's.
 * Returns the proxy's URL, whose password the caller may need to mask.
 */
export function setProxyOverride(text: string | undefined, source: 'the input `http-proxy`' | 'the option --http-proxy'): URL | undefined {
  override = text ? { url: parseProxyUrl(text, source) } : undefined;
  return override?.url;
}

/** The proxy URL as it may be shown: without a user name or password. */
export function displayProxy(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

function parseProxyUrl(text: string, source: Source): URL {
  // curl and @actions/http-client take host:port alone as an http proxy; so do we.
  const withScheme = text.includes('://') ? text : `http://${text}`;
  const url = URL.canParse(withScheme) ? new URL(withScheme) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || /[\r\n]/.test(text)) {
    // The text may carry a password: it is described, never quoted.
    throw new BrokerError(ErrorCode.InputInvalid, `The proxy in ${source} is not an http or https URL.`, {
      hint: 'Give it as http://HOST:PORT (or https://HOST:PORT), with USER:PASSWORD@ before the host when the proxy asks for them.',
    });
  }
  return url;
}

/** The proxy the environment names for a scheme; lower case first, as curl and Node read them. */
function environmentProxy(scheme: 'http' | 'https', env: NodeJS.ProcessEnv): URL | undefined {
  for (const name of [`${scheme}_proxy`, `${scheme.toUpperCase()}_PROXY`]) {
    const text = env[name];
    if (text) return parseProxyUrl(text, `the variable ${name}`);
  }
  return undefined;
}

/** The port a URL reaches: its own, or its scheme's. */
function portOf(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

/**
 * Whether NO_PROXY (or no_proxy, which wins) covers the URL. Entries are separated by commas or spaces:
 * `*` covers every host; a name covers itself and its subdomains (a leading `.` or `*.` changes nothing);
 * an IP address or CIDR range covers those addresses; `:PORT` after any of them limits it to that port.
 */
export function noProxyCovers(url: URL, env: NodeJS.ProcessEnv = process.env): boolean {
  const list = env.no_proxy ?? env.NO_PROXY ?? '';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const family = isIP(host);
  for (const raw of list.split(/[\s,]+/)) {
    const entry = raw.toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    // [v6]:port, v4:port and name:port; a bare IPv6 address has several colons and no port.
    const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (withPort && withPort[2] !== portOf(url)) continue;
    const name = (withPort ? withPort[1]! : entry).replace(/^\[|\]$/g, '');
    if (family !== 0) {
      if (addressCovers(name, host, family)) return true;
      continue;
    }
    const domain = name.replace(/^\*?\./, '');
    if (host === domain || host.endsWith(`.${domain}`)) return true;
  }
  return false;
}

function addressCovers(entry: string, host: string, family: number): boolean {
  const [address, prefix] = entry.split('/');
  const entryFamily = isIP(address ?? '');
  if (entryFamily === 0) return false;
  const type = entryFamily === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  if (prefix === undefined) {
    list.addAddress(address!, type);
  } else {
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits <= (entryFamily === 4 ? 32 : 128))) return false;
    list.addSubnet(address!, bits, type);
  }
  return list.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The proxy a request to `url` goes through, or undefined for a direct connection: the override, else
 * the environment's proxy for the URL's scheme, unless NO_PROXY covers the host. A loopback destination
 * goes through a proxy only when the proxy is on loopback too: a proxy elsewhere would reach its own
 * machine, not this one, so it could only fail or, worse, answer in its place.
 */
export function proxyFor(target: URL | string, env: NodeJS.ProcessEnv = process.env): URL | undefined {
  const url = new URL(target);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const proxy = override?.url ?? environmentProxy(url.protocol === 'https:' ? 'https' : 'http', env);
  if (!proxy || noProxyCovers(url, env)) return undefined;
  if (isLoopbackHost(url.hostname) && !isLoopbackHost(proxy.hostname)) return undefined;
  return proxy;
}

/**
 * A fresh agent for one client or request to `url`, through the proxy proxyFor chooses or direct.
 * Fresh, because a client's destroy() destroys its agents, and keep-alive off, so that no idle socket
 * holds a short-lived process open.
 */
export function agentFor(target: URL | string, env: NodeJS.ProcessEnv = process.env): http.Agent {
  const url = new URL(target);
  return agentThrough(url, proxyFor(url, env));
}

function agentThrough(url: URL, proxy: URL | undefined): http.Agent {
  // An explicit proxyEnv, empty for a direct connection, so that NODE_USE_ENV_PROXY cannot add a second opinion.
  const proxyEnv = proxy ? { HTTP_PROXY: proxy.href, HTTPS_PROXY: proxy.href } : {};
  return url.protocol === 'https:' ? new https.Agent({ keepAlive: false, proxyEnv }) : new http.Agent({ keepAlive: false, proxyEnv });
}

/** What proxiedFetch accepts of fetch's options: enough for GETs and small JSON or form POSTs. */
export interface ProxiedFetchInit {
  method?: string;
  headers?: ConstructorParameters<typeof Headers>[0];
  body?: string | Uint8Array;
  signal?: AbortSignal | null;
}

/**
 * fetch() routed by proxyFor: the global fetch has one process-wide dispatcher, and Node offers no
 * per-request proxy for it. Redirects are returned, not followed (none of the endpoints called
 * redirects, and a followed redirect could carry a bearer elsewhere).
 */
export function proxiedFetch(target: URL | string, init: ProxiedFetchInit = {}): Promise<Response> {
  const url = new URL(target);
  const send = url.protocol === 'https:' ? https.request : http.request;
  const signal = init.signal ?? undefined;
  return new Promise<Response>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const proxy = proxyFor(url);
    const request = send(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers)), agent: agentThrough(url, proxy), ...(signal && { signal }) }, (answer) => {
      const refused = refusedByProxy(proxy, url, { status: answer.statusCode });
      if (refused) {
        answer.resume();
        return reject(refused);
      }
      const headers = new Headers();
      for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) headers.append(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
      const status = answer.statusCode ?? 0;
      const empty = status === 204 || status === 205 || status === 304 || request.method === 'HEAD';
      // A connection dropped before the whole body makes the stream fail, so text() rejects, as fetch's does.
      const body = empty ? null : (Readable.toWeb(answer) as ReadableStream<Uint8Array>);
      if (empty) answer.resume();
      try {
        resolve(new Response(body, { status, statusText: answer.statusMessage ?? '', headers }));
      } catch (error) {
        answer.destroy();
        reject(error);
      }
    });
    request.on('error', (error) => {
      const refused = refusedByProxy(proxy, url, { error });
      if (refused) return reject(refused);
      // As fetch rejects: the signal's reason, or a TypeError whose cause says what the network did.
      reject(signal?.aborted ? signal.reason : new TypeError('fetch failed', { cause: error }));
    });
    request.end(init.body);
  });
}

/**
 * The error to fail with when the proxy asked for credentials it was not given, or refused those it
 * was (no retry can cure that): a 407 answer to an http request, or a CONNECT tunnel for https that
 * Node reports as refused with 407. Undefined for anything else.
 */
export function refusedByProxy(proxy: URL | undefined, url: URL, evidence: { status?: number | undefined; error?: Error & { code?: string } }): BrokerError | undefined {
  const tunnelRefused = evidence.error?.code === 'ERR_PROXY_TUNNEL' && /\b407\b/.test(evidence.error.message);
  if (!proxy || !(evidence.status === 407 || tunnelRefused)) return undefined;
  return new BrokerError(ErrorCode.ProxyRefused, `The proxy ${displayProxy(proxy)} refused to relay the request to ${url.origin} (HTTP 407, Proxy Authentication Required).`, {
    hint: proxy.username
      ? 'Check the user name and password in the proxy URL (`http-proxy`, HTTPS_PROXY or HTTP_PROXY); characters such as @ : / must be percent-encoded.'
      : 'The proxy wants credentials: give them in its URL, http://USER:PASSWORD@HOST:PORT, or add this host to NO_PROXY if it is reachable directly.',
  });
}
