import { createRemoteJWKSet, customFetch, errors, type JWTVerifyGetKey } from 'jose';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { fetchText, parseJson } from '../util/fetch-text.ts';
import { proxiedFetch } from '../util/proxy.ts';
import { defaultRetryPolicy, RetriesExhaustedError, withRetries, type RetryPolicy } from '../util/retry.ts';
import { parseIssuerUrl } from './issuer-url.ts';

const ATTEMPT_TIMEOUT_MS = 10_000;
const FETCH_RETRIES: RetryPolicy = { ...defaultRetryPolicy, totalTimeoutMs: 20_000 };
// jose refetches the JWKS on an unknown kid at most once per cooldown, so forged kids cannot make us
// hammer the issuer; keys are kept for cacheMaxAge between fetches. The cooldown is short because a
// job verifies a second token (another cloud's audience) seconds after the first, possibly under a key
// the issuer has just published.
const JWKS_COOLDOWN_MS = 1000;
// jose's own fetch would ignore the proxy rules every other call follows.
const JWKS_OPTIONS = { timeoutDuration: ATTEMPT_TIMEOUT_MS, cooldownDuration: JWKS_COOLDOWN_MS, cacheMaxAge: 10 * 60_000, [customFetch]: proxiedFetch };

// One entry per issuer for the life of the process, so a broker verifying many tokens discovers once.
const keysByIssuer = new Map<string, Promise<JWTVerifyGetKey>>();

/** The issuer's signing keys, found through its discovery document and cached with their JWKS. */
export function issuerKeys(issuer: string): Promise<JWTVerifyGetKey> {
  let keys = keysByIssuer.get(issuer);
  if (!keys) {
    keys = discoverJwks(issuer).then((jwksUri) => retrying(createRemoteJWKSet(jwksUri, JWKS_OPTIONS)));
    // A failed discovery is not remembered: the next verification tries again.
    keys.catch(() => keysByIssuer.delete(issuer));
    keysByIssuer.set(issuer, keys);
  }
  return keys;
}

/**
 * The JWKS lookup, with the retries jose leaves to us: a fetch that failed (no answer, 5xx, a body cut
 * off) is tried again within the budget, and an unknown kid once more after the refetch cooldown, in
 * case the issuer published the key a moment after our last fetch.
 */
function retrying(jwks: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    let waitedForCooldown = false;
    try {
      const { value } = await withRetries(
        async () => jwks(header, token),
        (error) => {
          if (error instanceof errors.JWKSNoMatchingKey) {
            if (waitedForCooldown) return { retry: false };
            waitedForCooldown = true;
            return { retry: true, afterMs: JWKS_COOLDOWN_MS };
          }
          const fetchFailed = error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof TypeError || error instanceof SyntaxError || (error instanceof errors.JOSEError && /HTTP response/.test(error.message));
          return { retry: fetchFailed };
        },
        FETCH_RETRIES,
      );
      return value;
    } catch (error) {
      // The verifier explains jose's own errors; a spent budget is the last of them.
      throw error instanceof RetriesExhaustedError ? error.lastError : error;
    }
  };
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
  let response: { status: number; text: string };
  try {
    response = await fetchText(url, { headers: { accept: 'application/json' } }, FETCH_RETRIES, ATTEMPT_TIMEOUT_MS);
  } catch (cause) {
    if (!(cause instanceof RetriesExhaustedError)) throw cause;
    throw fail(`${(cause.lastError as Error).message}, ${cause.attempts} time(s) over ${(cause.elapsedMs / 1000).toFixed(1)} s`, 'The issuer did not answer, or answered with a server error: retry the job, and check the issuer’s status and the network path to it.', cause);
  }
  if (response.status < 200 || response.status >= 300) throw fail(`${url} answered HTTP ${response.status}`, 'Check that the `issuer` input is the exact issuer URL (for GHES: https://HOST/_services/token).');
  const document = parseJson(response.text) as { issuer?: unknown; jwks_uri?: unknown } | undefined;
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

