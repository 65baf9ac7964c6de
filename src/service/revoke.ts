import { BrokerError } from '../errors/broker-error.ts';
import type { VerifiedClaims } from '../oidc/verify.ts';
import type { Bearer } from './bearer.ts';
import type { BrokerDeps } from './broker-deps.ts';
import { jobIdentityOf } from './job-identity.ts';
import { ServiceError, ServiceErrorCode } from './service-error.ts';
import type { SessionRecord } from './store/broker-store.ts';

export type RevocationOutcome = 'denied' | 'cleared-only' | 'failed';

export interface RevokeResponse {
  sessions: Array<{ sessionId: string; provider: 'aws' | 'gcp'; target: string; outcome: RevocationOutcome; detail: string }>;
}

/**
 * The job's post step ends what its run was issued: a fresh token from the same repository, run and
 * attempt names the sessions. AWS sessions are denied on their role; Google cannot revoke access tokens,
 * so theirs are marked revoked in the inventory and reported as cleared only.
 */
export async function revokeOwnSessions(bearer: Bearer, claims: VerifiedClaims, deps: BrokerDeps): Promise<RevokeResponse> {
  const now = deps.now?.() ?? new Date();
  const identity = jobIdentityOf(claims);
  if (identity.run === undefined) {
    throw new ServiceError(ServiceErrorCode.RunUnknown, 400, 'The token does not name its run, so the broker cannot tell which sessions are this job’s.', {
      hint: 'Revoke by selector through the operator API instead.',
    });
  }
  const sessions = await deps.store.listSessions({ issuer: claims.iss, repositoryId: identity.repositoryId, run: identity.run, statuses: ['active'], now });
  const results = await Promise.all(sessions.map(async (session) => ({ session, ...(await revokeOne(session, deps, now)) })));
  const ended = results.filter((r) => r.outcome !== 'failed').map((r) => r.session.id);
  await deps.store.revokeSessions(ended, now, {
    at: now,
    action: 'revoke',
    outcome: results.some((r) => r.outcome === 'failed') ? 'partly-failed' : 'revoked',
    issuer: claims.iss,
    subject: claims.sub,
    repositoryId: identity.repositoryId,
    tokenSha256: bearer.tokenSha256,
    sessionIds: ended,
    detail: { run: identity.run, requestedBy: 'job' },
  });
  for (const r of results) deps.metrics.revocations.inc({ outcome: r.outcome });
  return { sessions: results.map((r) => ({ sessionId: r.session.id, provider: r.session.provider, target: r.session.target, outcome: r.outcome, detail: r.detail })) };
}

async function revokeOne(session: SessionRecord, deps: BrokerDeps, now: Date): Promise<{ outcome: RevocationOutcome; detail: string }> {
  if (session.provider === 'gcp') {
    return { outcome: 'cleared-only', detail: `Google cannot revoke access tokens: the token for ${session.target} stays valid until ${session.expiresAt.toISOString()}.` };
  }
  try {
    const written = await deps.revoker.denyAwsSession(session, now);
    return { outcome: 'denied', detail: `Session "${session.sessionName}" is denied from now on (inline policy ${written}).` };
  } catch (error) {
    const why = error instanceof BrokerError ? `${error.code}: ${error.message}` : 'an unexpected error';
    return { outcome: 'failed', detail: `Could not deny the session (${why}); it stays valid until ${session.expiresAt.toISOString()}.` };
  }
}
