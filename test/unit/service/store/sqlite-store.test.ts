import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from '@jest/globals';
import { migrate, SQLITE_MIGRATIONS } from '../../../../src/service/store/migrations.ts';
import { SqliteStore } from '../../../../src/service/store/sqlite-store.ts';
import { describeStoreContract } from './store-contract.ts';

describeStoreContract('SqliteStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-store-'));
  const store = new SqliteStore(join(dir, 'broker.db'));
  return {
    store,
    raw: async (sql) => {
      const db = new DatabaseSync(join(dir, 'broker.db'));
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

it('applies each migration once, in a transaction, and refuses a database newer than it knows', () => {
  const db = new DatabaseSync(':memory:');
  expect(migrate(db, SQLITE_MIGRATIONS)).toEqual([1]);
  expect(migrate(db, SQLITE_MIGRATIONS)).toEqual([]);
  expect(() => migrate(db, [...SQLITE_MIGRATIONS, { version: 2, name: 'broken', sql: 'CREATE TABLE t (x); SELECT nonsense FROM nowhere;' }])).toThrow();
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toBeUndefined();
  expect(() => migrate(db, [])).toThrow(/newer than this broker knows/);
  db.close();
});
