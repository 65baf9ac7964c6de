import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { parseIssuerUrl } from './issuer-url.ts';

const DISCOVERY_TIMEOUT_MS = 10_000;
// jose refetches the JWKS on an unknown kid at most once per cooldown, so forged kids cannot make us
// hammer the issuer; keys are kept for cacheMaxAge between fetches.
const JWKS_OPTIONS = { timeoutDuration: 10_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 };

// One entry per issuer for the life of the process, so a broker verifying many tokens discovers once.
const keysByIssuer = new Map<string, Promise<JWTVerifyGetKey>>();

/** The issuer's signing keys, found through its discovery document and cached with their JWKS. */
export function issuerKeys(issuer: string): Promise<JWTVerifyGetKey> {
  let keys = keysByIssuer.get(issuer);
  if (!keys) {
    keys = discoverJwks(issuer).then((jwksUri) => createRemoteJWKSet(jwksUri, JWKS_OPTIONS));
    // A failed discovery is not remembered: the next verification tries again.
    keys.catch(() => keysByIssuer.delete(issuer));
    keysByIssuer.set(issuer, keys);
  }
  return keys;
}

/** Where `issuer` publishes its discovery document: `<issuer>/.well-known/openid-configuration`. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

async function discoverJwks(issuer: string): Promise<URL> {
  parseIssuerUrl(issuer);
  const url = discoveryUrl(issuer);
  const fail = (problem: string, hint: string, cause?: unknown): BrokerError =>
    new BrokerError(ErrorCode.DiscoveryFailed, `Discovery of the issuer ${JSON.stringify(issuer)} failed: ${problem}.`, { hint, cause });
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
  } catch (cause) {
    throw fail(`${url} could not be reached`, 'Check the `issuer` input and the network path to it; retry if the issuer had an outage.', cause);
  }
  if (!response.ok) throw fail(`${url} answered HTTP ${response.status}`, 'Check that the `issuer` input is the exact issuer URL (for GHES: https://HOST/_services/token).');
  const document = (await response.json().catch(() => undefined)) as { issuer?: unknown; jwks_uri?: unknown } | undefined;
  if (typeof document !== 'object' || document === null) throw fail(`${url} did not return a JSON document`, 'Check that the `issuer` input points at an OIDC issuer.');
  if (document.issuer !== issuer) {
    throw fail(
      `it names itself ${JSON.stringify(document.issuer)}`,
      'An issuer must name itself exactly as configured: check the `issuer` input for a trailing slash, scheme or case difference.',
    );
  }
  if (typeof document.jwks_uri !== 'string') throw fail('it has no jwks_uri', 'The issuer must publish its signing keys (jwks_uri).');
  return parseIssuerUrl(document.jwks_uri, "issuer's jwks_uri");
}
