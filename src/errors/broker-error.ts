/**
 * The one error type of ci-oidc-broker. Every failure that a user can act on is a BrokerError with a
 * stable code (for scripts and tests), a message that says what failed, and a hint that says what to
 * do about it. Messages and hints must never carry a secret: callers pass only non-secret facts.
 */
export const ErrorCode = {
  // Requesting the runner's token
  PermissionMissing: 'OIDC_PERMISSION_MISSING',
  TokenRequestFailed: 'OIDC_TOKEN_REQUEST_FAILED',
  // Issuer discovery and keys
  IssuerInvalid: 'OIDC_ISSUER_INVALID',
  DiscoveryFailed: 'OIDC_DISCOVERY_FAILED',
  JwksFailed: 'OIDC_JWKS_FAILED',
  // Verifying the token
  TokenMalformed: 'TOKEN_MALFORMED',
  TokenAlgorithmRejected: 'TOKEN_ALGORITHM_REJECTED',
  TokenKeyNotFound: 'TOKEN_KEY_NOT_FOUND',
  TokenKeyUnfit: 'TOKEN_KEY_UNFIT',
  TokenSignatureInvalid: 'TOKEN_SIGNATURE_INVALID',
  TokenIssuerMismatch: 'TOKEN_ISSUER_MISMATCH',
  TokenAudienceMismatch: 'TOKEN_AUDIENCE_MISMATCH',
  TokenExpired: 'TOKEN_EXPIRED',
  TokenNotYetValid: 'TOKEN_NOT_YET_VALID',
  TokenIssuedInFuture: 'TOKEN_ISSUED_IN_FUTURE',
  TokenClaimInvalid: 'TOKEN_CLAIM_INVALID',
  // Policy
  PolicyNotFound: 'POLICY_NOT_FOUND',
  PolicySourceInvalid: 'POLICY_SOURCE_INVALID',
  PolicyInvalid: 'POLICY_INVALID',
  PolicyDenied: 'POLICY_DENIED',
  RoleNotGranted: 'ROLE_NOT_GRANTED',
  // A cloud cannot state the policy exactly, so its export would admit more than the policy does
  ExportInexact: 'EXPORT_INEXACT',
  // Inputs and state
  InputInvalid: 'INPUT_INVALID',
  StateInvalid: 'STATE_INVALID',
  // A proxy between this process and a service would not relay (HTTP 407): no retry cures it
  ProxyRefused: 'PROXY_REFUSED',
  // AWS STS
  AwsAccessDenied: 'AWS_ACCESS_DENIED',
  AwsInvalidIdentityToken: 'AWS_INVALID_IDENTITY_TOKEN',
  AwsExpiredToken: 'AWS_EXPIRED_TOKEN',
  AwsValidation: 'AWS_VALIDATION_ERROR',
  AwsExchangeFailed: 'AWS_EXCHANGE_FAILED',
  AwsExchangeTimedOut: 'AWS_EXCHANGE_TIMED_OUT',
  AwsRevocationFailed: 'AWS_REVOCATION_FAILED',
  // A renewing profile asked for credentials after the job's post step closed it
  AwsRenewalClosed: 'AWS_RENEWAL_CLOSED',
  // Google Cloud STS and IAM Credentials
  GcpAccessDenied: 'GCP_ACCESS_DENIED',
  GcpExchangeFailed: 'GCP_EXCHANGE_FAILED',
  GcpExchangeTimedOut: 'GCP_EXCHANGE_TIMED_OUT',
  // The broker service's own refusals, as its clients (the action, the CLI) receive them over HTTP
  BearerMissing: 'BEARER_MISSING',
  RequestInvalid: 'REQUEST_INVALID',
  TokenReplayed: 'TOKEN_REPLAYED',
  RateLimited: 'RATE_LIMITED',
  RunUnknown: 'RUN_UNKNOWN',
  NotReady: 'NOT_READY',
  NotFound: 'NOT_FOUND',
  OperatorNotAuthorized: 'OPERATOR_NOT_AUTHORIZED',
  // A broker answered with a code this client does not know: a newer broker, most likely
  BrokerRefused: 'BROKER_REFUSED',
  // Anything unexpected: a bug, reported with a hint to file an issue
  Internal: 'INTERNAL_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface BrokerErrorOptions {
  /** What the user should do next. Required: an error without a way forward is not actionable. */
  hint: string;
  /** The underlying error, kept for debugging. It is never printed by the action or the CLI. */
  cause?: unknown;
  /** Where in a file the problem is, for annotations (policy errors). */
  location?: SourceLocation;
  /** Each problem on its own, when the error reports several at once (an invalid policy's mistakes). */
  problems?: readonly LocatedProblem[];
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** One of several problems an error reports: where it is, what kind it is, what is wrong and what to do. */
export interface LocatedProblem {
  location: SourceLocation;
  /** The kind of problem, stable for scripts: "unknown-claim", "yaml-syntax", "unknown-key"... */
  code: string;
  message: string;
  hint: string;
}

export class BrokerError extends Error {
  override readonly name = 'BrokerError';
  readonly code: ErrorCode;
  readonly hint: string;
  readonly location: SourceLocation | undefined;
  /** Empty unless the error reports several problems; the message lists them too. */
  readonly problems: readonly LocatedProblem[];

  constructor(code: ErrorCode, message: string, options: BrokerErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint;
    this.location = options.location;
    this.problems = options.problems ?? [];
  }

  /** The text shown to people: code, message and hint, without the cause. */
  describe(): string {
    return `${this.code}: ${this.message}\nHint: ${this.hint}`;
  }
}

export function isBrokerError(value: unknown, code?: ErrorCode): value is BrokerError {
  return value instanceof BrokerError && (code === undefined || value.code === code);
}
