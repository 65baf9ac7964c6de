import { BrokerError, ErrorCode } from '../errors/broker-error.ts';

/**
 * The codes only the service answers with. They are members of the project's one ErrorCode, so that a
 * client receives them as the BrokerErrors they are, without a cast, and gives each its own hint.
 */
export const ServiceErrorCode = {
  BearerMissing: ErrorCode.BearerMissing,
  RequestInvalid: ErrorCode.RequestInvalid,
  TokenReplayed: ErrorCode.TokenReplayed,
  RateLimited: ErrorCode.RateLimited,
  RunUnknown: ErrorCode.RunUnknown,
  NotReady: ErrorCode.NotReady,
  NotFound: ErrorCode.NotFound,
  OperatorNotAuthorized: ErrorCode.OperatorNotAuthorized,
} as const satisfies Record<string, ErrorCode>;

export type ServiceErrorCode = (typeof ServiceErrorCode)[keyof typeof ServiceErrorCode];

/** A refusal of the service itself, with its HTTP status; messages carry no secret, as BrokerError's. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  readonly code: ServiceErrorCode;
  readonly statusCode: number;
  readonly hint: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ServiceErrorCode, statusCode: number, message: string, options: { hint: string; retryAfterSeconds?: number }) {
    super(message);
    this.code = code;
    this.statusCode = statusCode;
    this.hint = options.hint;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

const UNAUTHENTICATED: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.TokenMalformed,
  ErrorCode.TokenAlgorithmRejected,
  ErrorCode.TokenKeyNotFound,
  ErrorCode.TokenKeyUnfit,
  ErrorCode.TokenSignatureInvalid,
  ErrorCode.TokenIssuerMismatch,
  ErrorCode.TokenAudienceMismatch,
  ErrorCode.TokenExpired,
  ErrorCode.TokenNotYetValid,
  ErrorCode.TokenIssuedInFuture,
  ErrorCode.TokenClaimInvalid,
]);
const UPSTREAM: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.AwsAccessDenied,
  ErrorCode.AwsInvalidIdentityToken,
  ErrorCode.AwsExpiredToken,
  ErrorCode.AwsValidation,
  ErrorCode.AwsExchangeFailed,
  ErrorCode.AwsRevocationFailed,
  ErrorCode.GcpAccessDenied,
  ErrorCode.GcpExchangeFailed,
]);
const UNAVAILABLE: ReadonlySet<ErrorCode> = new Set([ErrorCode.DiscoveryFailed, ErrorCode.JwksFailed, ErrorCode.IssuerInvalid, ErrorCode.AwsExchangeTimedOut, ErrorCode.GcpExchangeTimedOut]);

/** The HTTP status of a BrokerError: who is at fault, the caller (4xx), a cloud (502) or an outage (503). */
export function statusOf(error: BrokerError): number {
  if (UNAUTHENTICATED.has(error.code)) return 401;
  if (error.code === ErrorCode.PolicyDenied || error.code === ErrorCode.RoleNotGranted) return 403;
  if (error.code === ErrorCode.InputInvalid) return 400;
  if (UPSTREAM.has(error.code)) return 502;
  if (UNAVAILABLE.has(error.code)) return 503;
  return 500;
}

/** A cloud the request asks for, which this broker's configuration does not mint for. */
export function notConfigured(cloud: string): BrokerError {
  return new BrokerError(ErrorCode.InputInvalid, `This broker mints no ${cloud} credentials.`, { hint: `Ask the operator to configure ${cloud} in the broker's configuration, or ask for another cloud.` });
}
