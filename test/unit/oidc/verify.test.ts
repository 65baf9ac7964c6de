import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { decodeProtectedHeader, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { duplicateName, MAX_TOKEN_BYTES, verifyToken } from '../../../src/oidc/verify.ts';
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
    expect((await refusal('a.b.c')).message).toBe("The token's header (part 1 of 3) is not base64url: it has characters other than A-Z, a-z, 0-9, - and _, or an impossible length.");
    expect((await refusal('bm90IGpzb24.abcd.abcd')).message).toBe("The token's header is not base64url-encoded JSON.");
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

  it('refuses header features it does not implement, naming the parameter', async () => {
    const crit = await refusal(await issuer.mint({ audience: AUDIENCE, header: { b64: true, crit: ['b64'] } }));
    expect(crit.message).toBe('The token marks header parameters as critical (`crit`: ["b64"]); this verifier implements no JWS extensions, so it must refuse them.');
    expect((await refusal(await issuer.mint({ audience: AUDIENCE, header: { b64: false } }))).message).toContain('sets `b64` to false');
    expect((await refusal(await issuer.mint({ audience: AUDIENCE, header: { cty: 'JWT' } }))).message).toContain('nested JWT');
    const typ = await refusal(await issuer.mint({ audience: AUDIENCE, header: { typ: 'at+jwt' } }));
    expect(typ.code).toBe(ErrorCode.TokenMalformed);
    expect(typ.message).toBe('The token\'s type (`typ` header) is "at+jwt", not "JWT": it is not an ID token.');
    expect(typ.hint).toContain('crafted or corrupted');
  });

  it('accepts the typ values ID tokens carry', async () => {
    for (const typ of ['JWT', 'jwt', 'application/jwt']) {
      await expect(verifyToken(await issuer.mint({ audience: AUDIENCE, header: { typ } }), { issuer: issuer.url, audience: AUDIENCE })).resolves.toBeDefined();
    }
  });

  it('refuses a kid that is not a string before looking at any key', async () => {
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, header: { kid: 42 } }));
    expect(error.code).toBe(ErrorCode.TokenMalformed);
    expect(error.message).toBe("The token's key id (`kid` header) is 42, not a string.");
  });

  it('refuses a signature whose unused base64url bits are set', async () => {
    const token = await issuer.mint({ audience: AUDIENCE });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const error = await refusal(`${token.slice(0, -1)}${alphabet[alphabet.indexOf(token.at(-1)!) ^ 1]}`);
    expect(error.message).toBe("The token's signature (part 3 of 3) is not canonical base64url: its last character carries bits that an encoder leaves at zero.");
  });

  it('refuses a non-finite exp and an empty sub', async () => {
    expect((await refusal(await issuer.mint({ audience: AUDIENCE, claims: { sub: '' } }))).message).toBe("The token's `sub` claim is not a non-empty string.");
    expect((await refusal(await issuer.mint({ audience: AUDIENCE, claims: { exp: 'soon' } }))).message).toBe("The token's `exp` claim is not a number of seconds since the epoch.");
  });

  it('escapes control and non-ASCII characters of untrusted values in messages', async () => {
    const error = await refusal(await issuer.mint({ audience: AUDIENCE, header: { kid: 'a\u001b[31m\u202eb' } }));
    expect(error.message).toContain('key id "a\\u001b[31m\\u202eb"');
  });
});

describe('duplicateName', () => {
  it('finds a name repeated in one object, after unescaping', () => {
    expect(duplicateName('{"sub":"a","sub":"b"}')).toBe('sub');
    expect(duplicateName('{"s\\u0075b":"a","sub":"b"}')).toBe('sub');
    expect(duplicateName('{"a":{"x":1,"x":2}}')).toBe('x');
    expect(duplicateName('[{"x":1},{"x":2}]')).toBeUndefined();
  });

  it('does not mistake values, nested objects or escaped quotes for repeated names', () => {
    expect(duplicateName('{"a":"a","b":"a"}')).toBeUndefined();
    expect(duplicateName('{"a":{"a":1},"b":{"a":2}}')).toBeUndefined();
    expect(duplicateName('{"a":"x\\",\\"a\\":1","b":["a","a"]}')).toBeUndefined();
    expect(duplicateName('{"a":[1,{"b":1}],"b":2}')).toBeUndefined();
  });
});
