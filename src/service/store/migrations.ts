import type { DatabaseSync } from 'node:sqlite';

/** One step of the schema. Released migrations are never edited: a change is a new one. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'replay keys, sessions, audit log',
    sql: `
      CREATE TABLE replay_keys (
        token_identity TEXT PRIMARY KEY,
        keep_until INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX replay_keys_keep_until ON replay_keys (keep_until);

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        exchange_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('minting', 'active', 'revoked', 'failed')),
        issuer TEXT NOT NULL,
        repository_id TEXT NOT NULL,
        owner_id TEXT NOT NULL,
        run TEXT,
        rule TEXT NOT NULL,
        provider TEXT NOT NULL CHECK (provider IN ('aws', 'gcp')),
        target TEXT NOT NULL,
        session_name TEXT,
        source_identity TEXT,
        assumed_role_id TEXT,
        issued_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER
      );
      CREATE INDEX sessions_run ON sessions (issuer, repository_id, run);
      CREATE INDEX sessions_repository ON sessions (repository_id, issued_at);
      CREATE INDEX sessions_owner ON sessions (owner_id, issued_at);

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        issuer TEXT,
        subject TEXT,
        repository_id TEXT,
        token_sha256 TEXT NOT NULL,
        session_ids TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'the job of a session, for revocation at job end',
    sql: `ALTER TABLE sessions ADD COLUMN job TEXT;`,
  },
];

/** Applies, in order and each in its own transaction, the migrations the database has not seen; returns their versions. */
export function migrate(db: DatabaseSync, migrations: readonly Migration[]): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
  const current = row.version ?? 0;
  const newest = Math.max(0, ...migrations.map((m) => m.version));
  if (current > newest) throw new Error(`the database is at schema version ${current}, newer than this broker knows (${newest}); upgrade the broker`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
    applied.push(migration.version);
  }
  return applied;
}
