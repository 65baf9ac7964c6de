// What every BrokerStore must do, whatever holds it: each implementation's test file runs this suite
// against its own backend, so that SQLite and PostgreSQL answer the same calls the same way.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ReplayError, type AuditEntry, type BrokerStore, type NewSession } from '../../../../src/service/store/broker-store.ts';

export interface StoreBackend {
  store: BrokerStore;
  /** Runs SQL on the same database behind the store's back, as someone with direct access could. */
  raw(sql: string): Promise<void>;
  dispose(): Promise<void>;
}

export const T0 = new Date('2026-12-01T10:00:00Z');
export const later = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

export function session(id: string, extra: Partial<NewSession> = {}): NewSession {
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

export function audit(action: AuditEntry['action'], outcome: string, sessionIds: string[] = []): AuditEntry {
  return { at: T0, action, outcome, issuer: 'https://issuer', subject: 'repo:octo/app', repositoryId: '42', tokenSha256: 'ab'.repeat(32), sessionIds, detail: { rule: 'main' } };
}

export function describeStoreContract(name: string, open: () => Promise<StoreBackend>): void {
  describe(`${name}: the store contract`, () => {
    let backend: StoreBackend;
    let store: BrokerStore;
    beforeEach(async () => {
      backend = await open();
      store = backend.store;
    });
    afterEach(async () => {
      await backend.dispose();
    });

    it('claims a token once: the second claim is a replay and writes nothing', async () => {
      await store.claimExchange({ tokenIdentity: '["iss","j1"]', keepUntil: later(360), sessions: [session('s1')], audit: audit('exchange', 'claimed', ['s1']) });
      await expect(store.claimExchange({ tokenIdentity: '["iss","j1"]', keepUntil: later(360), sessions: [session('s2')], audit: audit('exchange', 'claimed', ['s2']) })).rejects.toBeInstanceOf(ReplayError);
      expect((await store.listSessions({ now: T0 })).map((s) => s.id)).toEqual(['s1']);
      expect(await store.listAudit({ limit: 10 })).toHaveLength(1);
    });

    it('lets only one of many simultaneous claims of one token through', async () => {
      const claims = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.claimExchange({ tokenIdentity: '["iss","race"]', keepUntil: later(360), sessions: [session(`r${i}`)], audit: audit('exchange', 'claimed', [`r${i}`]) })),
      );
      expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
      expect(claims.filter((c) => c.status === 'rejected').every((c) => c.reason instanceof ReplayError)).toBe(true);
      expect(await store.listSessions({ now: T0 })).toHaveLength(1);
      expect(await store.listAudit({ limit: 10 })).toHaveLength(1);
    });

    it('commits concurrent claims together, each caller hearing its own outcome: a token used before or twice in the batch is a replay', async () => {
      await store.claimExchange({ tokenIdentity: 'used', keepUntil: later(360), sessions: [session('u1')], audit: audit('exchange', 'claimed', ['u1']) });
      const claim = (key: string, id: string): Promise<void> => store.claimExchange({ tokenIdentity: key, keepUntil: later(360), sessions: [session(id)], audit: audit('exchange', 'claimed', [id]) });
      // Started in one turn of the event loop: one batch, one commit.
      const outcomes = await Promise.allSettled([claim('used', 'u2'), claim('b', 'b1'), claim('c', 'c1'), claim('b', 'b2')]);
      expect(outcomes.map((o) => (o.status === 'fulfilled' ? 'claimed' : o.reason instanceof ReplayError ? 'replay' : String(o.reason)))).toEqual(['replay', 'claimed', 'claimed', 'replay']);
      expect((await store.listSessions({ now: T0 })).map((s) => s.id).sort()).toEqual(['b1', 'c1', 'u1']);
      expect((await store.listAudit({ limit: 10 })).map((row) => row.sessionIds)).toEqual([['c1'], ['b1'], ['u1']]);
    });

    it('commits concurrent completions together, each with its audit row, in order', async () => {
      const ids = ['m0', 'm1', 'm2'];
      await Promise.all(ids.map((id) => store.claimExchange({ tokenIdentity: id, keepUntil: later(360), sessions: [session(id)], audit: audit('exchange', 'claimed', [id]) })));
      await Promise.all(ids.map((id, i) => store.completeExchange([i === 1 ? { id, status: 'failed' } : { id, status: 'active', assumedRoleId: `AROAX:${id}`, expiresAt: later(600) }], audit('exchange', i === 1 ? 'failed' : 'issued', [id]))));
      expect((await store.listSessions({ now: T0 })).map((s) => [s.id, s.status, s.assumedRoleId]).sort()).toEqual([
        ['m0', 'active', 'AROAX:m0'],
        ['m1', 'failed', undefined],
        ['m2', 'active', 'AROAX:m2'],
      ]);
      expect((await store.listAudit({ limit: 3 })).map((row) => [row.outcome, row.sessionIds[0]])).toEqual([
        ['issued', 'm2'],
        ['failed', 'm1'],
        ['issued', 'm0'],
      ]);
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
      expect(s1).toMatchObject({ status: 'active', assumedRoleId: 'AROAX:octo.app@100-1', issuedAt: T0, expiresAt: later(900), revokedAt: undefined });
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
      expect((await store.listSessions({ now: T0, issuedAfter: later(5), ownerId: '7', issuer: 'https://issuer', rule: 'main' })).map((s) => s.id)).toEqual(['s2']);
      expect((await store.listSessions({ now: T0, ids: [] }))).toEqual([]);
      expect((await store.listSessions({ now: T0, limit: 1 })).map((s) => s.id)).toEqual(['s2']);
      expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'revoke', outcome: 'revoked', sessionIds: ['s1'], detail: { rule: 'main' }, at: T0 });
    });

    it('pages the inventory newest first, then by id, resuming after a given session', async () => {
      const ids = ['p3', 'p1', 'p2', 'p0'];
      await store.claimExchange({ tokenIdentity: 'page', keepUntil: later(360), sessions: ids.map((id, i) => session(id, { issuedAt: later(i < 3 ? 10 : 0) })), audit: audit('exchange', 'claimed') });
      const first = await store.listSessions({ now: T0, limit: 2 });
      expect(first.map((s) => s.id)).toEqual(['p1', 'p2']);
      const last = first.at(-1)!;
      expect((await store.listSessions({ now: T0, after: { issuedAt: last.issuedAt, id: last.id } })).map((s) => s.id)).toEqual(['p3', 'p0']);
    });

    it('purges replay keys past their keep time, after which the token could be claimed again', async () => {
      await store.claimExchange({ tokenIdentity: 'old', keepUntil: later(60), sessions: [], audit: audit('exchange', 'claimed') });
      await store.claimExchange({ tokenIdentity: 'new', keepUntil: later(600), sessions: [], audit: audit('exchange', 'claimed') });
      expect(await store.purgeReplayKeys(later(61))).toBe(1);
      await store.claimExchange({ tokenIdentity: 'old', keepUntil: later(660), sessions: [], audit: audit('exchange', 'claimed') });
      await expect(store.claimExchange({ tokenIdentity: 'new', keepUntil: later(600), sessions: [], audit: audit('exchange', 'claimed') })).rejects.toBeInstanceOf(ReplayError);
    });

    it('numbers audit rows in order and keeps the log append-only, even for someone with direct access', async () => {
      await store.appendAudit(audit('exchange', 'denied'));
      await store.appendAudit(audit('exchange', 'replayed'));
      await expect(backend.raw("UPDATE audit_log SET outcome = 'issued'")).rejects.toThrow(/append-only/);
      await expect(backend.raw('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      const rows = await store.listAudit({ limit: 10 });
      expect(rows.map((row) => row.outcome)).toEqual(['replayed', 'denied']);
      expect(rows[0]!.seq).toBeGreaterThan(rows[1]!.seq);
    });

    it('answers ping while open', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
