import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { issuerKeys } from './issuer-keys.ts';

/** A token's claims after its signature, issuer, audience and times have all been checked. */
export type VerifiedClaims = Readonly<JWTPayload> & {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string | string[];
  readonly exp: number;
  readonly iat: number;
};

export interface VerifiedToken {
  token: string;
  claims: VerifiedClaims;
  header: { alg: string; kid: string | undefined };
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  /** Leeway on exp, nbf and iat, in seconds; never more than 60. */
  clockToleranceSeconds?: number;
  /** The current time, for tests. */
  now?: Date;
  /** The issuer's keys, for offline verification; by default they are discovered and fetched. */
  keys?: JWTVerifyGetKey;
}

/** Tokens from CI systems are a few kilobytes; anything far larger is refused before parsing. */
export const MAX_TOKEN_BYTES = 16 * 1024;
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;
/** Signatures that prove the issuer's private key signed the token; shared-secret (HS*) and `none` never do. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

/**
 * Verifies an OIDC token against its issuer's published keys. Nothing in the token is trusted before
 * this returns; each refusal names what failed.
 */
export async function verifyToken(token: string, options: VerifyOptions): Promise<VerifiedToken> {
  const tolerance = Math.min(options.clockToleranceSeconds ?? MAX_CLOCK_TOLERANCE_SECONDS, MAX_CLOCK_TOLERANCE_SECONDS);
  const header = readHeader(token);
  const keys = options.keys ?? (await issuerKeys(options.issuer));
  const now = options.now ?? new Date();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ASYMMETRIC_ALGORITHMS,
      clockTolerance: tolerance,
      requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat'],
      currentDate: now,
    }));
  } catch (error) {
    throw verificationError(error, options, tolerance, header);
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat > nowSeconds + tolerance) {
    throw new BrokerError(ErrorCode.TokenIssuedInFuture, `The token claims to be issued at ${instant(payload.iat)}, in the future (leeway ${tolerance} s).`, {
      hint: 'Check the clocks of this machine and of the issuer; a token from the future is refused.',
    });
  }
  if (typeof payload.sub !== 'string') throw claimTypeError('sub', 'a string');
  return { token, claims: payload as VerifiedClaims, header };
}

function readHeader(token: string): { alg: string; kid: string | undefined } {
  if (Buffer.byteLength(token) > MAX_TOKEN_BYTES) {
    throw malformed(`The token is ${Buffer.byteLength(token)} bytes, more than the ${MAX_TOKEN_BYTES} bytes allowed.`);
  }
  if (token.split('.').length !== 3) throw malformed(`The token has ${token.split('.').length} dot-separated parts; a signed JWT has 3.`);
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw malformed('The token header is not base64url-encoded JSON.');
  }
  if (typeof header.alg !== 'string' || !ASYMMETRIC_ALGORITHMS.includes(header.alg)) {
    throw new BrokerError(ErrorCode.TokenAlgorithmRejected, `The token is signed with ${quote(header.alg)}, which is not an allowed asymmetric algorithm.`, {
      hint: `Only ${ASYMMETRIC_ALGORITHMS.join(', ')} are accepted; a real issuer never signs with \`none\` or a shared secret.`,
    });
  }
  return { alg: header.alg, kid: typeof header.kid === 'string' ? header.kid : undefined };
}

function verificationError(error: unknown, options: VerifyOptions, tolerance: number, header: { alg: string; kid: string | undefined }): BrokerError {
  if (error instanceof errors.JWTExpired) {
    return new BrokerError(ErrorCode.TokenExpired, `The token expired at ${instant(error.payload.exp)} (leeway ${tolerance} s).`, {
      hint: 'Request the token right before using it; if this repeats, check this machine’s clock.',
    });
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimError(error, options, tolerance);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new BrokerError(ErrorCode.TokenSignatureInvalid, `The token's signature does not verify with the key ${quote(header.kid)} that ${options.issuer} publishes.`, {
      hint: 'The token was not signed by this issuer, or was altered: do not trust it. Check that the `issuer` input is right.',
    });
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new BrokerError(ErrorCode.TokenKeyNotFound, `No key of ${options.issuer} matches the token's key id ${quote(header.kid)} and algorithm ${header.alg}.`, {
      hint: 'The token was signed by a key the issuer does not publish (forged, or from another issuer); check the `issuer` input.',
    });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new BrokerError(ErrorCode.TokenAlgorithmRejected, `The token's algorithm ${header.alg} is not allowed for its key.`, {
      hint: 'Only asymmetric algorithms that match the issuer’s published key are accepted.',
    });
  }
  if (error instanceof errors.JOSENotSupported) return malformed(`The token uses an unsupported feature: ${error.message}.`);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return malformed(`The token is not a valid signed JWT: ${error.message}.`);
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof errors.JOSEError || error instanceof TypeError) {
    return new BrokerError(ErrorCode.JwksFailed, `The signing keys of ${options.issuer} could not be fetched or read.`, {
      hint: 'Check the network path to the issuer and retry; an issuer outage fails closed.',
      cause: error,
    });
  }
  return new BrokerError(ErrorCode.Internal, 'The token could not be verified for an unexpected reason.', { hint: 'Please report this as a bug.', cause: error });
}

function claimError(error: InstanceType<typeof errors.JWTClaimValidationFailed>, options: VerifyOptions, tolerance: number): BrokerError {
  const actual = error.payload[error.claim];
  if (error.reason === 'missing') return claimTypeError(error.claim, 'present');
  switch (error.claim) {
    case 'iss':
      return new BrokerError(ErrorCode.TokenIssuerMismatch, `The token's issuer is ${quote(actual)}, but ${quote(options.issuer)} was expected.`, {
        hint: 'Issuers must match exactly (scheme, case and trailing slash included). Set the `issuer` input to the issuer that minted the token.',
      });
    case 'aud':
      return new BrokerError(ErrorCode.TokenAudienceMismatch, `The token's audience is ${quote(actual)}, but ${quote(options.audience)} was expected.`, {
        hint: 'Request the token for the audience you verify against: set the `audience` input to match the cloud side.',
      });
    case 'nbf':
      return new BrokerError(ErrorCode.TokenNotYetValid, `The token is not valid before ${instant(actual)} (leeway ${tolerance} s).`, {
        hint: 'Check this machine’s clock against the issuer’s.',
      });
    default:
      return claimTypeError(error.claim, 'valid');
  }
}

function claimTypeError(claim: string, expected: string): BrokerError {
  return new BrokerError(ErrorCode.TokenClaimInvalid, `The token's \`${claim}\` claim is not ${expected}.`, {
    hint: 'The issuer produced a token without the standard claims; it cannot be trusted for credentials.',
  });
}

function malformed(message: string): BrokerError {
  return new BrokerError(ErrorCode.TokenMalformed, message, { hint: 'Pass the token exactly as the issuer produced it: three base64url parts separated by dots.' });
}

/** Quotes an untrusted value for a message: JSON-escaped and cut short. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function instant(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : quote(seconds);
}
