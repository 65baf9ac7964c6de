import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { discoveryUrl, issuerKeys } from '../../../src/oidc/issuer-keys.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { rejection } from '../../helpers/broker-error.ts';

const AUDIENCE = 'sts.amazonaws.com';
const JWKS_PATH = '/.well-known/jwks';
const DISCOVERY_PATH = '/.well-known/openid-configuration';

afterEach(() => {
  jest.restoreAllMocks();
});

function verify(issuer: OidcIssuer, token: string) {
  return verifyToken(token, { issuer: issuer.url, audience: AUDIENCE });
}

/** A server that answers every request with one fixed response, for issuers that misbehave. */
async function fixedServer(status: number, body: (url: string) => unknown): Promise<{ url: string; close: () => Promise<void> }> {
  let url = '';
  const server: Server = createServer((_req, res) => {
    const content = body(url);
    res.writeHead(status, { 'content-type': 'application/json' }).end(typeof content === 'string' ? content : JSON.stringify(content));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}


describe('discoveryUrl', () => {
  it('appends the well-known path once, whatever trailing slashes the issuer has', () => {
    expect(discoveryUrl('https://token.actions.githubusercontent.com')).toBe('https://token.actions.githubusercontent.com/.well-known/openid-configuration');
    expect(discoveryUrl('https://ghe.example.com/_services/token/')).toBe('https://ghe.example.com/_services/token/.well-known/openid-configuration');
  });
});

describe('issuerKeys', () => {
  let issuer: OidcIssuer;
  beforeAll(async () => {
    issuer = await OidcIssuer.start();
  });
  afterAll(() => issuer.close());

  it('discovers and fetches the keys once for many verifications', async () => {
    for (let i = 0; i < 5; i++) await verify(issuer, await issuer.mint({ audience: AUDIENCE }));
    expect(issuer.requestCounts.get(DISCOVERY_PATH)).toBe(1);
    expect(issuer.requestCounts.get(JWKS_PATH)).toBe(1);
  });

  it('finds a key published just after its last fetch, waiting out the short refetch cooldown once', async () => {
    const fetchesBefore = issuer.requestCounts.get(JWKS_PATH)!;
    await issuer.rotateKeys();
    const rotated = await issuer.mint({ audience: AUDIENCE });
    await expect(verify(issuer, rotated)).resolves.toBeDefined();
    expect(issuer.requestCounts.get(JWKS_PATH)).toBe(fetchesBefore + 1);
  });

  it('fetches the keys at most once more for a key id nobody published', async () => {
    const fetchesBefore = issuer.requestCounts.get(JWKS_PATH)!;
    const forged = await issuer.mint({ audience: AUDIENCE, header: { kid: 'not-a-published-kid' } });
    const error = await rejection(verify(issuer, forged));
    expect(error.code).toBe(ErrorCode.TokenKeyNotFound);
    expect(error.message).toContain('"not-a-published-kid"');
    expect(issuer.requestCounts.get(JWKS_PATH)! - fetchesBefore).toBeLessThanOrEqual(1);
  });

  it('still verifies tokens of the previous key after a rotation that keeps it', async () => {
    const before = await issuer.mint({ audience: AUDIENCE });
    await issuer.rotateKeys();
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 120_000);
    await expect(verify(issuer, before)).resolves.toBeDefined();
  });
});

describe('issuer discovery failures', () => {
  it('names an issuer that does not answer', async () => {
    const gone = await fixedServer(200, () => ({}));
    await gone.close();
    const error = await rejection(issuerKeys(gone.url));
    expect(error.code).toBe(ErrorCode.DiscoveryFailed);
    expect(error.message).toMatch(new RegExp(`^Discovery of the issuer "${gone.url}" failed: could not reach ${gone.url}${DISCOVERY_PATH}, \\d+ time\\(s\\) over \\d+\\.\\d s\\.$`));
    expect(error.hint).toBe('The issuer did not answer, or answered with a server error: retry the job, and check the issuer’s status and the network path to it.');
  });

  it('reports the HTTP status of a failed discovery, and tries again next time', async () => {
    const issuer = await OidcIssuer.start();
    try {
      issuer.outage();
      const error = await rejection(issuerKeys(issuer.url));
      expect(error.message).toMatch(new RegExp(`^Discovery of the issuer "${issuer.url}" failed: ${issuer.url}${DISCOVERY_PATH} answered HTTP 503, \\d+ time\\(s\\) over \\d+\\.\\d s\\.$`));
      issuer.restore();
      await expect(verify(issuer, await issuer.mint({ audience: AUDIENCE }))).resolves.toBeDefined();
    } finally {
      await issuer.close();
    }
  });

  it('refuses a discovery document that names another issuer', async () => {
    const impostor = await fixedServer(200, () => ({ issuer: 'https://token.actions.githubusercontent.com', jwks_uri: 'https://token.actions.githubusercontent.com/.well-known/jwks' }));
    try {
      const error = await rejection(issuerKeys(impostor.url));
      expect(error.message).toBe(`Discovery of the issuer "${impostor.url}" failed: it names itself "https://token.actions.githubusercontent.com".`);
    } finally {
      await impostor.close();
    }
  });

  it('refuses a document that is not JSON, has no jwks_uri, or publishes keys over plain http', async () => {
    const notJson = await fixedServer(200, () => '<html>');
    const noKeys = await fixedServer(200, (url) => ({ issuer: url }));
    const insecureKeys = await fixedServer(200, (url) => ({ issuer: url, jwks_uri: 'http://keys.example.com/jwks' }));
    try {
      expect((await rejection(issuerKeys(notJson.url))).message).toBe(
        `Discovery of the issuer "${notJson.url}" failed: ${notJson.url}${DISCOVERY_PATH} did not return a JSON document.`,
      );
      expect((await rejection(issuerKeys(noKeys.url))).message).toBe(`Discovery of the issuer "${noKeys.url}" failed: it has no jwks_uri.`);
      const insecure = await rejection(issuerKeys(insecureKeys.url));
      expect(insecure.code).toBe(ErrorCode.IssuerInvalid);
      expect(insecure.message).toBe(`The issuer's jwks_uri "http://keys.example.com/jwks" does not use https.`);
    } finally {
      await Promise.all([notJson.close(), noKeys.close(), insecureKeys.close()]);
    }
  });

  it('refuses a plain-http issuer that is not on loopback before any request', async () => {
    const error = await rejection(issuerKeys('http://issuer.example.com'));
    expect(error.code).toBe(ErrorCode.IssuerInvalid);
    expect(error.message).toBe('The issuer "http://issuer.example.com" does not use https.');
  });
});
