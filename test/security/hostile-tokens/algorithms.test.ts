import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { ed25519Key, ecKey, expectRefusal, Kit, signature, type HostileCase } from './token-kit.ts';

// Algorithm confusion: the token picks its own algorithm, so the verifier must only ever use the
// asymmetric ones its allow-list names, with the key the issuer publishes for that algorithm.
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(() => kit.close());

const spki = (k: Kit): string => k.rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const pkcs1 = (k: Kit): string => k.rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const jwkText = (k: Kit): string => JSON.stringify(k.rsa.publicJwk);
/** An HMAC token keyed with something public about the issuer's RSA key, as a confused verifier would check it. */
const hmacWith = (alg: string, secret: (k: Kit) => string | Buffer) => (k: Kit) =>
  k.sign({ header: { alg, kid: k.rsa.kid }, signer: (input) => signature(alg, secret(k), input) });
const unsigned = (alg: unknown, withSignature = false) => (k: Kit) => {
  const [header, payload] = k.parts({ header: { alg } });
  return `${header}.${payload}.${withSignature ? k.sign().split('.')[2] : ''}`;
};

const cases: HostileCase[] = [
  { name: 'alg "none" with an empty signature', token: unsigned('none'), code: ErrorCode.TokenAlgorithmRejected, says: '"none", which is not an allowed', early: true },
  { name: 'alg "None" (case variant of none)', token: unsigned('None'), code: ErrorCode.TokenAlgorithmRejected, says: '"None"', early: true },
  { name: 'alg "none" carrying a real signature of the issuer', token: unsigned('none', true), code: ErrorCode.TokenAlgorithmRejected, says: '"none"', early: true },
  { name: 'alg missing from the header', token: (k) => k.sign({ header: { alg: undefined } }), code: ErrorCode.TokenAlgorithmRejected, says: 'signed with undefined', early: true },
  { name: 'alg as an empty string', token: (k) => k.sign({ header: { alg: '' } }), code: ErrorCode.TokenAlgorithmRejected, says: 'signed with ""', early: true },
  { name: 'alg as an array holding RS256', token: (k) => k.sign({ header: { alg: ['RS256'] } }), code: ErrorCode.TokenAlgorithmRejected, says: '["RS256"]', early: true },
  { name: 'alg in lower case (rs256)', token: (k) => k.sign({ header: { alg: 'rs256' }, signer: (i) => signature('RS256', k.rsa.privateKey, i) }), code: ErrorCode.TokenAlgorithmRejected, says: '"rs256"', early: true },
  { name: 'alg with trailing whitespace ("RS256 ")', token: (k) => k.sign({ header: { alg: 'RS256 ' }, signer: (i) => signature('RS256', k.rsa.privateKey, i) }), code: ErrorCode.TokenAlgorithmRejected, says: '"RS256 "', early: true },
  {
    name: 'HS256 keyed with the issuer RSA public key as SPKI PEM',
    token: hmacWith('HS256', spki),
    code: ErrorCode.TokenAlgorithmRejected,
    says: '"HS256"',
    early: true,
    secrets: (k) => [spki(k)],
  },
  {
    name: 'HS256 keyed with the issuer RSA public key as PKCS#1 PEM',
    token: hmacWith('HS256', pkcs1),
    code: ErrorCode.TokenAlgorithmRejected,
    says: '"HS256"',
    early: true,
    secrets: (k) => [pkcs1(k)],
  },
  { name: 'HS256 keyed with the issuer public JWK as JSON text', token: hmacWith('HS256', jwkText), code: ErrorCode.TokenAlgorithmRejected, says: '"HS256"', early: true, secrets: (k) => [jwkText(k)] },
  {
    name: 'HS256 keyed with the raw RSA modulus bytes',
    token: hmacWith('HS256', (k) => Buffer.from(String(k.rsa.publicJwk.n), 'base64url')),
    code: ErrorCode.TokenAlgorithmRejected,
    says: '"HS256"',
    early: true,
  },
  { name: 'HS384 keyed with the issuer public PEM', token: hmacWith('HS384', spki), code: ErrorCode.TokenAlgorithmRejected, says: '"HS384"', early: true },
  { name: 'HS512 keyed with the issuer public PEM', token: hmacWith('HS512', spki), code: ErrorCode.TokenAlgorithmRejected, says: '"HS512"', early: true },
  {
    name: 'ES256K (secp256k1), not on the allow-list',
    token: (k) => k.sign({ key: ecKey('secp256k1', 'ES256K'), header: { alg: 'ES256K', kid: k.ec.kid } }),
    code: ErrorCode.TokenAlgorithmRejected,
    says: '"ES256K"',
    early: true,
  },
  {
    name: 'PS256 signed with the issuer own RSA key, whose JWK pins RS256',
    token: (k) => k.sign({ header: { alg: 'PS256' } }),
    code: ErrorCode.TokenKeyNotFound,
    says: (k) => `matches the token's key id "${k.rsa.kid}" and algorithm PS256`,
  },
  {
    name: 'RS256 in the header but an RS512 signature by the issuer key (hash swap)',
    token: (k) => k.sign({ signer: (i) => signature('RS512', k.rsa.privateKey, i) }),
    code: ErrorCode.TokenSignatureInvalid,
    says: 'signature does not verify',
  },
  {
    name: 'ES256 naming the issuer RSA key id (key type confusion)',
    token: (k) => k.sign({ key: ecKey('P-256', 'ES256'), header: { kid: k.rsa.kid } }),
    code: ErrorCode.TokenKeyNotFound,
    says: 'and algorithm ES256',
  },
  {
    name: 'EdDSA by an attacker Ed25519 key naming the issuer RSA key id',
    token: (k) => k.sign({ key: ed25519Key(), header: { kid: k.rsa.kid } }),
    code: ErrorCode.TokenKeyNotFound,
    says: 'and algorithm EdDSA',
  },
];

describe('hostile tokens: algorithms', () => {
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });
});
