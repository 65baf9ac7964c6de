import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from '@jest/globals';
import { migrate, SQLITE_MIGRATIONS } from '../../../../src/service/store/migrations.ts';
import { SqliteStore } from '../../../../src/service/store/sqlite-store.ts';
import { audit, describeStoreContract, later, session, T0 } from './store-contract.ts';

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
  expect(migrate(db, SQLITE_MIGRATIONS)).toEqual(SQLITE_MIGRATIONS.map((m) => m.version));
  expect(migrate(db, SQLITE_MIGRATIONS)).toEqual([]);
  expect(() => migrate(db, [...SQLITE_MIGRATIONS, { version: SQLITE_MIGRATIONS.length + 1, name: 'broken', sql: 'CREATE TABLE t (x); SELECT nonsense FROM nowhere;' }])).toThrow();
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toBeUndefined();
  expect(() => migrate(db, [])).toThrow(/newer than this broker knows/);
  db.close();
});

it('group-commits writes, each in a savepoint of its own: one that fails undoes only itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-store-'));
  const store = new SqliteStore(join(dir, 'broker.db'));
  try {
    await store.claimExchange({ tokenIdentity: 'k1', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed', ['s1']) });
    // k2 reuses session id s1, so its second insert fails after its replay key was written.
    const outcomes = await Promise.allSettled([
      store.claimExchange({ tokenIdentity: 'k2', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed', ['s1']) }),
      store.claimExchange({ tokenIdentity: 'k3', keepUntil: later(360), sessions: [session('s3')], audit: audit('exchange', 'claimed', ['s3']) }),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/UNIQUE constraint failed: sessions.id/) }) });
    expect(outcomes[1]).toMatchObject({ status: 'fulfilled' });
    // k2's key went with the rest of its write: the token can still be claimed.
    await store.claimExchange({ tokenIdentity: 'k2', keepUntil: later(360), sessions: [session('s2')], audit: audit('exchange', 'claimed', ['s2']) });
    expect((await store.listSessions({ now: T0 })).map((s) => s.id).sort()).toEqual(['s1', 's2', 's3']);
    expect((await store.listAudit({ limit: 10 })).map((row) => row.sessionIds[0])).toEqual(['s2', 's3', 's1']);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

it('commits the writes it accepted before it closes, and refuses writes after', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-store-'));
  const path = join(dir, 'broker.db');
  const store = new SqliteStore(path);
  try {
    const pending = store.appendAudit(audit('exchange', 'denied'));
    await store.close();
    await expect(pending).resolves.toBeUndefined();
    await expect(store.appendAudit(audit('exchange', 'denied'))).rejects.toThrow(/closed/);
    const reopened = new SqliteStore(path);
    expect(await reopened.listAudit({ limit: 10 })).toHaveLength(1);
    await reopened.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
