/**
 * What the broker remembers: replay keys, the inventory of sessions and the audit log. SQLite is the
 * one-machine default; a shared database implements the same interface for several instances. Every
 * method that writes more than one thing does so in one transaction, so that a crash leaves either all
 * of it or none.
 */
export interface BrokerStore {
  /**
   * Step 1 of an exchange: the token's replay key, its sessions (status `minting`) and the audit row,
   * together. A key already held throws ReplayError and writes nothing.
   */
  claimExchange(claim: ExchangeClaim): Promise<void>;
  /** Step 3: each session becomes `active` (or `failed`), with the audit row that says so. */
  completeExchange(outcomes: readonly SessionOutcome[], audit: AuditEntry): Promise<void>;
  /** Marks sessions revoked, with the audit row that says who asked. */
  revokeSessions(ids: readonly string[], at: Date, audit: AuditEntry): Promise<void>;
  /** A row for what changed nothing (a denial, a refused replay): the trail shows attempts too. */
  appendAudit(audit: AuditEntry): Promise<void>;
  /** Newest first, then by id: an order `filter.after` can resume. */
  listSessions(filter: SessionFilter): Promise<SessionRecord[]>;
  listAudit(filter: { limit: number }): Promise<AuditRecord[]>;
  /** Drops replay keys kept past their token's expiry and leeway; returns how many. */
  purgeReplayKeys(now: Date): Promise<number>;
  /** Throws unless the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type SessionStatus = 'minting' | 'active' | 'revoked' | 'expired' | 'failed';
export type CloudProvider = 'aws' | 'gcp';

/** A session as the inventory holds it: who holds what, until when. Never a credential. */
export interface SessionRecord {
  id: string;
  /** The sessions of one exchange share it. */
  exchangeId: string;
  status: SessionStatus;
  issuer: string;
  repositoryId: string;
  ownerId: string;
  run: string | undefined;
  /** The job within the run, where the token names it (GitHub's check_run_id): the post step's revocation is scoped to it. */
  job?: string | undefined;
  rule: string;
  provider: CloudProvider;
  /** The role ARN or the service account. */
  target: string;
  /** AWS: the role session name. */
  sessionName: string | undefined;
  /** AWS: the SourceIdentity the session carries. */
  sourceIdentity: string | undefined;
  /** AWS: `AROA…:session-name`, what a per-session denial matches; known once minted. */
  assumedRoleId: string | undefined;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | undefined;
}

export type NewSession = Omit<SessionRecord, 'status' | 'assumedRoleId' | 'revokedAt'>;

export interface ExchangeClaim {
  /** tokenIdentity(claims): the issuer and jti. */
  tokenIdentity: string;
  /** The key is kept until then: the token's expiry plus the verifier's leeway. */
  keepUntil: Date;
  sessions: readonly NewSession[];
  audit: AuditEntry;
}

export type SessionOutcome = { id: string; status: 'active'; assumedRoleId: string | undefined; expiresAt: Date } | { id: string; status: 'failed' };

export interface SessionFilter {
  ids?: readonly string[] | undefined;
  issuer?: string | undefined;
  repositoryId?: string | undefined;
  ownerId?: string | undefined;
  run?: string | undefined;
  job?: string | undefined;
  rule?: string | undefined;
  statuses?: readonly SessionStatus[] | undefined;
  issuedBefore?: Date | undefined;
  issuedAfter?: Date | undefined;
  /** The clock that tells active from expired. */
  now: Date;
  limit?: number | undefined;
  /** A page's start: the sessions that come after this one in the listing's order (newest first, then by id). */
  after?: { issuedAt: Date; id: string } | undefined;
}

/** One line of the audit log: who did what, when, and how it ended. The token appears only as its SHA-256. */
export interface AuditEntry {
  at: Date;
  /** `list`: an operator read the inventory; who, with which filters. */
  action: 'exchange' | 'revoke' | 'list';
  outcome: string;
  issuer: string | undefined;
  subject: string | undefined;
  repositoryId: string | undefined;
  tokenSha256: string;
  sessionIds: readonly string[];
  /** Facts for people (rule, error code); no secret. */
  detail: Readonly<Record<string, string>>;
}

export interface AuditRecord extends AuditEntry {
  seq: number;
}

/** The token's replay key is already held: this token was used before. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
}
