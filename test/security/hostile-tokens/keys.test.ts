import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';
import { AUDIENCE, ecKey, expectRefusal, JWKS_PATH, Kit, rsaKey, signature, type HostileCase } from './token-kit.ts';

// Attacks on the key: signatures made with the wrong key, curve or encoding, keys the issuer no longer
// or never published, and a key too short to trust even when the issuer publishes it.
let kit: Kit;
let other: Kit;
beforeAll(async () => {
  [kit, other] = await Promise.all([Kit.start(), Kit.start()]);
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
    code: ErrorCode.TokenKeyNotFound,
    says: 'is an RSA key shorter than 2048 bits, too weak to trust',
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
