import { expect, it } from '@jest/globals';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, migratePostgres } from '../../../../src/service/store/postgres-migrations.ts';
import { PostgresStore } from '../../../../src/service/store/postgres-store.ts';
import { createDatabase, POSTGRES_URL_ENV, sharedServerUrl } from '../../../setup/servers.ts';
import { ReplayError } from '../../../../src/service/store/broker-store.ts';
import { audit, describeStoreContract, later, session, T0 } from './store-contract.ts';

const adminUrl = sharedServerUrl(POSTGRES_URL_ENV);

describeStoreContract('PostgresStore', async () => {
  const url = await createDatabase(adminUrl);
  const store = await PostgresStore.open(url);
  return {
    store,
    raw: async (sql) => {
      const client = new pg.Client(url);
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    dispose: () => store.close(),
  };
});

it('refuses TRUNCATE on the audit log too, which no row trigger sees', async () => {
  const url = await createDatabase(adminUrl);
  await (await PostgresStore.open(url)).close();
  const client = new pg.Client(url);
  await client.connect();
  try {
    await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  } finally {
    await client.end();
  }
});

it('migrates an empty database once when several instances start together', async () => {
  const url = await createDatabase(adminUrl);
  const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(url)));
  await Promise.all(stores.map((store) => store.close()));
  const client = new pg.Client(url);
  await client.connect();
  try {
    expect((await client.query('SELECT version FROM schema_migrations')).rows).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })));
  } finally {
    await client.end();
  }
});

it('applies each migration in a transaction, and refuses a database newer than it knows', async () => {
  const pool = new pg.Pool({ connectionString: await createDatabase(adminUrl), max: 1 });
  const client = await pool.connect();
  try {
    expect(await migratePostgres(client, POSTGRES_MIGRATIONS)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
    expect(await migratePostgres(client, POSTGRES_MIGRATIONS)).toEqual([]);
    await expect(migratePostgres(client, [...POSTGRES_MIGRATIONS, { version: POSTGRES_MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE t (x int); SELECT nonsense FROM nowhere;' }])).rejects.toThrow();
    expect((await client.query("SELECT to_regclass('t') AS t")).rows).toEqual([{ t: null }]);
    await expect(migratePostgres(client, [])).rejects.toThrow(/newer than this broker knows/);
  } finally {
    client.release();
    await pool.end();
  }
});

it('group-commits concurrent claims in one statement: if it fails, every claim of the batch fails and leaves nothing', async () => {
  const store = await PostgresStore.open(await createDatabase(adminUrl));
  try {
    await store.claimExchange({ tokenIdentity: 'k1', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed', ['s1']) });
    // k2 reuses session id s1: the batch's one statement fails, k3 with it.
    const outcomes = await Promise.allSettled([
      store.claimExchange({ tokenIdentity: 'k2', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed', ['s1']) }),
      store.claimExchange({ tokenIdentity: 'k3', keepUntil: later(360), sessions: [session('s3')], audit: audit('exchange', 'claimed', ['s3']) }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(outcomes.every((o) => o.status === 'rejected' && !(o.reason instanceof ReplayError))).toBe(true);
    // Neither key was kept, so neither token counts as used.
    await Promise.all(['k2', 'k3'].map((key) => store.claimExchange({ tokenIdentity: key, keepUntil: later(360), sessions: [session(`${key}-s`)], audit: audit('exchange', 'claimed', [`${key}-s`]) })));
    expect((await store.listSessions({ now: T0 })).map((s) => s.id).sort()).toEqual(['k2-s', 'k3-s', 's1']);
    expect(await store.listAudit({ limit: 10 })).toHaveLength(3);
  } finally {
    await store.close();
  }
});
