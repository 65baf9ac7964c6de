import { sessionFromRow, type SessionRow } from './session-row.ts';
import pg from 'pg';
import { ServiceError, ServiceErrorCode } from '../service-error.ts';
import { ReplayError, type AuditEntry, type AuditRecord, type BrokerStore, type ExchangeClaim, type NewSession, type SessionFilter, type SessionOutcome, type SessionRecord } from './broker-store.ts';
import { GroupCommit, type WriteOutcome } from './group-commit.ts';
import { migratePostgres, POSTGRES_MIGRATIONS } from './postgres-migrations.ts';

const DEFAULT_LIST_LIMIT = 1000;
// An exchange waits this long at most for a connection, so that an outage answers 503 quickly instead
// of holding every request until the load balancer gives up.
const CONNECT_TIMEOUT_MS = 2000;
const STATEMENT_TIMEOUT_MS = 5000;
const POOL_SIZE = 10;
// SQLSTATE classes that say the database is out of reach or shutting down, not that the query is wrong:
// connection exception, insufficient resources, operator intervention, system error.
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);


interface AuditRow {
  seq: string;
  at: Date;
  action: AuditEntry['action'];
  outcome: string;
  issuer: string | null;
  subject: string | null;
  repository_id: string | null;
  token_sha256: string;
  session_ids: string[];
  detail: Record<string, string>;
}

/**
 * The store shared by several broker instances, in PostgreSQL: the replay key's primary key is what
 * refuses a token already exchanged on another instance. Each write that touches several rows is one
 * statement, hence one transaction, as on SQLite, and one round trip; the claims (and the completions)
 * of concurrent exchanges are group-committed, all in one statement, so that they share the round trip
 * and the commit's WAL flush. While the database is out of reach every call throws a 503 ServiceError, so nothing is issued
 * that is not recorded; the pool reconnects by itself once it is back.
 */
export class PostgresStore implements BrokerStore {
  readonly #pool: pg.Pool;
  readonly #claims = new GroupCommit<ExchangeClaim, void>((claims) => this.#claimTogether(claims));
  readonly #completions = new GroupCommit<{ outcomes: readonly SessionOutcome[]; audit: AuditEntry }, void>((completions) => this.#completeTogether(completions));
  #closed = false;

  private constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  /** Connects and brings the schema up to date; fails if the database does not answer. */
  static async open(url: string, options: { onIdleError?: (error: Error) => void } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, statement_timeout: STATEMENT_TIMEOUT_MS });
    // An idle connection that the server drops emits here; unheard, it would end the process.
    pool.on('error', options.onIdleError ?? (() => {}));
    try {
      const client = await pool.connect();
      try {
        await migratePostgres(client, POSTGRES_MIGRATIONS);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  claimExchange(claim: ExchangeClaim): Promise<void> {
    return this.#claims.add(claim);
  }

  completeExchange(outcomes: readonly SessionOutcome[], audit: AuditEntry): Promise<void> {
    return this.#completions.add({ outcomes, audit });
  }

  /**
   * The claims of one event-loop turn, in one statement. Sessions and audit rows are written only for
   * the keys that were new: ON CONFLICT leaves a second claim, even one racing on another instance,
   * with no key row and so with nothing.
   */
  async #claimTogether(claims: readonly ExchangeClaim[]): Promise<WriteOutcome<void>[]> {
    // A token claimed twice in one batch: the later claims are replays, whatever becomes of the first.
    const first = new Map<string, ExchangeClaim>();
    for (const claim of claims) if (!first.has(claim.tokenIdentity)) first.set(claim.tokenIdentity, claim);
    const unique = [...first.values()];
    const sessions = unique.flatMap((claim) => claim.sessions.map((session) => ({ key: claim.tokenIdentity, session })));
    const values: unknown[] = [];
    const param = parameters(values);
    const column = <K extends keyof NewSession>(name: K, type: string): string => `${param(sessions.map(({ session }) => session[name] ?? null))}::${type}[]`;
    const { rows } = await this.#query<{ token_identity: string }>(
      `WITH key AS (
         INSERT INTO replay_keys (token_identity, keep_until)
         SELECT * FROM unnest(${param(unique.map((c) => c.tokenIdentity))}::text[], ${param(unique.map((c) => c.keepUntil))}::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING token_identity
       ), new_sessions AS (
         INSERT INTO sessions (id, exchange_id, status, issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at)
         SELECT id, exchange_id, 'minting', issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at
         FROM unnest(${param(sessions.map(({ key }) => key))}::text[], ${column('id', 'text')}, ${column('exchangeId', 'text')}, ${column('issuer', 'text')}, ${column('repositoryId', 'text')}, ${column('ownerId', 'text')}, ${column('run', 'text')}, ${column('job', 'text')},
                     ${column('rule', 'text')}, ${column('provider', 'text')}, ${column('target', 'text')}, ${column('sessionName', 'text')}, ${column('sourceIdentity', 'text')},
                     ${column('issuedAt', 'timestamptz')}, ${column('expiresAt', 'timestamptz')})
           AS t (token_identity, id, exchange_id, issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at)
         WHERE t.token_identity IN (SELECT token_identity FROM key)
       ), audit AS (
         ${auditInsert(
           unique.map((c) => c.audit),
           param,
           unique.map((c) => c.tokenIdentity),
         )}
       )
       SELECT token_identity FROM key`,
      values,
      'claim',
    );
    const claimed = new Set(rows.map((row) => row.token_identity));
    return claims.map((claim) => (first.get(claim.tokenIdentity) === claim && claimed.has(claim.tokenIdentity) ? { value: undefined } : { error: new ReplayError('this token was already exchanged') }));
  }

  /** The completions of one event-loop turn, in one statement. */
  async #completeTogether(completions: ReadonlyArray<{ outcomes: readonly SessionOutcome[]; audit: AuditEntry }>): Promise<WriteOutcome<void>[]> {
    const outcomes = completions.flatMap((completion) => completion.outcomes);
    const active = outcomes.filter((o) => o.status === 'active');
    const values: unknown[] = [];
    const param = parameters(values);
    await this.#query(
      `WITH activated AS (
         UPDATE sessions SET status = 'active', assumed_role_id = o.assumed_role_id, expires_at = o.expires_at
         FROM unnest(${param(active.map((o) => o.id))}::text[], ${param(active.map((o) => o.assumedRoleId ?? null))}::text[], ${param(active.map((o) => o.expiresAt))}::timestamptz[]) AS o (id, assumed_role_id, expires_at)
         WHERE sessions.id = o.id AND sessions.status = 'minting'
       ), failed AS (
         UPDATE sessions SET status = 'failed' WHERE id = ANY(${param(outcomes.filter((o) => o.status === 'failed').map((o) => o.id))}::text[]) AND status = 'minting'
       )
       ${auditInsert(
         completions.map((c) => c.audit),
         param,
       )}`,
      values,
      'complete',
    );
    return completions.map(() => ({ value: undefined }));
  }

  async revokeSessions(ids: readonly string[], at: Date, audit: AuditEntry): Promise<void> {
    const values: unknown[] = [];
    const param = parameters(values);
    await this.#query(
      `WITH revoked AS (
         UPDATE sessions SET status = 'revoked', revoked_at = ${param(at)} WHERE id = ANY(${param(ids)}::text[]) AND status IN ('minting', 'active')
       )
       ${auditInsert([audit], param)}`,
      values,
      'revoke',
    );
  }

  async appendAudit(audit: AuditEntry): Promise<void> {
    const values: unknown[] = [];
    await this.#query(auditInsert([audit], parameters(values)), values, 'audit');
  }

  async listSessions(filter: SessionFilter): Promise<SessionRecord[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const param = parameters(values);
    if (filter.ids) where.push(`id = ANY(${param(filter.ids)}::text[])`);
    if (filter.issuer !== undefined) where.push(`issuer = ${param(filter.issuer)}`);
    if (filter.repositoryId !== undefined) where.push(`repository_id = ${param(filter.repositoryId)}`);
    if (filter.ownerId !== undefined) where.push(`owner_id = ${param(filter.ownerId)}`);
    if (filter.run !== undefined) where.push(`run = ${param(filter.run)}`);
    if (filter.job !== undefined) where.push(`job = ${param(filter.job)}`);
    if (filter.rule !== undefined) where.push(`rule = ${param(filter.rule)}`);
    if (filter.issuedBefore) where.push(`issued_at < ${param(filter.issuedBefore)}`);
    if (filter.issuedAfter) where.push(`issued_at >= ${param(filter.issuedAfter)}`);
    if (filter.after) {
      const issuedAt = param(filter.after.issuedAt);
      where.push(`(issued_at < ${issuedAt} OR (issued_at = ${issuedAt} AND id COLLATE "C" > ${param(filter.after.id)}))`);
    }
    if (filter.statuses) {
      // `expired` is not stored: it is an active session past its expiry, told apart at read time.
      const stored = filter.statuses.filter((s) => s !== 'expired' && s !== 'active');
      const alternatives = stored.length > 0 ? [`status = ANY(${param(stored)}::text[])`] : [];
      if (filter.statuses.includes('active')) alternatives.push(`(status = 'active' AND expires_at > ${param(filter.now)})`);
      if (filter.statuses.includes('expired')) alternatives.push(`(status = 'active' AND expires_at <= ${param(filter.now)})`);
      where.push(`(${alternatives.join(' OR ') || 'FALSE'})`);
    }
    const sql = `SELECT * FROM sessions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY issued_at DESC, id COLLATE "C" LIMIT ${param(filter.limit ?? DEFAULT_LIST_LIMIT)}`;
    // Ids compare byte by byte ("C"), as on SQLite, so that a page resumes where the last one ended.
    const { rows } = await this.#query<SessionRow<Date>>(sql, values);
    return rows.map((row) => sessionFromRow(row, filter.now));
  }

  async listAudit(filter: { limit: number }): Promise<AuditRecord[]> {
    const { rows } = await this.#query<AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1', [filter.limit]);
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      action: row.action,
      outcome: row.outcome,
      issuer: row.issuer ?? undefined,
      subject: row.subject ?? undefined,
      repositoryId: row.repository_id ?? undefined,
      tokenSha256: row.token_sha256,
      sessionIds: row.session_ids,
      detail: row.detail,
    }));
  }

  async purgeReplayKeys(now: Date): Promise<number> {
    const result = await this.#query('DELETE FROM replay_keys WHERE keep_until < $1', [now]);
    return result.rowCount ?? 0;
  }

  async ping(): Promise<void> {
    await this.#query('SELECT 1', []);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Accepted writes are committed, not dropped: their callers are waiting for the answer.
    await Promise.all([this.#claims.drain(), this.#completions.drain()]);
    await this.#pool.end();
  }

  /**
   * One statement, so one transaction; "out of reach" becomes the 503 every caller shows as such. A
   * named statement, whose text never changes, is parsed and planned once per connection, not per call.
   */
  async #query<R extends pg.QueryResultRow>(text: string, values: unknown[], name?: string): Promise<pg.QueryResult<R>> {
    try {
      return await this.#pool.query<R>({ text, values, ...(name && { name }) });
    } catch (error) {
      if (!unavailable(error)) throw error;
      throw new ServiceError(ServiceErrorCode.NotReady, 503, 'The broker’s database does not answer; nothing was issued.', {
        hint: 'Retry shortly, with a fresh token if this one expires; the operator sees the cause in the broker’s log and in GET /readyz.',
        retryAfterSeconds: 1,
      });
    }
  }
}

/** Appends each value to the statement's parameters and returns its placeholder. */
function parameters(values: unknown[]): (value: unknown) => string {
  return (value) => `$${values.push(value)}`;
}

/**
 * The audit rows' INSERT, with their values as array parameters of the statement it joins, in order.
 * With `claimedBy` (each row's token identity), only the rows whose key the statement's `key` step inserted.
 */
function auditInsert(entries: readonly AuditEntry[], param: (value: unknown) => string, claimedBy?: readonly string[]): string {
  const column = (pick: (entry: AuditEntry) => unknown, type: string): string => `${param(entries.map(pick))}::${type}[]`;
  const columns = [
    column((e) => e.at, 'timestamptz'),
    column((e) => e.action, 'text'),
    column((e) => e.outcome, 'text'),
    column((e) => e.issuer ?? null, 'text'),
    column((e) => e.subject ?? null, 'text'),
    column((e) => e.repositoryId ?? null, 'text'),
    column((e) => e.tokenSha256, 'text'),
    column((e) => JSON.stringify(e.sessionIds), 'text'),
    column((e) => JSON.stringify(e.detail), 'text'),
    ...(claimedBy ? [`${param(claimedBy)}::text[]`] : []),
  ];
  return `INSERT INTO audit_log (at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids, detail)
          SELECT at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids::jsonb, detail::jsonb
          FROM unnest(${columns.join(', ')}) WITH ORDINALITY AS a (at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids, detail${claimedBy ? ', token_identity' : ''}, n)
          ${claimedBy ? 'WHERE a.token_identity IN (SELECT token_identity FROM key)' : ''}
          ORDER BY n`;
}

/** True when the error says the database is out of reach, not that the statement was wrong. */
function unavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_CLASSES.has(code.slice(0, 2));
  // The socket's own codes (ECONNREFUSED, ECONNRESET), or pg's uncoded errors for a dropped connection or a timeout.
  if (typeof code === 'string' && code.startsWith('E')) return true;
  return error instanceof Error && /connection|terminated|timeout/i.test(error.message);
}
