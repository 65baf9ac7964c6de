import { BrokerError, ErrorCode } from '../errors/broker-error.ts';

/** Hosts where plain http is acceptable: the traffic never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Checks an issuer (or a URL an issuer publishes, such as its `jwks_uri`): https, or http on loopback
 * only; no credentials, query or fragment. The string itself is kept as given, because `iss` must
 * match it exactly.
 */
export function parseIssuerUrl(value: string, what = 'issuer'): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new BrokerError(ErrorCode.IssuerInvalid, `The ${what} ${JSON.stringify(value)} is not a URL.`, {
      hint: 'Use the issuer’s full URL, such as https://token.actions.githubusercontent.com.',
    });
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!secure) {
    throw new BrokerError(ErrorCode.IssuerInvalid, `The ${what} ${JSON.stringify(value)} does not use https.`, {
      hint: 'Keys fetched over plain http could be replaced in transit; only loopback addresses (for local tests) may use http.',
    });
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new BrokerError(ErrorCode.IssuerInvalid, `The ${what} ${JSON.stringify(value)} carries credentials, a query or a fragment.`, {
      hint: 'Give the issuer as its plain URL, exactly as it appears in the tokens’ `iss` claim.',
    });
  }
  return url;
}
