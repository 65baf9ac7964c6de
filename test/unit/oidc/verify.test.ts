import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { decodeProtectedHeader, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { MAX_TOKEN_BYTES, verifyToken } from '../../../src/oidc/verify.ts';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { rejection } from '../../helpers/broker-error.ts';

const AUDIENCE = 'sts.amazonaws.com';
let issuer: OidcIssuer;

beforeAll(async () => {
  issuer = await OidcIssuer.start();
});
afterAll(() => issuer.close());
afterEach(() => {
  jest.restoreAllMocks();
});

function refusal(token: string, options: { issuer?: string; audience?: string } = {}): Promise<BrokerError> {
  return rejection(verifyToken(token, { issuer: issuer.url, audience: AUDIENCE, ...options }));
}

describe('verifyToken', () => {
  it('returns the claims of a token that the issuer signed for the audience', async () => {
    const token = await issuer.mint({ audience: AUDIENCE });
    const verified = await verifyToken(token, { issuer: issuer.url, audience: AUDIENCE });
    expect(verified.claims.sub).toBe('repo:octo-org/app:environment:production');
    expect(verified.claims.repository_id).toBe('8429');
    expect(verified.header.alg).toBe('RS256');
    expect(verified.token).toBe(token);
  });

  it('names the issuer it expected when the token names another', async () => {
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, claims: { iss: 'https://token.actions.githubusercontent.com' } }));
    expect(error.code).toBe(ErrorCode.TokenIssuerMismatch);
    expect(error.message).toBe(`The token's issuer is "https://token.actions.githubusercontent.com", but "${issuer.url}" was expected.`);
  });

  it('refuses a token minted for another audience and names both', async () => {
    const error = await refusal(await issuer.mint({ audience: 'https://github.com/octo-org' }));
    expect(error.code).toBe(ErrorCode.TokenAudienceMismatch);
    expect(error.message).toBe(`The token's audience is "https://github.com/octo-org", but "sts.amazonaws.com" was expected.`);
    expect(error.hint).toContain('`audience` input');
  });

  it('accepts a token that expired less than 60 s ago and refuses one beyond the leeway', async () => {
    const now = Math.floor(Date.now() / 1000);
    const recent = await issuer.mint({ audience: AUDIENCE, issuedAt: now - 330, lifetimeSeconds: 300 });
    await expect(verifyToken(recent, { issuer: issuer.url, audience: AUDIENCE })).resolves.toBeDefined();
    const old = await issuer.mint({ audience: AUDIENCE, issuedAt: now - 400, lifetimeSeconds: 300 });
    const error = await refusal(old);
    expect(error.code).toBe(ErrorCode.TokenExpired);
    expect(error.message).toBe(`The token expired at ${new Date((now - 100) * 1000).toISOString()} (leeway 60 s).`);
  });

  it('never grants more than 60 s of leeway, whatever the caller asks', async () => {
    const now = Math.floor(Date.now() / 1000);
    const old = await issuer.mint({ audience: AUDIENCE, issuedAt: now - 400, lifetimeSeconds: 300 });
    const error: unknown = await verifyToken(old, { issuer: issuer.url, audience: AUDIENCE, clockToleranceSeconds: 3600 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.TokenExpired });
  });

  it('refuses a token that is not yet valid', async () => {
    const future = Math.floor(Date.now() / 1000) + 600;
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, claims: { nbf: future, iat: future - 1, exp: future + 300 } }));
    expect(error.code).toBe(ErrorCode.TokenNotYetValid);
    expect(error.message).toContain(new Date(future * 1000).toISOString());
  });

  it('refuses a token issued in the future beyond the leeway', async () => {
    const now = Math.floor(Date.now() / 1000);
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, claims: { iat: now + 120, nbf: now - 10, exp: now + 400 } }));
    expect(error.code).toBe(ErrorCode.TokenIssuedInFuture);
    expect(error.message).toContain('in the future (leeway 60 s)');
  });

  it('refuses a token whose signature was made with a key the issuer does not hold', async () => {
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, forgeSignature: true }));
    expect(error.code).toBe(ErrorCode.TokenSignatureInvalid);
    expect(error.message).toContain(`that ${issuer.url} publishes`);
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, , signature] = (await issuer.mint({ audience: AUDIENCE })).split('.');
    const payload = Buffer.from(JSON.stringify(issuer.payloadFor({ audience: AUDIENCE, claims: { repository: 'octo-org/evil' } }))).toString('base64url');
    const error = await refusal(`${header}.${payload}.${signature}`);
    expect(error.code).toBe(ErrorCode.TokenSignatureInvalid);
  });

  it('refuses unsigned and shared-secret tokens before looking at any key', async () => {
    const payload = issuer.payloadFor({ audience: AUDIENCE });
    const none = await refusal(new UnsecuredJWT(payload).encode());
    expect(none.code).toBe(ErrorCode.TokenAlgorithmRejected);
    expect(none.message).toBe('The token is signed with "none", which is not an allowed asymmetric algorithm.');
    const hs256 = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a shared secret of enough length'));
    const hmac = await refusal(hs256);
    expect(hmac.code).toBe(ErrorCode.TokenAlgorithmRejected);
    expect(hmac.message).toContain('"HS256"');
  });

  it('refuses a token signed with an asymmetric algorithm the published key does not use', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const { kid } = decodeProtectedHeader(await issuer.mint());
    const token = await new SignJWT(issuer.payloadFor({ audience: AUDIENCE })).setProtectedHeader({ alg: 'ES256', kid }).sign(privateKey);
    const error = await refusal(token);
    expect(error.code).toBe(ErrorCode.TokenKeyNotFound);
    expect(error.message).toBe(`No key of ${issuer.url} matches the token's key id "${kid}" and algorithm ES256.`);
  });

  it('says what is wrong with a token that is not a JWT at all', async () => {
    expect((await refusal('not-a-token')).message).toBe('The token has 1 dot-separated parts; a signed JWT has 3.');
    expect((await refusal('a.b.c')).message).toBe('The token header is not base64url-encoded JSON.');
    expect((await refusal('x'.repeat(MAX_TOKEN_BYTES + 1))).code).toBe(ErrorCode.TokenMalformed);
  });

  it('requires the standard claims', async () => {
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, claims: { sub: undefined } }));
    expect(error.code).toBe(ErrorCode.TokenClaimInvalid);
    expect(error.message).toBe("The token's `sub` claim is not present.");
  });

  it('does not put the token in any error it raises', async () => {
    const token = await issuer.mint({ audience: 'wrong', forgeSignature: true });
    const error = await refusal(token);
    expect(`${error.message}\n${error.hint}`).not.toContain(token.split('.')[2]);
  });
});
