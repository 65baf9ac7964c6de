import type { VerifiedClaims } from '../oidc/verify.ts';
import { matchingOperator } from '../policy/evaluate.ts';
import type { Operator } from '../policy/types.ts';
import type { BrokerDeps } from './broker-deps.ts';
import { notReady } from './exchange.ts';
import { MAX_SESSIONS_PAGE } from './schemas.ts';
import { ServiceError, ServiceErrorCode } from './service-error.ts';
import type { SessionRecord, SessionStatus } from './store/broker-store.ts';

/** GET /v1/sessions's query, as schemas.ts describes it: every value is text. */
export interface SessionsQuery {
  repositoryId?: string;
  ownerId?: string;
  rule?: string;
  issuer?: string;
  status?: string;
  issuedAfter?: string;
  issuedBefore?: string;
  limit?: string;
  cursor?: string;
}

export interface SessionView {
  sessionId: string;
  exchangeId: string;
  status: SessionStatus;
  issuer: string;
  repositoryId: string;
  ownerId: string;
  run?: string;
  job?: string;
  rule: string;
  provider: 'aws' | 'gcp';
  target: string;
  sessionName?: string;
  sourceIdentity?: string;
  issuedAt: string;
  expiresAt: string;
  revokedAt?: string;
}

const DEFAULT_PAGE = 100;

/**
 * The operator entry of the policy in force that admits these (verified) claims. Deny by default: no
 * entry, no `operators:` section or no policy loaded, and the caller sees nothing and revokes nothing.
 */
export function authorizeOperator(claims: VerifiedClaims, deps: BrokerDeps): Operator {
  const policy = deps.policy.current;
  if (!policy) throw notReady();
  const operator = matchingOperator(policy, claims);
  if (!operator) {
    throw new ServiceError(ServiceErrorCode.OperatorNotAuthorized, 403, 'The token is valid, but no entry of the policy’s `operators:` section matches its claims.', {
      hint: 'The operator API (the inventory, revocation by selector) is for the identities the policy lists under `operators:`; a job revokes its own run with an empty body.',
    });
  }
  return operator;
}

/** One page of the inventory, newest first; `nextCursor` resumes after its last session. */
export async function listInventory(query: SessionsQuery, deps: BrokerDeps): Promise<{ sessions: SessionView[]; nextCursor?: string }> {
  const limit = query.limit === undefined ? DEFAULT_PAGE : Number(query.limit);
  if (limit > MAX_SESSIONS_PAGE) throw invalidQuery(`limit ${limit} is above the most one page holds, ${MAX_SESSIONS_PAGE}.`);
  const page = await deps.store.listSessions({
    repositoryId: query.repositoryId,
    ownerId: query.ownerId,
    rule: query.rule,
    issuer: query.issuer,
    statuses: query.status?.split(',') as SessionStatus[] | undefined,
    issuedAfter: query.issuedAfter === undefined ? undefined : new Date(query.issuedAfter),
    issuedBefore: query.issuedBefore === undefined ? undefined : new Date(query.issuedBefore),
    after: query.cursor === undefined ? undefined : fromCursor(query.cursor),
    now: deps.now?.() ?? new Date(),
    // One more than asked tells whether another page follows.
    limit: limit + 1,
  });
  const sessions = page.slice(0, limit);
  const last = sessions.at(-1);
  return { sessions: sessions.map(viewOf), ...(page.length > limit && last && { nextCursor: toCursor(last) }) };
}

export function viewOf(session: SessionRecord): SessionView {
  return {
    sessionId: session.id,
    exchangeId: session.exchangeId,
    status: session.status,
    issuer: session.issuer,
    repositoryId: session.repositoryId,
    ownerId: session.ownerId,
    ...(session.run !== undefined && { run: session.run }),
    ...(session.job !== undefined && { job: session.job }),
    rule: session.rule,
    provider: session.provider,
    target: session.target,
    ...(session.sessionName !== undefined && { sessionName: session.sessionName }),
    ...(session.sourceIdentity !== undefined && { sourceIdentity: session.sourceIdentity }),
    issuedAt: session.issuedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ...(session.revokedAt !== undefined && { revokedAt: session.revokedAt.toISOString() }),
  };
}

// Opaque to clients, but only a position: it grants nothing a filter would not.
function toCursor(session: SessionRecord): string {
  return Buffer.from(JSON.stringify([session.issuedAt.getTime(), session.id])).toString('base64url');
}

function fromCursor(cursor: string): { issuedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (Number.isSafeInteger(at) && typeof id === 'string') return { issuedAt: new Date(at as number), id };
  } catch {
    // Reported below, as any other malformed cursor.
  }
  throw invalidQuery('the cursor is not one this broker handed out.');
}

function invalidQuery(message: string): ServiceError {
  return new ServiceError(ServiceErrorCode.RequestInvalid, 400, `The query is invalid: ${message}`, { hint: 'Pass back `nextCursor` unchanged as `cursor`, and a limit from 1 to 500.' });
}
