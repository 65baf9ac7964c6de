import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';
import { AUDIENCE, expectRefusal, JWKS_PATH, Kit } from './token-kit.ts';

// The hostile cases only mean something if the kit's honest tokens pass and its checks can fail: these
// pin both, so a broken helper cannot make every refusal look right.
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(() => kit.close());

const verify = (token: string) => verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE });

describe('controls for the hostile-token kit', () => {
  it('accepts an honest RS256 token, and one built from raw JSON text', async () => {
    await expect(verify(kit.sign())).resolves.toMatchObject({ claims: { sub: 'repo:octo-org/app:environment:production' }, header: { alg: 'RS256' } });
    const raw = kit.sign({ header: JSON.stringify({ alg: 'RS256', kid: kit.rsa.kid }), claims: JSON.stringify(kit.claims()) });
    await expect(verify(raw)).resolves.toMatchObject({ header: { kid: kit.rsa.kid } });
  });

  it('accepts an honest ES256 token from the published EC key', async () => {
    await expect(verify(kit.sign({ key: kit.ec }))).resolves.toMatchObject({ header: { alg: 'ES256', kid: kit.ec.kid } });
  });

  it('accepts header parameters it ignores, such as x5t, and an audience list holding the audience', async () => {
    const token = kit.sign({ header: { x5t: 'aGVsbG8' }, claims: { aud: ['https://github.com/octo-org', AUDIENCE] } });
    await expect(verify(token)).resolves.toBeDefined();
  });

  it('fails a case whose expected code is wrong, so the table cannot pass vacuously', async () => {
    const outcome = await expectRefusal(kit, { name: 'control', token: (k) => k.sign({ claims: { aud: 'other' } }), code: ErrorCode.TokenExpired, says: 'x' }).then(
      () => 'passed',
      () => 'failed',
    );
    expect(outcome).toBe('failed');
  });

  it('fails a case whose message echoes the token', async () => {
    const outcome = await expectRefusal(kit, { name: 'control', token: () => 'x'.repeat(20), code: ErrorCode.TokenMalformed, says: '1 dot-separated', secrets: () => ['dot-separated parts'] }).then(
      () => 'passed',
      () => 'failed',
    );
    expect(outcome).toBe('failed');
  });

  it('counts JWKS fetches at the issuer, as the rotation and flood cases rely on', async () => {
    const before = kit.issuer.count(JWKS_PATH) + kit.issuer.requests.length;
    const fresh = await Kit.start();
    try {
      await verifyToken(fresh.sign(), { issuer: fresh.issuer.url, audience: AUDIENCE });
      expect(fresh.issuer.count(JWKS_PATH)).toBe(1);
      expect(fresh.issuer.requests.length).toBe(2);
    } finally {
      await fresh.close();
    }
    expect(kit.issuer.count(JWKS_PATH) + kit.issuer.requests.length).toBe(before);
  });
});
