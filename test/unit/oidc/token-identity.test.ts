import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, SignJWT, type JWK } from 'jose';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { tokenIdentity } from '../../../src/oidc/token-identity.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';
import { thrown } from '../../helpers/broker-error.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const AUDIENCE = 'sts.amazonaws.com';
// The order of the P-256 group: s and n − s are both valid ECDSA signature halves for the same r.
const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const KID = randomUUID();
const keys = createLocalJWKSet({ keys: [{ ...(publicKey.export({ format: 'jwk' }) as JWK), kid: KID, alg: 'ES256', use: 'sig' }] });
const verify = (token: string) => verifyToken(token, { issuer: ISSUER, audience: AUDIENCE, keys });

function es256Token(jti: string): Promise<string> {
  return new SignJWT({ sub: 'repo:octo-org/app:ref:refs/heads/main', jti })
    .setProtectedHeader({ alg: 'ES256', kid: KID, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}

/** The same token with its signature's s rewritten to n − s: no key needed, and a different string. */
function malleated(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const bytes = Buffer.from(signature, 'base64url');
  const s = BigInt(`0x${bytes.subarray(32).toString('hex')}`);
  const flipped = Buffer.from((P256_ORDER - s).toString(16).padStart(64, '0'), 'hex');
  return `${header}.${payload}.${Buffer.concat([bytes.subarray(0, 32), flipped]).toString('base64url')}`;
}

describe('tokenIdentity', () => {
  it('gives an ES256 token and its malleated twin (s → n − s), which jose also accepts, one identity', async () => {
    const token = await es256Token(randomUUID());
    const twin = malleated(token);
    expect(twin).not.toBe(token);
    const [original, rewritten] = await Promise.all([verify(token), verify(twin)]);
    expect(rewritten.token).toBe(twin);
    expect(tokenIdentity(rewritten.claims)).toBe(tokenIdentity(original.claims));
  });

  it('tells apart tokens with different jti, and the same jti from different issuers', () => {
    expect(tokenIdentity({ iss: ISSUER, jti: 'a' })).not.toBe(tokenIdentity({ iss: ISSUER, jti: 'b' }));
    expect(tokenIdentity({ iss: ISSUER, jti: 'a' })).not.toBe(tokenIdentity({ iss: 'https://gitlab.example.com', jti: 'a' }));
    // However the two are joined, no split of the same characters between iss and jti may collide.
    expect(tokenIdentity({ iss: 'https://x/a', jti: 'b' })).not.toBe(tokenIdentity({ iss: 'https://x', jti: '/a","b' }));
    expect(tokenIdentity({ iss: 'a","b', jti: 'c' })).not.toBe(tokenIdentity({ iss: 'a', jti: 'b","c' }));
  });

  it.each([
    ['without a jti', undefined, 'has no `jti` claim'],
    ['with an empty jti', '', 'has a `jti` claim that is empty'],
    ['with a numeric jti', 42, 'has a `jti` claim that is not a string but number'],
    ['with a null jti', null, 'not a string but null'],
  ])('refuses a token %s, since its replay could not be recognised', (_name, jti, says) => {
    const error = thrown(() => tokenIdentity({ iss: ISSUER, jti } as { iss: string; jti?: string }));
    expect(error.code).toBe(ErrorCode.TokenClaimInvalid);
    expect(error.message).toContain(says);
    expect(error.hint).toContain('`jti`');
  });
});
