import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { VerifiedClaims } from './verify.ts';

/**
 * The key under which a replay store must remember a verified token: its issuer and its `jti`. Never
 * the token string, which is not unique to a token: an ECDSA signature stays valid with s replaced by
 * n − s (jose accepts both), so one token has two spellings that a store keyed by text would not match.
 */
export function tokenIdentity(claims: Pick<VerifiedClaims, 'iss' | 'jti'>): string {
  // Typed as a string, but jose leaves jti unchecked: it is whatever JSON the issuer put there.
  const jti: unknown = claims.jti;
  if (typeof jti !== 'string' || jti === '') {
    const found = jti === undefined ? 'has no `jti` claim' : `has a \`jti\` claim that is ${jti === '' ? 'empty' : `not a string but ${jti === null ? 'null' : typeof jti}`}`;
    throw new BrokerError(ErrorCode.TokenClaimInvalid, `The token ${found}, so a replay of it could not be recognised.`, {
      hint: 'Replay protection needs a unique token id (`jti`) from the issuer; GitHub Actions and most CI issuers include one. Check which issuer minted this token.',
    });
  }
  // A JSON pair cannot be confused with another pair, whatever characters iss or jti hold.
  return JSON.stringify([claims.iss, jti]);
}
