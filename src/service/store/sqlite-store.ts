import { sessionFromRow, type SessionRow } from './session-row.ts';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { ReplayError, type AuditEntry, type AuditRecord, type BrokerStore, type ExchangeClaim, type SessionFilter, type SessionOutcome, type SessionRecord } from './broker-store.ts';
import type { StoreDurability } from '../config.ts';
import { GroupCommit, type WriteOutcome } from './group-commit.ts';
import { migrate, SQLITE_MIGRATIONS } from './migrations.ts';

// SQLite's extended result code for a PRIMARY KEY that is already taken.
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555;
const DEFAULT_LIST_LIMIT = 1000;


interface AuditRow {
  seq: number;
  at: number;
  action: AuditEntry['action'];
  outcome: string;
  issuer: string | null;
  subject: string | null;
  repository_id: string | null;
  token_sha256: string;
  session_ids: string;
  detail: string;
}

/**
 * The store on one machine, in one SQLite file through node:sqlite. Calls are synchronous underneath,
 * which is what makes each write atomic within the process; WAL lets readers run beside the writer.
 * A commit always survives a crash of the broker; with `full` durability, a power cut too.
 *
 * Writes are group-committed: those of one event-loop turn share one transaction, hence one fsync
 * (about a millisecond on a local disk, during which the loop stands still), each in a savepoint of its
 * own so that one failing undoes only itself.
 */
export class SqliteStore implements BrokerStore {
  readonly #db: DatabaseSync;
  readonly #insertKey: StatementSync;
  readonly #insertSession: StatementSync;
  readonly #activate: StatementSync;
  readonly #fail: StatementSync;
  readonly #revoke: StatementSync;
  readonly #insertAudit: StatementSync;
  readonly #purge: StatementSync;
  readonly #batch: { begin: StatementSync; savepoint: StatementSync; release: StatementSync; undo: StatementSync; commit: StatementSync; rollback: StatementSync };
  readonly #writes = new GroupCommit<() => unknown, unknown>((writes) => this.#commitTogether(writes));
  #closing: Promise<void> | undefined;

  constructor(path: string, durability: StoreDurability = 'full') {
    this.#db = new DatabaseSync(path);
    this.#db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}; PRAGMA busy_timeout = 5000`);
    migrate(this.#db, SQLITE_MIGRATIONS);
    this.#insertKey = this.#db.prepare('INSERT INTO replay_keys (token_identity, keep_until) VALUES (?, ?)');
    this.#insertSession = this.#db.prepare(
      `INSERT INTO sessions (id, exchange_id, status, issuer, repository_id, owner_id, run, job, rule, provider, target, session_name, source_identity, issued_at, expires_at)
       VALUES (?, ?, 'minting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#activate = this.#db.prepare("UPDATE sessions SET status = 'active', assumed_role_id = ?, expires_at = ? WHERE id = ? AND status = 'minting'");
    this.#fail = this.#db.prepare("UPDATE sessions SET status = 'failed' WHERE id = ? AND status = 'minting'");
    this.#revoke = this.#db.prepare("UPDATE sessions SET status = 'revoked', revoked_at = ? WHERE id = ? AND status IN ('minting', 'active')");
    this.#insertAudit = this.#db.prepare(
      'INSERT INTO audit_log (at, action, outcome, issuer, subject, repository_id, token_sha256, session_ids, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.#purge = this.#db.prepare('DELETE FROM replay_keys WHERE keep_until < ?');
    const prepare = (sql: string): StatementSync => this.#db.prepare(sql);
    this.#batch = { begin: prepare('BEGIN IMMEDIATE'), savepoint: prepare('SAVEPOINT write'), release: prepare('RELEASE write'), undo: prepare('ROLLBACK TO write'), commit: prepare('COMMIT'), rollback: prepare('ROLLBACK') };
  }

  async claimExchange(claim: ExchangeClaim): Promise<void> {
    await this.#write(() => {
      try {
        this.#insertKey.run(claim.tokenIdentity, claim.keepUntil.getTime());
      } catch (error) {
        if ((error as { errcode?: number }).errcode === SQLITE_CONSTRAINT_PRIMARYKEY) throw new ReplayError('this token was already exchanged');
        throw error;
      }
      for (const s of claim.sessions) {
        this.#insertSession.run(s.id, s.exchangeId, s.issuer, s.repositoryId, s.ownerId, s.run ?? null, s.job ?? null, s.rule, s.provider, s.target, s.sessionName ?? null, s.sourceIdentity ?? null, s.issuedAt.getTime(), s.expiresAt.getTime());
      }
      this.#audit(claim.audit);
    });
  }

  async completeExchange(outcomes: readonly SessionOutcome[], audit: AuditEntry): Promise<void> {
    await this.#write(() => {
      for (const outcome of outcomes) {
        if (outcome.status === 'active') this.#activate.run(outcome.assumedRoleId ?? null, outcome.expiresAt.getTime(), outcome.id);
        else this.#fail.run(outcome.id);
      }
      this.#audit(audit);
    });
  }

  async revokeSessions(ids: readonly string[], at: Date, audit: AuditEntry): Promise<void> {
    await this.#write(() => {
      for (const id of ids) this.#revoke.run(at.getTime(), id);
      this.#audit(audit);
    });
  }

  async appendAudit(audit: AuditEntry): Promise<void> {
    await this.#write(() => this.#audit(audit));
  }

  async listSessions(filter: SessionFilter): Promise<SessionRecord[]> {
    const where: string[] = [];
    const values: SQLInputValue[] = [];
    const add = (clause: string, ...args: SQLInputValue[]): void => {
      where.push(clause);
      values.push(...args);
    };
    const now = filter.now.getTime();
    if (filter.ids) add(`id IN (${filter.ids.map(() => '?').join(', ') || 'NULL'})`, ...filter.ids);
    if (filter.issuer !== undefined) add('issuer = ?', filter.issuer);
    if (filter.repositoryId !== undefined) add('repository_id = ?', filter.repositoryId);
    if (filter.ownerId !== undefined) add('owner_id = ?', filter.ownerId);
    if (filter.run !== undefined) add('run = ?', filter.run);
    if (filter.job !== undefined) add('job = ?', filter.job);
    if (filter.rule !== undefined) add('rule = ?', filter.rule);
    if (filter.issuedBefore) add('issued_at < ?', filter.issuedBefore.getTime());
    if (filter.issuedAfter) add('issued_at >= ?', filter.issuedAfter.getTime());
    if (filter.after) add('(issued_at < ? OR (issued_at = ? AND id > ?))', filter.after.issuedAt.getTime(), filter.after.issuedAt.getTime(), filter.after.id);
    if (filter.statuses) {
      // `expired` is not stored: it is an active session past its expiry, told apart at read time.
      const stored = filter.statuses.filter((s) => s !== 'expired' && s !== 'active');
      const alternatives = [...(stored.length > 0 ? [`status IN (${stored.map(() => '?').join(', ')})`] : [])];
      values.push(...stored);
      if (filter.statuses.includes('active')) alternatives.push(`(status = 'active' AND expires_at > ${now})`);
      if (filter.statuses.includes('expired')) alternatives.push(`(status = 'active' AND expires_at <= ${now})`);
      where.push(`(${alternatives.join(' OR ') || 'FALSE'})`);
    }
    const sql = `SELECT * FROM sessions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY issued_at DESC, id LIMIT ${filter.limit ?? DEFAULT_LIST_LIMIT}`;
    return (this.#db.prepare(sql).all(...values) as unknown as SessionRow<number>[]).map((row) => sessionFromRow(withDates(row), new Date(now)));
  }

  async listAudit(filter: { limit: number }): Promise<AuditRecord[]> {
    const rows = this.#db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(filter.limit) as unknown as AuditRow[];
    return rows.map((row) => ({
      seq: row.seq,
      at: new Date(row.at),
      action: row.action,
      outcome: row.outcome,
      issuer: row.issuer ?? undefined,
      subject: row.subject ?? undefined,
      repositoryId: row.repository_id ?? undefined,
      tokenSha256: row.token_sha256,
      sessionIds: JSON.parse(row.session_ids) as string[],
      detail: JSON.parse(row.detail) as Record<string, string>,
    }));
  }

  async purgeReplayKeys(now: Date): Promise<number> {
    return this.#write(() => Number(this.#purge.run(now.getTime()).changes));
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  close(): Promise<void> {
    // Writes already accepted are committed, not dropped: their callers are waiting for the answer.
    this.#closing ??= this.#writes.drain().then(() => this.#db.close());
    return this.#closing;
  }

  #audit(entry: AuditEntry): void {
    this.#insertAudit.run(
      entry.at.getTime(),
      entry.action,
      entry.outcome,
      entry.issuer ?? null,
      entry.subject ?? null,
      entry.repositoryId ?? null,
      entry.tokenSha256,
      JSON.stringify(entry.sessionIds),
      JSON.stringify(entry.detail),
    );
  }

  /** Queues `work` for the next group commit; settles once that commit has returned. */
  #write<T>(work: () => T): Promise<T> {
    if (this.#closing) return Promise.reject(new Error('the broker store is closed'));
    return this.#writes.add(work) as Promise<T>;
  }

  #commitTogether(writes: ReadonlyArray<() => unknown>): WriteOutcome<unknown>[] {
    const outcomes: WriteOutcome<unknown>[] = [];
    try {
      this.#batch.begin.run();
      for (const work of writes) {
        this.#batch.savepoint.run();
        try {
          outcomes.push({ value: work() });
          this.#batch.release.run();
        } catch (error) {
          this.#batch.undo.run();
          this.#batch.release.run();
          outcomes.push({ error });
        }
      }
      this.#batch.commit.run();
    } catch (error) {
      if (this.#db.isTransaction) this.#batch.rollback.run();
      throw error;
    }
    return outcomes;
  }
}

// SQLite keeps times as epoch milliseconds.
function withDates(row: SessionRow<number>): SessionRow<Date> {
  return { ...row, issued_at: new Date(row.issued_at), expires_at: new Date(row.expires_at), revoked_at: row.revoked_at === null ? null : new Date(row.revoked_at) };
}
