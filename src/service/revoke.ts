import { BrokerError } from '../errors/broker-error.ts';
import type { VerifiedClaims } from '../oidc/verify.ts';
import type { Operator } from '../policy/types.ts';
import { denyNamedSessions, denyOneSession, denyTaggedSessions, type SessionDenial } from '../providers/aws/session-denial.ts';
import type { Bearer } from './bearer.ts';
import type { BrokerDeps } from './broker-deps.ts';
import { identityTagKeys, jobIdentityOf } from './job-identity.ts';
import { ServiceError, ServiceErrorCode } from './service-error.ts';
import { sessionTags } from './session-tags.ts';
import type { SessionRecord } from './store/broker-store.ts';

export type RevocationOutcome = 'denied' | 'cleared-only' | 'failed';

interface SessionReport {
  sessionId: string;
  provider: 'aws' | 'gcp';
  target: string;
  /** AWS, once minted: the session's aws:userid, which is how the job recorded it. */
  assumedRoleId?: string;
  outcome: RevocationOutcome;
  detail: string;
}

export interface RevokeResponse {
  sessions: SessionReport[];
  /**
   * A job's own revocation only: `job` when its token names the job (GitHub's check_run_id), and only
   * that job's sessions were ended; `run` when it does not, and every session of the run was, those of
   * parallel jobs included.
   */
  scope?: 'job' | 'run';
  /** Selector revocations only: one denial per affected role. */
  denials?: Array<{ target: string; outcome: 'denied' | 'failed'; policyName?: string; detail: string }>;
}

/** What an operator revokes: every active session it matches, issued before `issuedBefore` (now by default). */
export interface Selector {
  repositoryId?: string;
  ownerId?: string;
  rule?: string;
  issuer?: string;
  issuedBefore?: string;
}

const PAGE = 500;

/**
 * The job's post step ends what its job was issued: a fresh token from the same repository, run and
 * attempt names the sessions, and the job id, when the token carries one, narrows them to that job's.
 * Without a job id the whole run's sessions end, parallel jobs' included, and the answer says so. AWS
 * sessions are denied on their role; Google cannot revoke access tokens, so theirs are marked revoked
 * in the inventory and reported as cleared only.
 */
export async function revokeOwnSessions(bearer: Bearer, claims: VerifiedClaims, deps: BrokerDeps): Promise<RevokeResponse> {
  const now = deps.now?.() ?? new Date();
  const identity = jobIdentityOf(claims);
  if (identity.run === undefined) {
    throw new ServiceError(ServiceErrorCode.RunUnknown, 400, 'The token does not name its run, so the broker cannot tell which sessions are this job’s.', {
      hint: 'Revoke by selector through the operator API instead.',
    });
  }
  const scope = identity.job === undefined ? 'run' : 'job';
  const sessions = await deps.store.listSessions({ issuer: claims.iss, repositoryId: identity.repositoryId, run: identity.run, job: identity.job, statuses: ['active'], now });
  const reports = await Promise.all(sessions.map((session) => revokeOne(session, deps, now)));
  await record(reports, bearer, claims, deps, now, { repositoryId: identity.repositoryId, detail: { run: identity.run, ...(identity.job !== undefined && { job: identity.job }), scope, requestedBy: 'job' } });
  return { sessions: reports, scope };
}

async function revokeOne(session: SessionRecord, deps: BrokerDeps, now: Date): Promise<SessionReport> {
  if (session.provider === 'gcp') return clearedOnly(session);
  if (!session.assumedRoleId) return report(session, 'failed', `The session was never recorded as minted, so there is no session id to deny; it stays valid until ${session.expiresAt.toISOString()} if it exists.`);
  try {
    const written = await deps.revoker.denyOnRole(session.target, () => denyOneSession(session.assumedRoleId!, session.expiresAt), now);
    return report(session, 'denied', `Session "${session.sessionName}" is denied from now on (inline policy ${written}).`);
  } catch (error) {
    return report(session, 'failed', `Could not deny the session (${reason(error)}); it stays valid until ${session.expiresAt.toISOString()}.`);
  }
}

/**
 * An operator's revocation of every active (or orphaned `minting`) session the selector matches. On
 * each affected AWS role one denial covers them all: on the session tags that carry the repository or
 * owner, issued before the cutoff, so that it holds however many sessions there are. A rule is carried
 * by no tag: then the denial names the matched sessions' `aws:userid`s. Google: cleared only.
 */
export async function revokeBySelector(bearer: Bearer, claims: VerifiedClaims, operator: Operator, selector: Selector, deps: BrokerDeps): Promise<RevokeResponse> {
  const now = deps.now?.() ?? new Date();
  // A cutoff in the future would also refuse sessions not yet issued.
  const cutoff = selector.issuedBefore === undefined ? now : new Date(Math.min(Date.parse(selector.issuedBefore), now.getTime()));
  const sessions: SessionRecord[] = [];
  for (let page: SessionRecord[] | undefined; page === undefined || page.length === PAGE; ) {
    const last = sessions.at(-1);
    page = await deps.store.listSessions({ ...selector, issuedBefore: cutoff, statuses: ['active', 'minting'], now, limit: PAGE, after: last && { issuedAt: last.issuedAt, id: last.id } });
    sessions.push(...page);
  }
  const byRole = new Map<string, SessionRecord[]>();
  for (const session of sessions) if (session.provider === 'aws') byRole.set(session.target, [...(byRole.get(session.target) ?? []), session]);
  const denials = await Promise.all(
    [...byRole].map(async ([role, onRole]) => {
      const deny = roleDenial(selector, onRole, cutoff);
      if (typeof deny === 'string') return { target: role, outcome: 'failed' as const, detail: deny, sessions: onRole };
      try {
        const policyName = await deps.revoker.denyOnRole(role, deny, now);
        return { target: role, outcome: 'denied' as const, policyName, detail: `Sessions issued before ${cutoff.toISOString()} are denied from now on.`, sessions: onRole };
      } catch (error) {
        return { target: role, outcome: 'failed' as const, detail: `Could not write the denial (${reason(error)}); the sessions stay valid until they expire.`, sessions: onRole };
      }
    }),
  );
  const reports = [
    ...denials.flatMap((denial) => denial.sessions.map((s) => report(s, denial.outcome, denial.outcome === 'denied' ? `Denied by inline policy ${denial.policyName} on its role.` : denial.detail))),
    ...sessions.filter((s) => s.provider === 'gcp').map(clearedOnly),
  ];
  const asked = Object.fromEntries(Object.entries({ ...selector, issuedBefore: cutoff.toISOString() }).filter(([, value]) => value !== undefined));
  await record(reports, bearer, claims, deps, now, { repositoryId: selector.repositoryId, detail: { requestedBy: 'operator', operator: operator.name, selector: JSON.stringify(asked) } });
  return { sessions: reports, denials: denials.map(({ sessions: _, ...denial }) => denial) };
}

/** The denial for the selector's sessions on one role, or why none can be written. */
function roleDenial(selector: Selector, sessions: readonly SessionRecord[], cutoff: Date): ((maxSessionDurationSeconds: number) => SessionDenial) | string {
  if (selector.rule === undefined) {
    const alternatives = tagAlternatives(selector, sessions);
    if (alternatives) return (maxSessionDuration) => denyTaggedSessions(alternatives, cutoff, maxSessionDuration);
  }
  const unminted = sessions.filter((s) => !s.assumedRoleId);
  if (unminted.length > 0) return `${unminted.length} session(s) were never recorded as minted, so no session id names them, and the selector cannot be expressed in session tags.`;
  const lastExpiry = new Date(Math.max(...sessions.map((s) => s.expiresAt.getTime())));
  return () => denyNamedSessions(sessions.map((s) => s.assumedRoleId!), lastExpiry);
}

/**
 * The tag sets, one per CI system the sessions' issuers may be, that together match the selector's
 * repository and owner; undefined when some issuer's sessions carry no tag for what is asked.
 */
function tagAlternatives(selector: Selector, sessions: readonly SessionRecord[]): Array<Record<string, string>> | undefined {
  const alternatives = new Map<string, Record<string, string>>();
  for (const issuer of new Set(sessions.map((s) => s.issuer))) {
    const keys = identityTagKeys(issuer);
    if (keys.length === 0) return undefined;
    for (const { repository, owner } of keys) {
      if (selector.ownerId !== undefined && owner === undefined) return undefined;
      // Sanitised as the tags were when the session was minted.
      const tags = sessionTags({ ...(selector.repositoryId !== undefined && { [repository]: selector.repositoryId }), ...(selector.ownerId !== undefined && { [owner!]: selector.ownerId }) });
      const set = Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
      alternatives.set(JSON.stringify(set), set);
    }
  }
  return [...alternatives.values()];
}

/** Marks revoked what was denied or cleared, with the audit row that names who asked. */
async function record(reports: readonly SessionReport[], bearer: Bearer, claims: VerifiedClaims, deps: BrokerDeps, now: Date, about: { repositoryId: string | undefined; detail: Record<string, string> }): Promise<void> {
  const ended = reports.filter((r) => r.outcome !== 'failed').map((r) => r.sessionId);
  await deps.store.revokeSessions(ended, now, {
    at: now,
    action: 'revoke',
    outcome: reports.some((r) => r.outcome === 'failed') ? 'partly-failed' : 'revoked',
    issuer: claims.iss,
    subject: claims.sub,
    repositoryId: about.repositoryId,
    tokenSha256: bearer.tokenSha256,
    sessionIds: ended,
    detail: about.detail,
  });
  for (const r of reports) deps.metrics.revocations.inc({ outcome: r.outcome });
}

function clearedOnly(session: SessionRecord): SessionReport {
  return report(session, 'cleared-only', `Google cannot revoke access tokens: the token for ${session.target} stays valid until ${session.expiresAt.toISOString()}.`);
}

function report(session: SessionRecord, outcome: RevocationOutcome, detail: string): SessionReport {
  return { sessionId: session.id, provider: session.provider, target: session.target, ...(session.assumedRoleId !== undefined && { assumedRoleId: session.assumedRoleId }), outcome, detail };
}

function reason(error: unknown): string {
  return error instanceof BrokerError ? `${error.code}: ${error.message}` : 'an unexpected error';
}
