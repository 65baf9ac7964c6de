import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { expectRefusal, Kit, type HostileCase } from './token-kit.ts';

// Every token here carries a valid signature by the issuer's own key: only `iss` or `aud` is off, as
// when a token minted for one trust relationship is replayed into another. Matching is exact.
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(() => kit.close());

const withIss = (iss: (k: Kit) => unknown) => (k: Kit) => k.sign({ claims: { iss: iss(k) } });
const withAud = (aud: unknown) => (k: Kit) => k.sign({ claims: { aud } });
const issuerMismatch = (k: Kit) => `but "${k.issuer.url}" was expected`;

const issuerCases: HostileCase[] = [
  { name: 'the issuer of another CI system', token: withIss(() => 'https://gitlab.com'), code: ErrorCode.TokenIssuerMismatch, says: `The token's issuer is "https://gitlab.com"` },
  { name: 'the issuer with a trailing slash', token: withIss((k) => `${k.issuer.url}/`), code: ErrorCode.TokenIssuerMismatch, says: (k) => `issuer is "${k.issuer.url}/"` },
  { name: 'the issuer with its scheme in upper case', token: withIss((k) => k.issuer.url.replace('http:', 'HTTP:')), code: ErrorCode.TokenIssuerMismatch, says: issuerMismatch },
  { name: 'the issuer under https instead of http', token: withIss((k) => k.issuer.url.replace('http:', 'https:')), code: ErrorCode.TokenIssuerMismatch, says: issuerMismatch },
  {
    name: 'an enterprise-slug issuer under the configured one',
    token: withIss((k) => `${k.issuer.url}/octo-enterprise`),
    code: ErrorCode.TokenIssuerMismatch,
    says: (k) => `issuer is "${k.issuer.url}/octo-enterprise"`,
  },
  { name: 'the issuer with a leading space', token: withIss((k) => ` ${k.issuer.url}`), code: ErrorCode.TokenIssuerMismatch, says: issuerMismatch },
  { name: 'the issuer with a trailing newline', token: withIss((k) => `${k.issuer.url}\n`), code: ErrorCode.TokenIssuerMismatch, says: (k) => `issuer is "${k.issuer.url}\\n"` },
  { name: 'the issuer with userinfo in front of the host', token: withIss((k) => k.issuer.url.replace('//', '//token.actions.githubusercontent.com@')), code: ErrorCode.TokenIssuerMismatch, says: issuerMismatch },
  { name: 'the issuer as a one-element array', token: withIss((k) => [k.issuer.url]), code: ErrorCode.TokenIssuerMismatch, says: (k) => `issuer is ["${k.issuer.url}"]` },
  { name: 'no issuer at all', token: withIss(() => undefined), code: ErrorCode.TokenClaimInvalid, says: 'The token\'s `iss` claim is not present.' },
];

const audienceMismatch = 'but "sts.amazonaws.com" was expected';
const audienceCases: HostileCase[] = [
  { name: 'no audience', token: withAud(undefined), code: ErrorCode.TokenClaimInvalid, says: 'The token\'s `aud` claim is not present.' },
  { name: 'an audience list without the expected value', token: withAud(['https://github.com/octo-org', 'sts.amazonaws.com.cn']), code: ErrorCode.TokenAudienceMismatch, says: 'audience is ["https://github.com/octo-org","sts.amazonaws.com.cn"]' },
  { name: "another relying party's audience", token: withAud('https://github.com/octo-org'), code: ErrorCode.TokenAudienceMismatch, says: audienceMismatch },
  { name: 'an empty audience', token: withAud(''), code: ErrorCode.TokenAudienceMismatch, says: 'audience is ""' },
  { name: 'an audience that is a number', token: withAud(12345), code: ErrorCode.TokenAudienceMismatch, says: 'audience is 12345' },
  { name: 'the audience in another case', token: withAud('STS.amazonaws.com'), code: ErrorCode.TokenAudienceMismatch, says: audienceMismatch },
  { name: 'the audience with a suffix (prefix matching)', token: withAud('sts.amazonaws.com.attacker.example'), code: ErrorCode.TokenAudienceMismatch, says: audienceMismatch },
  { name: 'the audience nested in an inner array', token: withAud([['sts.amazonaws.com']]), code: ErrorCode.TokenAudienceMismatch, says: audienceMismatch },
  { name: 'the audience as an object key', token: withAud({ 'sts.amazonaws.com': true }), code: ErrorCode.TokenAudienceMismatch, says: audienceMismatch },
];

describe('hostile tokens: issuer', () => {
  it.each(issuerCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });
});

describe('hostile tokens: audience', () => {
  it.each(audienceCases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });
});
