import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { b64url, expectRefusal, Kit, type HostileCase } from './token-kit.ts';

// The header is attacker-controlled text that arrives before any signature is checked: key ids are
// only ever looked up in the issuer's JWKS, key pointers are never followed, and header features the
// verifier does not implement are refused rather than skipped.
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(async () => {
  // Every case passed through expectRefusal, which checks this per case; this holds it for the file.
  expect(kit.attacker.requests).toEqual([]);
  await kit.close();
});

const LONG_KID = 'k'.repeat(9000);
const forged = (header: Record<string, unknown>) => (k: Kit) => k.sign({ key: k.attackerRsa, header });

const cases: HostileCase[] = [
  { name: 'an unknown kid', token: (k) => k.sign({ header: { kid: 'a4b1c2d3-0000-4000-8000-000000000000' } }), code: ErrorCode.TokenKeyNotFound, says: 'key id "a4b1c2d3-0000-4000-8000-000000000000"' },
  { name: 'a kid with path traversal', token: (k) => k.sign({ header: { kid: '../../../../etc/passwd' } }), code: ErrorCode.TokenKeyNotFound, says: 'key id "../../../../etc/passwd"' },
  { name: 'a kid with SQL injection', token: (k) => k.sign({ header: { kid: "x' OR '1'='1" } }), code: ErrorCode.TokenKeyNotFound, says: `key id "x' OR '1'='1"` },
  { name: 'a kid that is a URL to the attacker', token: (k) => k.sign({ header: { kid: `${k.attacker.url}/jwks` } }), code: ErrorCode.TokenKeyNotFound, says: 'No key of' },
  { name: 'a 9000-character kid (quoted only in part)', token: (k) => k.sign({ header: { kid: LONG_KID } }), code: ErrorCode.TokenKeyNotFound, says: /key id "k{100,}\.\.\. and algorithm RS256/, secrets: () => [LONG_KID.slice(0, 200)] },
  {
    name: 'a kid carrying a newline, a workflow command and terminal escapes',
    token: (k) => k.sign({ header: { kid: 'x\n::add-mask::\u001b[2J\u202e' } }),
    code: ErrorCode.TokenKeyNotFound,
    says: 'key id "x\\n::add-mask::\\u001b[2J\\u202e"',
  },
  { name: 'a kid that is an object (NoSQL operator)', token: (k) => k.sign({ header: { kid: { $ne: null } } }), code: ErrorCode.TokenMalformed, says: 'key id (`kid` header) is {"$ne":null}, not a string', early: true },
  { name: 'an empty kid', token: (k) => k.sign({ header: { kid: '' } }), code: ErrorCode.TokenKeyNotFound, says: 'key id ""' },
  {
    name: 'jku pointing at the attacker JWKS, signed by the attacker key',
    token: (k) => forged({ jku: `${k.attacker.url}/jwks`, kid: k.attackerRsa.kid })(k),
    code: ErrorCode.TokenKeyNotFound,
    says: (k) => `key id "${k.attackerRsa.kid}"`,
  },
  {
    name: 'jku pointing at the attacker, with the issuer kid',
    token: (k) => forged({ jku: `${k.attacker.url}/jwks`, kid: k.rsa.kid })(k),
    code: ErrorCode.TokenSignatureInvalid,
    says: 'does not verify with the key',
  },
  {
    name: 'x5u pointing at the attacker',
    token: (k) => forged({ x5u: `${k.attacker.url}/cert.pem`, kid: k.rsa.kid })(k),
    code: ErrorCode.TokenSignatureInvalid,
    says: 'does not verify with the key',
  },
  {
    name: 'an embedded jwk of the attacker under the issuer kid',
    token: (k) => forged({ jwk: k.attackerRsa.publicJwk, kid: k.rsa.kid })(k),
    code: ErrorCode.TokenSignatureInvalid,
    says: 'does not verify with the key',
  },
  {
    name: 'an embedded jwk of the attacker under its own kid',
    token: (k) => forged({ jwk: k.attackerRsa.publicJwk, kid: k.attackerRsa.kid })(k),
    code: ErrorCode.TokenKeyNotFound,
    says: 'No key of',
  },
  {
    name: 'an x5c chain the attacker supplies',
    token: (k) => forged({ x5c: [b64url('not a certificate the issuer ever published')], kid: k.rsa.kid })(k),
    code: ErrorCode.TokenSignatureInvalid,
    says: 'does not verify with the key',
  },
  { name: 'an unknown crit extension', token: (k) => k.sign({ header: { crit: ['urn:example:policy'], 'urn:example:policy': 1 } }), code: ErrorCode.TokenMalformed, says: 'critical (`crit`: ["urn:example:policy"])', early: true },
  { name: 'crit naming a registered claim', token: (k) => k.sign({ header: { crit: ['exp'], exp: 1 } }), code: ErrorCode.TokenMalformed, says: 'critical', early: true },
  { name: 'b64 false under crit (unencoded payload)', token: (k) => k.sign({ header: { b64: false, crit: ['b64'] } }), code: ErrorCode.TokenMalformed, says: 'critical (`crit`: ["b64"])', early: true },
  { name: 'b64 false without crit', token: (k) => k.sign({ header: { b64: false } }), code: ErrorCode.TokenMalformed, says: 'sets `b64` to false', early: true },
  {
    name: 'alg given twice, HS256 then RS256 (readers disagree which wins)',
    token: (k) => k.sign({ header: `{"alg":"HS256","kid":"${k.rsa.kid}","alg":"RS256"}` }),
    code: ErrorCode.TokenMalformed,
    says: 'gives the header parameter "alg" more than once',
    early: true,
  },
  {
    name: 'kid given twice, an unknown one then the issuer one',
    token: (k) => k.sign({ header: `{"alg":"RS256","kid":"elsewhere","kid":"${k.rsa.kid}"}` }),
    code: ErrorCode.TokenMalformed,
    says: 'header parameter "kid" more than once',
    early: true,
  },
  { name: 'typ of an access token (at+jwt)', token: (k) => k.sign({ header: { typ: 'at+jwt' } }), code: ErrorCode.TokenMalformed, says: '(`typ` header) is "at+jwt", not "JWT"', early: true },
  { name: 'typ of a logout token', token: (k) => k.sign({ header: { typ: 'logout+jwt' } }), code: ErrorCode.TokenMalformed, says: '"logout+jwt"', early: true },
  { name: 'a header that is a JSON array', token: (k) => `${b64url('["RS256"]')}.${k.sign().split('.').slice(1).join('.')}`, code: ErrorCode.TokenMalformed, says: "header is JSON but not a JSON object", early: true },
];

describe('hostile tokens: headers', () => {
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });

  it('says that a key pointer in the token was ignored, and fetches nothing from it', async () => {
    const error = await expectRefusal(kit, { name: 'jku hint', token: forged({ jku: `${kit.attacker.url}/jwks`, kid: kit.rsa.kid }), code: ErrorCode.TokenSignatureInvalid, says: 'does not verify' });
    expect(error.hint).toContain(`The token's own \`jku\` header was ignored: keys come only from ${kit.issuer.url}'s JWKS.`);
    expect(kit.attacker.requests).toEqual([]);
  });
});
