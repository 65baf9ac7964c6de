import type { PoolClient } from 'pg';
import type { Migration } from './migrations.ts';

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'replay keys, sessions, audit log',
    sql: `
      -- token_identity is tokenIdentity(): the issuer and jti as one unambiguous key.
      CREATE TABLE replay_keys (
        token_identity TEXT PRIMARY KEY,
        keep_until TIMESTAMPTZ NOT NULL
      );
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
        issued_at TIMESTAMPTZ NOT NULL,
        expires_at TIMESTAMPTZ NOT NULL,
        revoked_at TIMESTAMPTZ
      );
      CREATE INDEX sessions_run ON sessions (issuer, repository_id, run);
      CREATE INDEX sessions_repository ON sessions (repository_id, issued_at);
      CREATE INDEX sessions_owner ON sessions (owner_id, issued_at);
      CREATE INDEX sessions_minting ON sessions (issued_at) WHERE status = 'minting';

      CREATE TABLE audit_log (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at TIMESTAMPTZ NOT NULL,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL,
        issuer TEXT,
        subject TEXT,
        repository_id TEXT,
        token_sha256 TEXT NOT NULL,
        session_ids JSONB NOT NULL,
        detail JSONB NOT NULL
      );
      -- A trigger binds every role but a superuser who drops it, so the broker's own role cannot rewrite
      -- history even when it owns the table; TRUNCATE fires no row trigger, hence its own.
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `,
  },
  {
    version: 2,
    name: 'the job of a session, for revocation at job end',
    sql: `ALTER TABLE sessions ADD COLUMN job TEXT;`,
  },
];

// Any constant works, as long as every instance uses the same one: it names the migration lock.
const MIGRATION_LOCK = 0x0c1d0b70;

/**
 * Applies, in order and each in its own transaction, the migrations the database has not seen; returns
 * their versions. Instances starting together take turns on an advisory lock, so each migration runs once
 * and the later ones find it done.
 */
export async function migratePostgres(client: PoolClient, migrations: readonly Migration[]): Promise<number[]> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
    const current = rows[0]?.version ?? 0;
    const newest = Math.max(0, ...migrations.map((m) => m.version));
    if (current > newest) throw new Error(`the database is at schema version ${current}, newer than this broker knows (${newest}); upgrade the broker`);
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
