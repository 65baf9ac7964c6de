import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { formatSeconds, RetriesExhaustedError, type RetryVerdict } from '../../util/retry.ts';
import { oidcProviderKeyPrefix } from './oidc-provider.ts';

/** The parts of an SDK service exception (an error STS answered with) that this module reads. */
interface StsServiceError extends Error {
  /** The code STS put on the wire; the SDK's class name differs (`InvalidIdentityTokenException`). */
  Code?: unknown;
  $metadata: { httpStatusCode?: number };
  $response?: { headers: Record<string, string | undefined> };
}

/** What an error message may say about the exchange. */
export interface ExchangeFacts {
  roleArn: string;
  /** The verified `sub` of the token: not secret, and what a trust policy matches. */
  subject: string;
  /** The verified `iss` of the token, which names the trust policy's condition keys. */
  issuer?: string | undefined;
  /** Removes secrets (the token sent) from text that came back from the SDK or STS. */
  redact: (text: string) => string;
}

const TRANSIENT_CODES = new Set(['Throttling', 'ThrottlingException', 'RequestLimitExceeded', 'IDPCommunicationError']);
// Connection failures worth another try. ENOTFOUND is left out: a wrong endpoint host should fail fast.
const NETWORK_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
// Our per-attempt abort signal yields AbortError; the SDK's HTTP handler names its own timeouts TimeoutError.
const TIMEOUT_ERROR_NAMES = new Set(['AbortError', 'TimeoutError']);

/** Names the condition keys of the token's own issuer (`gitlab.com:sub`, not GitHub's), when it is known. */
function trustPolicyHint(issuer: string | undefined): string {
  const prefix = issuer === undefined || !URL.canParse(issuer) ? undefined : oidcProviderKeyPrefix(issuer);
  const keys = prefix === undefined ? 'its conditions on ISSUER:sub and ISSUER:aud (ISSUER: the issuer URL without https://, as in token.actions.githubusercontent.com:sub)' : `its conditions on ${prefix}:sub and ${prefix}:aud`;
  return `Check the role’s trust policy: it must allow sts:AssumeRoleWithWebIdentity to the IAM OIDC provider of this token’s issuer, and ${keys} must match this subject and the token’s audience.`;
}

/** Retries what may pass (throttling, STS or IdP trouble, network failures, timeouts), honouring Retry-After. */
export function transientVerdict(error: unknown): RetryVerdict {
  const serviceError = asServiceError(error);
  if (serviceError) {
    const status = serviceError.$metadata.httpStatusCode ?? 0;
    const transient = TRANSIENT_CODES.has(wireCode(serviceError)) || status === 429 || status >= 500;
    return transient ? { retry: true, afterMs: retryAfterMs(serviceError) } : { retry: false };
  }
  return isNetworkError(error) || isTimeout(error) ? { retry: true } : { retry: false };
}

/** STS says the token expired, as ExpiredTokenException or as an InvalidIdentityToken that names expiry. */
export function isExpiredTokenError(error: unknown): boolean {
  const serviceError = asServiceError(error);
  if (!serviceError) return false;
  const code = wireCode(serviceError);
  return code === 'ExpiredTokenException' || (code === 'InvalidIdentityToken' && /expired/i.test(serviceError.message));
}

/** The BrokerError to report for a failed exchange. BrokerErrors (from the token source) pass through. */
export function exchangeError(error: unknown, facts: ExchangeFacts): BrokerError {
  if (error instanceof BrokerError) return error;
  if (error instanceof RetriesExhaustedError) return exhaustedError(error, facts);
  const serviceError = asServiceError(error);
  const code = serviceError ? wireCode(serviceError) : undefined;
  const awsSaid = JSON.stringify(facts.redact(error instanceof Error ? error.message : String(error)));
  if (isExpiredTokenError(error)) {
    return new BrokerError(ErrorCode.AwsExpiredToken, 'AWS STS says the OIDC token has expired, even after a fresh one was requested.', {
      hint: 'Tokens live for minutes: check that this machine’s clock is right and that nothing holds the token between its request and the exchange.',
      cause: error,
    });
  }
  switch (code) {
    case 'AccessDenied':
      return new BrokerError(ErrorCode.AwsAccessDenied, `AWS STS denied assuming ${facts.roleArn} with the token whose subject is ${JSON.stringify(facts.subject)}.`, {
        hint: trustPolicyHint(facts.issuer),
        cause: error,
      });
    case 'InvalidIdentityToken':
      return new BrokerError(ErrorCode.AwsInvalidIdentityToken, `AWS STS rejected the OIDC token for ${facts.roleArn}: ${awsSaid}.`, {
        hint: 'Check that the token’s issuer is registered as an IAM OIDC identity provider in the role’s account, and that the token’s audience is one of that provider’s client IDs (usually sts.amazonaws.com).',
        cause: error,
      });
    case 'ValidationError':
      return new BrokerError(ErrorCode.AwsValidation, `AWS STS rejected the request to assume ${facts.roleArn}: ${awsSaid}.`, {
        hint: 'Check the role ARN, the session name, the duration (at most the role’s maximum session duration) and any session policies.',
        cause: error,
      });
    default:
      return new BrokerError(ErrorCode.AwsExchangeFailed, `Assuming ${facts.roleArn} failed with ${failureCode(error)}: ${awsSaid}.`, {
        hint: 'Look the code up in the AWS STS documentation of AssumeRoleWithWebIdentity. A network code such as ENOTFOUND means STS was not found: check the region, and AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL if you set them.',
        cause: error,
      });
  }
}

function exhaustedError(error: RetriesExhaustedError, facts: ExchangeFacts): BrokerError {
  const seconds = (error.elapsedMs / 1000).toFixed(1);
  const why = error.timedOut ? `the ${error.budgetMs === undefined ? '' : `${formatSeconds(error.budgetMs)} s `}time budget ran out` : 'no attempts were left';
  return new BrokerError(
    ErrorCode.AwsExchangeTimedOut,
    `Gave up assuming ${facts.roleArn} after ${error.attempts} attempt(s) over ${seconds} s, because ${why}; the last failure was ${failureCode(error.lastError)}.`,
    {
      hint: 'AWS STS was throttling, failing or unreachable. Retry the job later; if STS was unreachable, check this machine’s network access to it (and AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL if you set them).',
      cause: error,
    },
  );
}

/** A short, secret-free name for a failure: the STS code and HTTP status, a network error code, or a timeout. */
function failureCode(error: unknown): string {
  const serviceError = asServiceError(error);
  if (serviceError) return `${wireCode(serviceError)} (HTTP ${serviceError.$metadata.httpStatusCode ?? 'status unknown'})`;
  // The SDK names a dropped connection TimeoutError too; its code says what really happened.
  if (isNetworkError(error)) return String((error as NodeJS.ErrnoException).code);
  if (isTimeout(error)) return 'a timeout';
  if (!(error instanceof Error)) return 'an unknown error';
  const { code } = error as NodeJS.ErrnoException;
  return typeof code === 'string' ? code : error.name;
}

function asServiceError(error: unknown): StsServiceError | undefined {
  return error instanceof Error && '$fault' in error && '$metadata' in error ? (error as StsServiceError) : undefined;
}

function wireCode(error: StsServiceError): string {
  return typeof error.Code === 'string' ? error.Code : error.name;
}

function isNetworkError(error: unknown): boolean {
  return error instanceof Error && NETWORK_ERROR_CODES.has(String((error as NodeJS.ErrnoException).code));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && TIMEOUT_ERROR_NAMES.has(error.name);
}

/** Retry-After is seconds or an HTTP date. */
function retryAfterMs(error: StsServiceError): number | undefined {
  const header = error.$response?.headers['retry-after'];
  if (header === undefined) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}
