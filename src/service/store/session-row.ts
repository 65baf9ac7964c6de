import type { SessionRecord, SessionStatus } from './broker-store.ts';

/** A `sessions` row as both stores keep it; `T` is how the database hands back a time. */
export interface SessionRow<T> {
  id: string;
  exchange_id: string;
  status: Exclude<SessionStatus, 'expired'>;
  issuer: string;
  repository_id: string;
  owner_id: string;
  run: string | null;
  job: string | null;
  rule: string;
  provider: 'aws' | 'gcp';
  target: string;
  session_name: string | null;
  source_identity: string | null;
  assumed_role_id: string | null;
  issued_at: T;
  expires_at: T;
  revoked_at: T | null;
}

/** The inventory's view of a row: "expired" is worked out when read, never stored. */
export function sessionFromRow(row: SessionRow<Date>, now: Date): SessionRecord {
  return {
    id: row.id,
    exchangeId: row.exchange_id,
    status: row.status === 'active' && row.expires_at <= now ? 'expired' : row.status,
    issuer: row.issuer,
    repositoryId: row.repository_id,
    ownerId: row.owner_id,
    run: row.run ?? undefined,
    job: row.job ?? undefined,
    rule: row.rule,
    provider: row.provider,
    target: row.target,
    sessionName: row.session_name ?? undefined,
    sourceIdentity: row.source_identity ?? undefined,
    assumedRoleId: row.assumed_role_id ?? undefined,
    issuedAt: row.issued_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at ?? undefined,
  };
}
