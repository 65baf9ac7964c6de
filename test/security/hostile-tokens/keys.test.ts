import { createPublicKey, randomBytes, randomUUID, verify as cryptoVerify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, type JWK } from 'jose';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';
import { AUDIENCE, b64url, ecKey, exponentOneKey, exponentOneSignature, expectRefusal, JWKS_PATH, Kit, rsaKey, signature, type HostileCase } from './token-kit.ts';

// Attacks on the key: signatures made with the wrong key, curve or encoding, keys the issuer no longer
// or never published, and keys too weak to trust even when the issuer publishes them.
let kit: Kit;
let other: Kit;

// Published beside the kit's keys: RSA keys no issuer should publish, and strong ones as controls.
const exponentOne = exponentOneKey();
const exponentThree = rsaKey(2048, 'RS256', 3);
const hugeExponent = (() => {
  const key = rsaKey();
  const e = randomBytes(256);
  e[0]! |= 0x80;
  e[255]! |= 1;
  return { ...key, publicJwk: { ...key.publicJwk, e: b64url(e) } };
})();
const rsa3072 = rsaKey(3072);
const pss = rsaKey(2048, 'PS256');

beforeAll(async () => {
  [kit, other] = await Promise.all([Kit.start(), Kit.start()]);
  kit.issuer.published.push(...[exponentOne, exponentThree, hugeExponent, rsa3072, pss].map((key) => key.publicJwk));
});
afterAll(async () => {
  await Promise.all([kit.close(), other.close()]);
});

const p384 = ecKey('P-384', 'ES384');
const secp256k1 = ecKey('secp256k1', 'ES256K');
const ecSignedBy = (key: typeof p384, extra: Record<string, unknown> = {}) => (k: Kit) =>
  k.sign({ key: k.ec, header: extra, signer: (input) => signature('ES256', key.privateKey, input) });

const cases: HostileCase[] = [
  { name: 'ES256 under the issuer EC kid, signed on P-384', token: ecSignedBy(p384), code: ErrorCode.TokenSignatureInvalid, says: (k) => `with the key "${k.ec.kid}"` },
  { name: 'ES256 carrying its own P-384 jwk, signed with it', token: ecSignedBy(p384, { jwk: p384.publicJwk }), code: ErrorCode.TokenSignatureInvalid, says: 'signature does not verify' },
  { name: 'ES256 under the issuer EC kid, signed on secp256k1', token: ecSignedBy(secp256k1), code: ErrorCode.TokenSignatureInvalid, says: 'signature does not verify' },
  { name: 'ES384 naming the issuer P-256 key', token: (k) => k.sign({ key: p384, header: { kid: k.ec.kid } }), code: ErrorCode.TokenKeyNotFound, says: 'and algorithm ES384' },
  {
    name: 'an ES256 signature of the issuer key in DER instead of raw r||s',
    token: (k) => k.sign({ key: k.ec, signer: (input) => signature('ES256', k.ec.privateKey, input, { der: true }) }),
    code: ErrorCode.TokenSignatureInvalid,
    says: 'signature does not verify',
  },
  { name: 'an all-zero ES256 signature (r = s = 0)', token: (k) => k.sign({ key: k.ec, signer: () => Buffer.alloc(64) }), code: ErrorCode.TokenSignatureInvalid, says: 'signature does not verify' },
  { name: "an attacker's RSA key under the issuer kid", token: (k) => k.sign({ key: k.attackerRsa, header: { kid: k.rsa.kid } }), code: ErrorCode.TokenSignatureInvalid, says: (k) => `with the key "${k.rsa.kid}" that ${k.issuer.url} publishes` },
  {
    name: 'a token signed by the 1024-bit RSA key the issuer publishes',
    token: (k) => k.sign({ key: k.weak }),
    code: ErrorCode.TokenKeyUnfit,
    says: (k) => `The key "${k.weak.kid}" that ${k.issuer.url} publishes is an RSA key of 1024 bits, shorter than 2048: too weak to trust.`,
  },
  {
    name: 'a token forged without any private key under a published RSA key with exponent 1 ("AQ")',
    token: (k) => k.sign({ key: exponentOne, signer: (input) => exponentOneSignature(input) }),
    code: ErrorCode.TokenKeyUnfit,
    says: (k) => `The key "${exponentOne.kid}" that ${k.issuer.url} publishes is an RSA key with public exponent 1, not 65537 (AQAB), under which anyone can forge a signature.`,
  },
  {
    name: 'the same forgery verified offline, against a local JWKS holding the exponent-1 key',
    token: (k) => k.sign({ key: exponentOne, signer: (input) => exponentOneSignature(input) }),
    options: { keys: createLocalJWKSet({ keys: [exponentOne.publicJwk as JWK] }) },
    code: ErrorCode.TokenKeyUnfit,
    says: `The key "${exponentOne.kid}"`,
  },
  {
    name: 'a token signed by a published 2048-bit RSA key with exponent 3',
    token: (k) => k.sign({ key: exponentThree }),
    code: ErrorCode.TokenKeyUnfit,
    says: (k) => `The key "${exponentThree.kid}" that ${k.issuer.url} publishes is an RSA key with public exponent 3, not 65537 (AQAB).`,
  },
  {
    name: 'a token under a published RSA key whose exponent is 2048 bits long, named without its digits',
    token: (k) => k.sign({ key: hugeExponent }),
    code: ErrorCode.TokenKeyUnfit,
    says: 'with a 2048-bit public exponent, not 65537 (AQAB)',
    secrets: () => [String(hugeExponent.publicJwk.e)],
  },
  {
    name: 'a token for this issuer signed with the key of another issuer',
    token: (k) => other.sign({ claims: { iss: k.issuer.url } }),
    code: ErrorCode.TokenKeyNotFound,
    says: () => `key id "${other.rsa.kid}"`,
  },
  { name: 'a genuine token of another issuer replayed here', token: () => other.sign({ claims: { aud: AUDIENCE } }), code: ErrorCode.TokenKeyNotFound, says: 'No key of' },
];

describe('hostile tokens: keys', () => {
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });

  it('refuses the weak keys for what they are: the forged and exponent-3 signatures are mathematically valid', () => {
    const [header, payload] = kit.parts({ key: exponentOne });
    const input = Buffer.from(`${header}.${payload}`);
    expect(cryptoVerify('sha256', input, createPublicKey({ key: exponentOne.publicJwk, format: 'jwk' }), exponentOneSignature(input))).toBe(true);
    const three = kit.sign({ key: exponentThree }).split('.');
    expect(cryptoVerify('sha256', Buffer.from(`${three[0]}.${three[1]}`), createPublicKey({ key: exponentThree.publicJwk, format: 'jwk' }), Buffer.from(three[2]!, 'base64url'))).toBe(true);
  });

  it.each([
    ['a 2048-bit RS256 key with exponent 65537', () => kit.rsa],
    ['a 2048-bit PS256 key with exponent 65537', () => pss],
    ['a 3072-bit RS256 key with exponent 65537', () => rsa3072],
  ])('still accepts a token signed by %s', async (_name, key) => {
    const token = kit.sign({ key: key() });
    await expect(verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE })).resolves.toMatchObject({ header: { kid: key().kid } });
    await expect(verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE, keys: createLocalJWKSet({ keys: [key().publicJwk as JWK] }) })).resolves.toBeDefined();
  });

  it('refuses a token signed by a key that rotated out of the JWKS', async () => {
    const rotating = await Kit.start();
    try {
      const retired = rotating.sign();
      rotating.issuer.published = [rsaKey().publicJwk];
      const error = await expectRefusal(rotating, { name: 'rotated out', token: () => retired, code: ErrorCode.TokenKeyNotFound, says: (k) => `key id "${k.rsa.kid}"` });
      expect(error.hint).toContain('rotated out');
      expect(rotating.issuer.count(JWKS_PATH)).toBeLessThanOrEqual(2);
    } finally {
      await rotating.close();
    }
  });

  it('refuses a flood of tokens with invented kids without hammering the issuer', async () => {
    const flooded = await Kit.start();
    try {
      await verifyToken(flooded.sign(), { issuer: flooded.issuer.url, audience: AUDIENCE });
      const started = Date.now();
      await Promise.all(
        Array.from({ length: 25 }, () => expectRefusal(flooded, { name: 'flood', token: (k) => k.sign({ header: { kid: randomUUID() } }), code: ErrorCode.TokenKeyNotFound, says: 'No key of' })),
      );
      // One fetch for the honest token; then at most one refetch per 1 s cooldown, however many
      // invented kids arrive (each waits the cooldown out once, in case the key was just published).
      const seconds = Math.ceil((Date.now() - started) / 1000);
      expect(flooded.issuer.count(JWKS_PATH)).toBeLessThanOrEqual(2 + seconds);
      expect(flooded.issuer.count(JWKS_PATH)).toBeLessThan(25);
    } finally {
      await flooded.close();
    }
  }, 30_000);
});
