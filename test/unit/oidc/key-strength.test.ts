import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { importJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import { fitKeysOnly, UnfitKeyError } from '../../../src/oidc/key-strength.ts';

// The resolver check sees keys in every form a jose resolver may return them: CryptoKey (jose's own
// JWKS sets), Node KeyObject and plain JWK (custom resolvers), bytes (shared secrets).
const header = { alg: 'RS256', kid: 'k' };
const token = { payload: '', signature: '' };
const resolving = async (key: Awaited<ReturnType<JWTVerifyGetKey>>) => fitKeysOnly(() => key)(header, token);

const rsa = (modulusLength: number, publicExponent = 65537, type: 'rsa' | 'rsa-pss' = 'rsa') => generateKeyPairSync(type as 'rsa', { modulusLength, publicExponent }).publicKey;
const jwkOf = (key: KeyObject, overrides: Partial<JWK> = {}): JWK => ({ ...(key.export({ format: 'jwk' }) as JWK), ...overrides });

describe('fitKeysOnly', () => {
  const strong = rsa(2048);

  it('hands back a strong RSA key unchanged, in each form', async () => {
    await expect(resolving(strong)).resolves.toBe(strong);
    const jwk = jwkOf(strong);
    await expect(resolving(jwk)).resolves.toBe(jwk);
    const cryptoKey = await importJWK(jwk, 'RS256');
    await expect(resolving(cryptoKey)).resolves.toBe(cryptoKey);
  });

  it('leaves keys that are not RSA to jose', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    await expect(resolving(ec)).resolves.toBe(ec);
    await expect(resolving(jwkOf(ec))).resolves.toMatchObject({ kty: 'EC' });
    const secret = new Uint8Array(32);
    await expect(resolving(secret)).resolves.toBe(secret);
  });

  it.each([
    ['a 1024-bit RSA KeyObject', () => rsa(1024), 'is an RSA key of 1024 bits, shorter than 2048'],
    ['a 1024-bit RSA-PSS KeyObject', () => rsa(1024, 65537, 'rsa-pss'), 'of 1024 bits'],
    ['a 2048-bit RSA KeyObject with exponent 3', () => rsa(2048, 3), 'with public exponent 3, not 65537 (AQAB)'],
    ['a JWK with exponent 1', () => jwkOf(rsa(2048), { e: 'AQ' }), 'with public exponent 1, not 65537 (AQAB), under which anyone can forge a signature'],
    ['a CryptoKey with exponent 1', () => importJWK(jwkOf(rsa(2048), { e: 'AQ' }), 'RS256'), 'with public exponent 1'],
    ['an RSA JWK with a 2047-bit modulus', () => jwkOf(rsa(2047)), 'of 2047 bits'],
  ])('refuses %s', async (_name, key, says) => {
    const error = await resolving(await key()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnfitKeyError);
    expect((error as UnfitKeyError).message).toContain(says);
    expect((error as UnfitKeyError).hint).toMatch(/issuer/);
  });

  it('passes on what the wrapped resolver throws', async () => {
    const failure = new Error('no such key');
    await expect(fitKeysOnly(() => Promise.reject(failure))(header, token)).rejects.toBe(failure);
  });
});
