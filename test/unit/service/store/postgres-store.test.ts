import { expect, it } from '@jest/globals';
import pg from 'pg';
import { POSTGRES_MIGRATIONS, migratePostgres } from '../../../../src/service/store/postgres-migrations.ts';
import { PostgresStore } from '../../../../src/service/store/postgres-store.ts';
import { createDatabase, POSTGRES_URL_ENV, sharedServerUrl } from '../../../setup/servers.ts';
import { describeStoreContract } from './store-contract.ts';

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
    expect((await client.query('SELECT version FROM schema_migrations')).rows).toEqual([{ version: 1 }]);
  } finally {
    await client.end();
  }
});

it('applies each migration in a transaction, and refuses a database newer than it knows', async () => {
  const pool = new pg.Pool({ connectionString: await createDatabase(adminUrl), max: 1 });
  const client = await pool.connect();
  try {
    expect(await migratePostgres(client, POSTGRES_MIGRATIONS)).toEqual([1]);
    expect(await migratePostgres(client, POSTGRES_MIGRATIONS)).toEqual([]);
    await expect(migratePostgres(client, [...POSTGRES_MIGRATIONS, { version: 2, name: 'broken', sql: 'CREATE TABLE t (x int); SELECT nonsense FROM nowhere;' }])).rejects.toThrow();
    expect((await client.query("SELECT to_regclass('t') AS t")).rows).toEqual([{ t: null }]);
    await expect(migratePostgres(client, [])).rejects.toThrow(/newer than this broker knows/);
  } finally {
    client.release();
    await pool.end();
  }
});
