import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { MAX_TOKEN_BYTES, verifyToken } from '../../../src/oidc/verify.ts';
import { AUDIENCE, b64url, expectRefusal, Kit, type HostileCase } from './token-kit.ts';

// Tokens that are not well-formed compact JWS, or whose JSON could be read two ways. All of them are
// refused from the token alone, before the issuer's keys are looked at.
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(() => kit.close());

const parts = (k: Kit): string[] => k.sign().split('.');
/** The issuer's valid token with one part replaced. */
const replacePart = (index: number, part: string | ((original: string) => string)) => (k: Kit) => {
  const all = parts(k);
  all[index] = typeof part === 'string' ? part : part(all[index]!);
  return all.join('.');
};
/** A token whose payload is the given JSON text, signed by the issuer as if it had produced it. */
const rawPayload = (json: (k: Kit) => string) => (k: Kit) => k.sign({ claims: json(k) });
const claimsText = (k: Kit) => JSON.stringify(k.claims()).slice(1, -1);

/** An honest token padded with a large claim to `bytes` or at most three bytes more (base64url grows in steps). */
function tokenOfAbout(k: Kit, bytes: number): string {
  let padding = bytes;
  let token = '';
  for (let attempt = 0; attempt < 12; attempt++) {
    token = k.sign({ claims: { padding: 'p'.repeat(padding) } });
    const over = token.length - bytes;
    if (over >= 0 && over < 4) break;
    padding -= over > 0 ? Math.ceil((over * 3) / 4) : Math.floor((over * 3) / 4);
  }
  return token;
}

const early = true;
const cases: HostileCase[] = [
  { name: `a token just over the ${MAX_TOKEN_BYTES}-byte bound`, token: (k) => tokenOfAbout(k, MAX_TOKEN_BYTES + 1), code: ErrorCode.TokenMalformed, says: `bytes, more than the ${MAX_TOKEN_BYTES} bytes allowed`, early },
  {
    name: 'a token under the bound in characters but over it in UTF-8 bytes',
    token: () => 'é'.repeat(MAX_TOKEN_BYTES / 2 + 1),
    code: ErrorCode.TokenMalformed,
    says: `The token is ${MAX_TOKEN_BYTES + 2} bytes`,
    early,
  },
  { name: 'a megabyte of dots', token: () => '.'.repeat(1024 * 1024), code: ErrorCode.TokenMalformed, says: 'more than the 16384 bytes allowed', early },
  { name: 'plain base64 (+ and /) in the payload', token: replacePart(1, (p) => `${p.slice(0, -2)}+/`), code: ErrorCode.TokenMalformed, says: "payload (part 2 of 3) is not base64url", early },
  { name: 'base64 padding on the signature', token: replacePart(2, (p) => `${p}==`), code: ErrorCode.TokenMalformed, says: 'signature (part 3 of 3) is not base64url', early },
  { name: 'a line-wrapped token (newline inside the payload)', token: replacePart(1, (p) => `${p.slice(0, 40)}\n${p.slice(40)}`), code: ErrorCode.TokenMalformed, says: 'payload (part 2 of 3) is not base64url', early },
  { name: 'a token pasted with its "Bearer " prefix', token: (k) => `Bearer ${k.sign()}`, code: ErrorCode.TokenMalformed, says: 'header (part 1 of 3) is not base64url', early },
  { name: 'a base64url part of impossible length', token: replacePart(2, (p) => `${p.slice(0, p.length - (p.length % 4))}A`), code: ErrorCode.TokenMalformed, says: 'impossible length', early },
  { name: 'a header that is not JSON', token: replacePart(0, b64url('{alg:RS256}')), code: ErrorCode.TokenMalformed, says: "The token's header is not base64url-encoded JSON.", early },
  { name: 'a payload that is not JSON', token: rawPayload(() => '{"sub":"repo:octo-org/app"'), code: ErrorCode.TokenMalformed, says: "The token's payload is not base64url-encoded JSON.", early },
  { name: 'a payload that is a JSON array', token: rawPayload((k) => JSON.stringify([k.claims()])), code: ErrorCode.TokenMalformed, says: "payload is JSON but not a JSON object", early },
  { name: 'a payload that is itself a JWT (nesting without cty)', token: (k) => k.sign({ claims: k.sign() }), code: ErrorCode.TokenMalformed, says: "payload is not base64url-encoded JSON", early },
  { name: 'a payload that is not UTF-8', token: replacePart(1, b64url(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))), code: ErrorCode.TokenMalformed, says: 'not valid UTF-8', early },
  { name: 'one part', token: (k) => parts(k)[1]!, code: ErrorCode.TokenMalformed, says: 'The token has 1 dot-separated parts; a signed JWT has 3.', early },
  { name: 'two parts (signature dropped with its dot)', token: (k) => parts(k).slice(0, 2).join('.'), code: ErrorCode.TokenMalformed, says: 'has 2 dot-separated parts', early },
  { name: 'four parts', token: (k) => `${k.sign()}.${parts(k)[2]}`, code: ErrorCode.TokenMalformed, says: 'has 4 dot-separated parts', early },
  { name: 'five parts (a JWE, not a JWS)', token: () => [b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}'), 'a', 'b', 'c', 'd'].join('.'), code: ErrorCode.TokenMalformed, says: 'has 5 dot-separated parts', early },
  { name: 'an empty header', token: replacePart(0, ''), code: ErrorCode.TokenMalformed, says: "header (part 1 of 3) is empty", early },
  { name: 'an empty payload', token: replacePart(1, ''), code: ErrorCode.TokenMalformed, says: "payload (part 2 of 3) is empty", early },
  { name: 'a stripped signature', token: replacePart(2, ''), code: ErrorCode.TokenMalformed, says: "signature (part 3 of 3) is empty", early },
  { name: 'nothing but two dots', token: () => '..', code: ErrorCode.TokenMalformed, says: 'header (part 1 of 3) is empty', early },
  {
    name: 'sub given twice (a first-wins reader sees another repository)',
    token: rawPayload((k) => `{"sub":"repo:octo-org/evil:ref:refs/heads/main",${claimsText(k)}}`),
    code: ErrorCode.TokenMalformed,
    says: 'gives the claim "sub" more than once',
    early,
  },
  { name: 'aud given twice', token: rawPayload((k) => `{${claimsText(k)},"aud":"https://github.com/octo-org"}`), code: ErrorCode.TokenMalformed, says: 'claim "aud" more than once', early },
  {
    name: 'a claim given twice, once with a unicode escape in its name',
    token: rawPayload((k) => `{"repository":"octo-org/evil",${claimsText(k).replace('"repository":', '"rep\\u006fsitory":')}}`),
    code: ErrorCode.TokenMalformed,
    says: 'claim "repository" more than once',
    early,
  },
  {
    name: 'a name given twice inside a nested claim object',
    token: rawPayload((k) => `{${claimsText(k)},"context":{"env":"dev","env":"production"}}`),
    code: ErrorCode.TokenMalformed,
    says: 'claim "env" more than once',
    early,
  },
  {
    name: 'a signature re-encoded with non-zero unused bits (same bytes, another string)',
    token: replacePart(2, (p) => {
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      // A 256-byte signature leaves 2 unused bits in its last character; setting one keeps the bytes.
      return `${p.slice(0, -1)}${alphabet[alphabet.indexOf(p.at(-1)!) ^ 1]}`;
    }),
    code: ErrorCode.TokenMalformed,
    says: 'signature (part 3 of 3) is not canonical base64url',
    early,
  },
  { name: 'a truncated signature', token: replacePart(2, (p) => p.slice(0, 100)), code: ErrorCode.TokenSignatureInvalid, says: 'signature does not verify' },
  {
    name: 'a payload altered after signing (repository changed)',
    token: (k) => {
      const [header, , sig] = parts(k);
      return `${header}.${b64url(JSON.stringify(k.claims({ repository: 'octo-org/evil' })))}.${sig}`;
    },
    code: ErrorCode.TokenSignatureInvalid,
    says: 'signature does not verify',
  },
];

describe('hostile tokens: malformed and ambiguous', () => {
  it('puts the bound where it says: a signed token of just under 16 KiB is accepted', async () => {
    const token = tokenOfAbout(kit, MAX_TOKEN_BYTES - 3);
    expect(token.length).toBeLessThanOrEqual(MAX_TOKEN_BYTES);
    expect(tokenOfAbout(kit, MAX_TOKEN_BYTES + 1).length).toBeGreaterThan(MAX_TOKEN_BYTES);
    await expect(verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE })).resolves.toBeDefined();
  });

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });
});
