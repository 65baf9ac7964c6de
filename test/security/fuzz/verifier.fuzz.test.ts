import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createLocalJWKSet } from 'jose';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { verifyToken } from '../../../src/oidc/verify.ts';

// Properties over the verifier's whole input space: whatever the string, it is refused with a
// BrokerError that names a reason (never an internal error, never anything else thrown), and no
// alteration of a genuine token is ever accepted. Keys are local so that runs stay fast and offline.
const ISSUER = 'https://token.actions.githubusercontent.com';
const AUDIENCE = 'sts.amazonaws.com';
const RUNS = 200;
const TIMEOUT_MS = 60_000;

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const KID = randomUUID();
const keys = createLocalJWKSet({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] });
const verify = (token: string) => verifyToken(token, { issuer: ISSUER, audience: AUDIENCE, keys });
const b64url = (text: string | Buffer) => Buffer.from(text).toString('base64url');

function genuine(): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: KID, typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ iss: ISSUER, aud: AUDIENCE, sub: 'repo:octo-org/app:ref:refs/heads/main', repository: 'octo-org/app', iat: now, nbf: now - 5, exp: now + 3600 }));
  return `${header}.${payload}.${b64url(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))}`;
}

/** The refusal of `token`; an acceptance, or a throw of anything but a BrokerError with a real reason, fails. */
async function refusal(token: string): Promise<BrokerError> {
  const outcome = await verify(token).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (outcome === undefined) throw new Error(`accepted: ${JSON.stringify(token.slice(0, 80))}`);
  if (!(outcome instanceof BrokerError)) throw new Error(`threw a non-BrokerError: ${String(outcome)}`);
  expect(outcome.code).not.toBe(ErrorCode.Internal);
  expect(outcome.hint.length).toBeGreaterThan(0);
  if (token.length >= 16) expect(`${outcome.message}\n${outcome.hint}`).not.toContain(token);
  return outcome;
}

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const base64urlText = fc.string({ unit: fc.constantFrom(...BASE64URL_ALPHABET), maxLength: 60 });
const headerShaped = fc.oneof(
  fc.json({ maxDepth: 2 }),
  fc
    .record(
      {
        alg: fc.constantFrom('RS256', 'ES256', 'PS256', 'none', 'HS256', 'EdDSA', ''),
        kid: fc.oneof(fc.constant(KID), fc.string({ maxLength: 20 }), fc.integer()),
        typ: fc.constantFrom('JWT', 'at+jwt', 'jwt'),
        crit: fc.constant(['b64']),
        b64: fc.boolean(),
        cty: fc.constantFrom('JWT', 'json'),
        jku: fc.webUrl(),
      },
      { requiredKeys: ['alg'] },
    )
    .map((header) => JSON.stringify(header)),
);
const payloadShaped = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc
    .record(
      {
        iss: fc.oneof(fc.constant(ISSUER), fc.string({ maxLength: 10 })),
        aud: fc.oneof(fc.constant(AUDIENCE), fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.integer()),
        sub: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()),
        exp: fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 10 })),
        iat: fc.oneof(fc.integer(), fc.string({ maxLength: 10 })),
        nbf: fc.integer(),
      },
      { requiredKeys: [] },
    )
    .map((payload) => JSON.stringify(payload)),
);

describe('verifyToken under fuzzing', () => {
  it('accepts the genuine token the mutations start from', async () => {
    await expect(verify(genuine())).resolves.toMatchObject({ header: { kid: KID } });
  });

  it(
    'refuses arbitrary strings with a BrokerError',
    async () => {
      const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.oneof(base64urlText, fc.constantFrom('.', '=', ' ', '\n', '+', '/')), { maxLength: 12 }).map((bits) => bits.join('')));
      await fc.assert(
        fc.asyncProperty(anyText, async (text) => {
          await refusal(text);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'refuses three-part tokens of random base64url JSON with a BrokerError',
    async () => {
      await fc.assert(
        fc.asyncProperty(headerShaped, payloadShaped, fc.uint8Array({ minLength: 0, maxLength: 300 }), async (header, payload, sig) => {
          await refusal(`${b64url(header)}.${b64url(payload)}.${b64url(Buffer.from(sig))}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'never accepts a genuine token with one character changed in any part',
    async () => {
      const token = genuine();
      const change = fc.record({
        at: fc.nat({ max: token.length - 1 }),
        to: fc.oneof(fc.constantFrom(...BASE64URL_ALPHABET), fc.constantFrom('.', '=', '+', '/', ' ', '\u00e9', '\0')),
      });
      await fc.assert(
        fc.asyncProperty(
          change.filter(({ at, to }) => token[at] !== to),
          async ({ at, to }) => {
            await refusal(`${token.slice(0, at)}${to}${token.slice(at + 1)}`);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'never accepts a genuine token with one bit flipped in the bytes of any part',
    async () => {
      const token = genuine();
      const parts = token.split('.');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: 2 }), fc.nat(), fc.nat({ max: 7 }), async (part, position, bit) => {
          const bytes = Buffer.from(parts[part]!, 'base64url');
          bytes[position % bytes.length]! ^= 1 << bit;
          const mutated = parts.map((p, i) => (i === part ? bytes.toString('base64url') : p)).join('.');
          await refusal(mutated);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
