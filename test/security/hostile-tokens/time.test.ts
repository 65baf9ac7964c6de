import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { expectRefusal, Kit, type HostileCase } from './token-kit.ts';

// Signed by the issuer, but outside their validity window or with times that are not times. The
// leeway is at most 60 s whatever the caller asks for.
let kit: Kit;
beforeAll(async () => {
  kit = await Kit.start();
});
afterAll(() => kit.close());

const now = () => Math.floor(Date.now() / 1000);
const at = (claims: () => Record<string, unknown>) => (k: Kit) => k.sign({ claims: claims() });
/** A payload whose JSON text carries `exp` as written, for numbers JSON.stringify cannot produce. */
const rawExp = (exp: string) => (k: Kit) => k.sign({ claims: JSON.stringify(k.claims({ exp: 0 })).replace('"exp":0', `"exp":${exp}`) });

const cases: HostileCase[] = [
  { name: 'a token expired two minutes ago', token: at(() => ({ iat: now() - 420, nbf: now() - 425, exp: now() - 120 })), code: ErrorCode.TokenExpired, says: /^The token expired at \d{4}-.*\(leeway 60 s\)\.$/ },
  { name: 'a token expired exactly one leeway ago', token: at(() => ({ iat: now() - 360, exp: now() - 60 })), code: ErrorCode.TokenExpired, says: '(leeway 60 s)' },
  { name: 'an expiry at the epoch', token: at(() => ({ exp: 0 })), code: ErrorCode.TokenExpired, says: 'expired at 1970-01-01T00:00:00.000Z' },
  {
    name: 'a token expired ten minutes ago with a caller asking for an hour of leeway',
    token: at(() => ({ iat: now() - 900, exp: now() - 600 })),
    code: ErrorCode.TokenExpired,
    says: '(leeway 60 s)',
    options: { clockToleranceSeconds: 3600 },
  },
  { name: 'nbf ten minutes in the future', token: at(() => ({ nbf: now() + 600, exp: now() + 900 })), code: ErrorCode.TokenNotYetValid, says: 'The token is not valid before' },
  { name: 'iat in the year 2100', token: at(() => ({ iat: 4102444800, exp: 4102445100 })), code: ErrorCode.TokenIssuedInFuture, says: 'issued at 2100-01-01T00:00:00.000Z, in the future' },
  { name: 'exp as a numeric string', token: at(() => ({ exp: String(now() + 300) })), code: ErrorCode.TokenClaimInvalid, says: '`exp` claim is not a number of seconds since the epoch' },
  { name: 'exp as a boolean', token: at(() => ({ exp: true })), code: ErrorCode.TokenClaimInvalid, says: '`exp` claim is not a number' },
  { name: 'exp as 1e999, which JSON reads as Infinity', token: rawExp('1e999'), code: ErrorCode.TokenClaimInvalid, says: '`exp` claim is not a finite number' },
  { name: 'no exp (a token that never expires)', token: at(() => ({ exp: undefined })), code: ErrorCode.TokenClaimInvalid, says: '`exp` claim is not present' },
  { name: 'no iat', token: at(() => ({ iat: undefined })), code: ErrorCode.TokenClaimInvalid, says: '`iat` claim is not present' },
  { name: 'iat as a date string', token: at(() => ({ iat: new Date().toISOString() })), code: ErrorCode.TokenClaimInvalid, says: '`iat` claim is not a number' },
  { name: 'nbf as a string', token: at(() => ({ nbf: 'yesterday' })), code: ErrorCode.TokenClaimInvalid, says: '`nbf` claim is not a number' },
];

describe('hostile tokens: times', () => {
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', async (_name, hostile) => {
    await expectRefusal(kit, hostile);
  });
});
