// The broker's HTTP API as the action and the CLI call it. Types only come from the service, so that a
// bundle of the action carries none of the service's code.
import type { SessionView } from '../service/operators.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { isLoopbackHost } from '../oidc/issuer-url.ts';
import type { DecisionJson } from '../policy/decision-json.ts';
import { quoteClaim } from '../policy/explain.ts';
import type { AwsSession } from '../providers/aws/exchange.ts';
import type { GcpSession } from '../providers/gcp/exchange.ts';
import { proxiedFetch } from '../util/proxy.ts';
import type { ExchangeBody, ExchangeResponse } from '../service/exchange.ts';
import type { RevokeResponse } from '../service/revoke.ts';
import type { ServiceErrorCode } from '../service/service-error.ts';

export type { ExchangeBody, ExchangeResponse, RevokeResponse };

// A broker that hangs must not hold a job for its whole timeout: minting is two round trips at most.
const REQUEST_TIMEOUT_MS = 30_000;

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

/**
 * What the job or the operator does about each refusal only the service gives. The broker's own hint
 * follows it: the broker knows the particulars (which limit, which policy), the client knows who reads.
 */
const CLIENT_HINTS: Readonly<Record<ServiceErrorCode, string>> = {
  [ErrorCode.BearerMissing]: 'This client always sends the token as a bearer: a proxy between it and the broker dropped the Authorization header; let it through to /v1/.',
  [ErrorCode.RequestInvalid]: 'This client and the broker disagree about the API: use a release of the action or the CLI that matches the broker’s.',
  [ErrorCode.TokenReplayed]: 'A token is exchanged once: run the step again for a fresh one. If nothing else could have used this token, treat it as stolen: someone exchanged it first.',
  [ErrorCode.RateLimited]: 'The broker limits exchanges per repository, owner and issuer: retry after the time it names, or ask its operator to raise the limit.',
  [ErrorCode.RunUnknown]: 'Only a token that names its run can end its own sessions; an operator can end them by selector (`revoke --broker URL --selector repository-id=ID`).',
  [ErrorCode.NotReady]: 'The broker is up but cannot decide or record yet (no valid policy, or its database out of reach): retry shortly; its operator sees why in GET /readyz and its log.',
  [ErrorCode.NotFound]: 'Give the broker’s base URL, without a path: the client adds /v1/… itself.',
  [ErrorCode.OperatorNotAuthorized]: 'Ask the policy’s owners for an `operators:` entry that matches your token’s claims (`ci-oidc-broker token verify` prints them); a job’s token is no operator’s.',
};

/** A refusal the broker answered with: its stable code (the project's or the service's own) and HTTP status. */
export class BrokerRefusal extends BrokerError {
  readonly status: number;
  /** The code as the broker sent it; `code` is BROKER_REFUSED when this client does not know it. */
  readonly brokerCode: string;
  /** A policy denial carries the decision, rule by rule. */
  readonly decision: DecisionJson | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, body: { code: string; message: string; hint: string }, decision: DecisionJson | undefined, retryAfterSeconds: number | undefined) {
    const code = isErrorCode(body.code) ? body.code : ErrorCode.BrokerRefused;
    const clientHint = (CLIENT_HINTS as Partial<Record<ErrorCode, string>>)[code];
    super(code, code === ErrorCode.BrokerRefused ? `${body.message} (the broker’s code ${JSON.stringify(body.code)}, which this client does not know)` : body.message, {
      hint: clientHint ? `${clientHint} The broker adds: ${body.hint}` : body.hint,
    });
    this.status = status;
    this.brokerCode = body.code;
    this.decision = decision;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function isErrorCode(code: string): code is ErrorCode {
  return KNOWN_CODES.has(code);
}

/**
 * The broker's base URL, checked before any token is sent to it: https, or plain http on loopback for
 * the sandbox. `what` names where the URL came from (an input, a flag).
 */
export function parseBrokerUrl(value: string, what: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) || url.username || url.password || url.search || url.hash) {
    throw new BrokerError(ErrorCode.InputInvalid, `${what} is ${JSON.stringify(value)}, not the broker's https URL.`, {
      hint: 'Give the broker’s base URL, such as https://broker.example.com; the job’s token goes there, so plain http is for 127.0.0.1 only.',
    });
  }
  return value.replace(/\/+$/, '');
}

/** One row of the broker's inventory (GET /v1/sessions), as the service writes it. */
export type { SessionView } from '../service/operators.ts';

/** The inventory's filters, as the query string names them. */
export interface SessionFilter {
  repositoryId?: string | undefined;
  ownerId?: string | undefined;
  rule?: string | undefined;
  issuer?: string | undefined;
  /** Comma-separated statuses. */
  status?: string | undefined;
  issuedAfter?: string | undefined;
  issuedBefore?: string | undefined;
  limit?: string | undefined;
  cursor?: string | undefined;
}

/** What an operator's revocation covers: at least one of repository, owner and rule. */
export interface RevocationSelector {
  repositoryId?: string;
  ownerId?: string;
  rule?: string;
  issuer?: string;
  issuedBefore?: string;
}

export interface SelectorRevokeResponse extends RevokeResponse {
  denials: Array<{ target: string; outcome: 'denied' | 'failed'; policyName?: string; detail: string }>;
}

export interface BrokerClient {
  exchange(token: string, body: ExchangeBody): Promise<ExchangeResponse>;
  /** Ends the sessions of the run the token names; the token must be a fresh one of the same run. */
  revokeOwnSessions(token: string): Promise<RevokeResponse>;
  /** The operator API: the token is the operator's own, which the policy's `operators:` must admit. */
  listSessions(token: string, filter: SessionFilter): Promise<{ sessions: SessionView[]; nextCursor?: string }>;
  revokeBySelector(token: string, selector: RevocationSelector): Promise<SelectorRevokeResponse>;
}

export function brokerClient(baseUrl: string): BrokerClient {
  return {
    exchange: (token, body) => call(baseUrl, 'POST', '/v1/exchange', token, body),
    revokeOwnSessions: (token) => call(baseUrl, 'POST', '/v1/revoke', token, {}),
    listSessions: (token, filter) => {
      const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => entry[1] !== undefined));
      return call(baseUrl, 'GET', `/v1/sessions${query.size > 0 ? `?${query}` : ''}`, token);
    },
    revokeBySelector: (token, selector) => call(baseUrl, 'POST', '/v1/revoke', token, { selector }),
  };
}

/** One request with the bearer; an answer other than 2xx becomes a BrokerRefusal, an unreachable broker a BrokerError. */
async function call<T>(baseUrl: string, method: 'GET' | 'POST', path: string, token: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await proxiedFetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    // A proxy's refusal already says what to do about it.
    if (error instanceof BrokerError) throw error;
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new BrokerError(ErrorCode.TokenRequestFailed, `The broker at ${baseUrl} ${timedOut ? `did not answer within ${REQUEST_TIMEOUT_MS / 1000} s` : 'could not be reached'}.`, {
      hint: 'Check the broker URL and that the job can reach it; the broker’s /healthz answers when it is up.',
      cause: error,
    });
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (response.ok && parsed !== undefined) return parsed as T;
  const answer = parsed as { error?: { code?: unknown; message?: unknown; hint?: unknown }; decision?: DecisionJson } | undefined;
  const error = answer?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string' && typeof error.hint === 'string') {
    const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
    throw new BrokerRefusal(response.status, { code: error.code, message: error.message, hint: error.hint }, answer?.decision, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  // Not the broker's JSON: a proxy's error page, most likely. Its text is not repeated.
  throw new BrokerError(ErrorCode.TokenRequestFailed, `${baseUrl}${path} answered HTTP ${response.status} without the broker's JSON.`, {
    hint: 'Check that the URL is the broker’s and that a proxy in front of it passes /v1/ through.',
  });
}

/** A denial's decision, rule by rule, in the words the in-runner check uses. */
export function explainDecisionJson(decision: DecisionJson): string[] {
  const headline = decision.rule === null ? 'Denied: no allow rule matched (deny by default).' : `Denied by rule "${decision.rule}".`;
  return [
    `${headline} (decided by the broker)`,
    ...decision.rules.map((rule) => {
      const head = `  rule "${rule.name}" (${rule.effect})`;
      if (rule.matched) return `${head}: matched`;
      if (!rule.mismatch) return `${head}: no match`;
      const { claim, expected, actual } = rule.mismatch;
      return `${head}: no match, ${claim} was ${actual === null ? '(absent)' : quoteClaim(actual)}, expected ${describeExpectedJson(expected)}`;
    }),
  ];
}

type ExpectedJson = NonNullable<DecisionJson['rules'][number]['mismatch']>['expected'];

function describeExpectedJson(expected: ExpectedJson): string {
  if (typeof expected === 'string') return quoteClaim(expected);
  if ('glob' in expected) return `glob ${quoteClaim(expected.glob)}`;
  if ('regex' in expected) return `regex ${quoteClaim(expected.regex)}`;
  return `one of ${expected.map(quoteClaim).join(', ')}`;
}

/** A session the broker issued, as its AWS SDK-facing parts; the region is the caller's, which the broker does not choose. */
export function awsSessionOf(answer: NonNullable<ExchangeResponse['aws']>, region: string): AwsSession {
  return {
    accessKeyId: answer.accessKeyId,
    secretAccessKey: answer.secretAccessKey,
    sessionToken: answer.sessionToken,
    expiration: new Date(answer.expiration),
    assumedRoleId: answer.assumedRoleId,
    assumedRoleArn: answer.assumedRoleArn,
    accountId: /^arn:[\w-]+:iam::(\d{12}):/.exec(answer.roleArn)?.[1] ?? '',
    sessionName: answer.sessionName,
    roleArn: answer.roleArn,
    region,
  };
}

export function gcpSessionOf(answer: NonNullable<ExchangeResponse['gcp']>): GcpSession {
  // Minted by impersonation as the broker: no workload identity provider is involved.
  return { accessToken: answer.accessToken, expiration: new Date(answer.expiration), serviceAccount: answer.serviceAccount, workloadIdentityProvider: '' };
}

/** How a job records a Google token the broker issued: Google gives the token no identity of its own. */
export function brokerSessionName(sessionId: string): string {
  return `broker session ${sessionId}`;
}

/** The identity under which the job recorded a session that the broker now reports on: AWS's aws:userid, as in the direct path. */
export function recordedIdentity(session: RevokeResponse['sessions'][number]): string {
  return session.provider === 'aws' && session.assumedRoleId !== undefined ? session.assumedRoleId : brokerSessionName(session.sessionId);
}
