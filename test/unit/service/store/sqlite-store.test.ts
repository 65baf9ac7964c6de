import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ReplayError, type AuditEntry, type NewSession } from '../../../../src/service/store/broker-store.ts';
import { migrate, SQLITE_MIGRATIONS } from '../../../../src/service/store/migrations.ts';
import { SqliteStore } from '../../../../src/service/store/sqlite-store.ts';

const T0 = new Date('2026-12-01T10:00:00Z');
const later = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

function session(id: string, extra: Partial<NewSession> = {}): NewSession {
  return {
    id,
    exchangeId: `x-${id}`,
    issuer: 'https://issuer',
    repositoryId: '42',
    ownerId: '7',
    run: '100/1',
    rule: 'main',
    provider: 'aws',
    target: 'arn:aws:iam::111122223333:role/deploy',
    sessionName: 'octo.app@100-1',
    sourceIdentity: '42@100_1',
    issuedAt: T0,
    expiresAt: later(900),
    ...extra,
  };
}

function audit(action: AuditEntry['action'], outcome: string, sessionIds: string[] = []): AuditEntry {
  return { at: T0, action, outcome, issuer: 'https://issuer', subject: 'repo:octo/app', repositoryId: '42', tokenSha256: 'ab'.repeat(32), sessionIds, detail: { rule: 'main' } };
}

describe('SqliteStore', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'broker-store-'));
    store = new SqliteStore(join(dir, 'broker.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('claims a token once: the second claim is a replay and writes nothing', async () => {
    await store.claimExchange({ tokenIdentity: '["iss","j1"]', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed', ['s1']) });
    await expect(store.claimExchange({ tokenIdentity: '["iss","j1"]', keepUntil: later(360), sessions: [session('s2')], audit: audit('exchange', 'claimed', ['s2']) })).rejects.toBeInstanceOf(ReplayError);
    expect((await store.listSessions({ now: T0 })).map((s) => s.id)).toEqual(['s1']);
    expect(await store.listAudit({ limit: 10 })).toHaveLength(1);
  });

  it('leaves a claimed session in status minting until the exchange completes: an orphan is visible', async () => {
    await store.claimExchange({ tokenIdentity: 'k', keepUntil: later(360), sessions: [session('s1'), session('s2', { provider: 'gcp', target: 'sa@p.iam.gserviceaccount.com' })], audit: audit('exchange', 'claimed') });
    expect((await store.listSessions({ now: T0, statuses: ['minting'] })).map((s) => s.id).sort()).toEqual(['s1', 's2']);
    await store.completeExchange(
      [
        { id: 's1', status: 'active', assumedRoleId: 'AROAX:octo.app@100-1', expiresAt: later(900) },
        { id: 's2', status: 'failed' },
      ],
      audit('exchange', 'issued', ['s1']),
    );
    const [s1] = await store.listSessions({ now: T0, ids: ['s1'] });
    expect(s1).toMatchObject({ status: 'active', assumedRoleId: 'AROAX:octo.app@100-1' });
    expect((await store.listSessions({ now: T0, statuses: ['failed'] })).map((s) => s.id)).toEqual(['s2']);
    expect((await store.listSessions({ now: later(901), statuses: ['expired'] })).map((s) => s.id)).toEqual(['s1']);
    expect(await store.listSessions({ now: later(901), statuses: ['active'] })).toEqual([]);
  });

  it('revokes sessions with the audit row that says who asked, and filters the inventory', async () => {
    await store.claimExchange({ tokenIdentity: 'a', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed') });
    await store.claimExchange({ tokenIdentity: 'b', keepUntil: later(360), sessions: [session('s2', { repositoryId: '43', run: '200/1', issuedAt: later(10) })], audit: audit('exchange', 'claimed') });
    await store.completeExchange([{ id: 's1', status: 'active', assumedRoleId: undefined, expiresAt: later(900) }], audit('exchange', 'issued'));
    await store.revokeSessions(['s1'], later(60), audit('revoke', 'revoked', ['s1']));
    expect(await store.listSessions({ now: T0, repositoryId: '42' })).toEqual([expect.objectContaining({ id: 's1', status: 'revoked', revokedAt: later(60) })]);
    expect((await store.listSessions({ now: T0, run: '200/1' })).map((s) => s.id)).toEqual(['s2']);
    expect((await store.listSessions({ now: T0, issuedBefore: later(5) })).map((s) => s.id)).toEqual(['s1']);
    expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'revoke', outcome: 'revoked', sessionIds: ['s1'], detail: { rule: 'main' } });
  });

  it('purges replay keys past their keep time, after which the token could be claimed again', async () => {
    await store.claimExchange({ tokenIdentity: 'old', keepUntil: later(60), sessions: [], audit: audit('exchange', 'claimed') });
    await store.claimExchange({ tokenIdentity: 'new', keepUntil: later(600), sessions: [], audit: audit('exchange', 'claimed') });
    expect(await store.purgeReplayKeys(later(61))).toBe(1);
    await store.claimExchange({ tokenIdentity: 'old', keepUntil: later(660), sessions: [], audit: audit('exchange', 'claimed') });
    await expect(store.claimExchange({ tokenIdentity: 'new', keepUntil: later(600), sessions: [], audit: audit('exchange', 'claimed') })).rejects.toBeInstanceOf(ReplayError);
  });

  it('keeps the audit log append-only, even for someone with the file', async () => {
    await store.appendAudit(audit('exchange', 'denied'));
    await store.close();
    const db = new DatabaseSync(join(dir, 'broker.db'));
    expect(() => db.exec("UPDATE audit_log SET outcome = 'issued'")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    db.close();
    store = new SqliteStore(join(dir, 'broker.db'));
    expect(await store.listAudit({ limit: 10 })).toHaveLength(1);
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

  it('answers ping while open', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
