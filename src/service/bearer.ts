import { decodeJwt } from 'jose';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { quoteClaim } from '../policy/explain.ts';
import { verifyToken, type VerifiedClaims, type VerifyOptions } from '../oidc/verify.ts';
import { ServiceError, ServiceErrorCode } from './service-error.ts';
import { sha256 } from '../util/sha256.ts';

export interface Bearer {
  token: string;
  /** What logs and the audit log carry instead of the token. */
  tokenSha256: string;
}

export type VerifierOverrides = Partial<Omit<VerifyOptions, 'issuer' | 'audience'>>;

/** The OIDC token from `Authorization: Bearer …`, and its digest; the token itself never goes further than the verifier. */
export function readBearer(authorization: string | undefined): Bearer {
  const token = /^Bearer ([^\s]+)$/i.exec(authorization ?? '')?.[1];
  if (!token) {
    throw new ServiceError(ServiceErrorCode.BearerMissing, 401, 'The request has no `Authorization: Bearer` header with the CI job’s OIDC token.', {
      hint: 'Send the job’s OIDC token, requested for the broker’s audience (its URL), as a bearer token.',
    });
  }
  return { token, tokenSha256: sha256(token) };
}


/**
 * Verifies the bearer against the issuer it names, if the broker accepts that issuer at all. The
 * unverified `iss` only chooses whose keys to check the signature with; verification checks it again.
 */
export async function verifyBearer(bearer: Bearer, accepted: { issuers: readonly string[]; audience: string }, overrides: VerifierOverrides = {}): Promise<VerifiedClaims> {
  let named: unknown;
  try {
    named = decodeJwt(bearer.token).iss;
  } catch {
    // Not a JWT at all: the verifier says exactly what is wrong with it.
    named = accepted.issuers[0];
  }
  if (typeof named !== 'string' || !accepted.issuers.includes(named)) {
    throw new BrokerError(ErrorCode.TokenIssuerMismatch, `The token's issuer ${quoteClaim(named)} is not one this broker accepts.`, {
      hint: `The broker accepts tokens from ${accepted.issuers.join(', ')}; ask the operator to add another issuer to its configuration.`,
    });
  }
  const { claims } = await verifyToken(bearer.token, { ...overrides, issuer: named, audience: accepted.audience });
  return claims;
}
