import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { VerifiedClaims } from '../../../src/oidc/verify.ts';
import { revokeBySelector } from '../../../src/service/revoke.ts';
import { ServiceErrorCode } from '../../../src/service/service-error.ts';
import type { NewSession } from '../../../src/service/store/broker-store.ts';
import { AUDIENCE, DEPLOY, OPERATOR_REPOSITORY, startBrokerFixture, type BrokerFixture } from './broker-fixture.ts';

describe('the operator API', () => {
  let broker: BrokerFixture;
  beforeEach(async () => {
    broker = await startBrokerFixture();
  });
  afterEach(async () => {
    await broker.close();
  });

  const job = (claims: Record<string, unknown> = {}) => broker.issuer.mint({ audience: AUDIENCE, claims });
  const operator = (claims: Record<string, unknown> = {}) => job({ repository: OPERATOR_REPOSITORY, repository_id: '777', sub: `repo:${OPERATOR_REPOSITORY}:ref:refs/heads/main`, ...claims });
  const exchange = async (token: string, body: object = { aws: {}, gcp: {} }) => broker.app.inject({ method: 'POST', url: '/v1/exchange', headers: { authorization: `Bearer ${token}` }, payload: body });
  const sessions = async (token: string, query = '') => broker.app.inject({ method: 'GET', url: `/v1/sessions${query}`, headers: { authorization: `Bearer ${token}` } });
  const revoke = async (token: string, body: object) => broker.app.inject({ method: 'POST', url: '/v1/revoke', headers: { authorization: `Bearer ${token}` }, payload: body });

  it('refuses a token no operator entry matches with 403: no inventory, nothing revoked, the attempt audited', async () => {
    await exchange(await job());
    // A job whose token the rules admit is still no operator; nor is the operators' repository on another branch.
    for (const token of [await job(), await operator({ ref: 'refs/heads/dev' })]) {
      const listed = await sessions(token);
      expect([listed.statusCode, listed.json().error.code, listed.json().sessions]).toEqual([403, ServiceErrorCode.OperatorNotAuthorized, undefined]);
      const revoked = await revoke(token, { selector: { repositoryId: '8429' } });
      expect([revoked.statusCode, revoked.json().error.code]).toEqual([403, ServiceErrorCode.OperatorNotAuthorized]);
    }
    expect(broker.denials).toEqual([]);
    expect((await broker.deps.store.listSessions({ now: new Date() })).map((s) => s.status)).toEqual(['active', 'active']);
    expect((await broker.deps.store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'revoke', outcome: 'refused', sessionIds: [] });
  });

  it('audits every read of the inventory, granted or refused: who, with which filters, how many sessions', async () => {
    await exchange(await job({ check_run_id: '4242' }));
    const token = await operator();
    const page = await sessions(token, '?repositoryId=8429&status=active&limit=5');
    expect(page.statusCode).toBe(200);
    // The inventory shows the job each session was issued to, which its end revokes.
    expect(page.json().sessions.map((s: { job?: string }) => s.job)).toEqual(['4242', '4242']);
    const [listed] = await broker.deps.store.listAudit({ limit: 1 });
    expect(listed).toMatchObject({ action: 'list', outcome: 'listed', subject: `repo:${OPERATOR_REPOSITORY}:ref:refs/heads/main`, repositoryId: '8429', tokenSha256: expect.stringMatching(/^[0-9a-f]{64}$/), sessionIds: [] });
    expect(listed!.detail).toEqual({ requestedBy: 'operator', operator: 'incident-response', filters: expect.any(String), sessions: '2' });
    expect(JSON.parse(listed!.detail.filters!)).toEqual({ repositoryId: '8429', status: 'active', limit: '5' });

    const stranger = await job();
    expect((await sessions(stranger, '?ownerId=1342004')).statusCode).toBe(403);
    const [refused] = await broker.deps.store.listAudit({ limit: 1 });
    expect(refused).toMatchObject({ action: 'list', outcome: 'refused', subject: 'repo:octo-org/app:environment:production', detail: { requestedBy: 'operator', code: ServiceErrorCode.OperatorNotAuthorized } });
    // The audit names the token by its digest only.
    expect(JSON.stringify(await broker.deps.store.listAudit({ limit: 10 }))).not.toContain(stranger);
  });

  it('refuses every operator when the policy has no operators section: there is no admin secret', async () => {
    await broker.close();
    broker = await startBrokerFixture({ operators: false });
    expect((await sessions(await operator())).statusCode).toBe(403);
  });

  it('lists the inventory filtered by repository, owner, rule, status and time, a bounded page at a time', async () => {
    await exchange(await job());
    await exchange(await job({ repository_id: '9000', run_id: '2' }), { aws: {} });
    const token = await operator();
    const all = (await sessions(token)).json();
    expect(all.sessions).toHaveLength(3);
    expect(all.sessions[0]).toEqual(expect.objectContaining({ status: 'active', rule: 'deploy', ownerId: '1342004', issuedAt: expect.any(String), expiresAt: expect.any(String) }));
    expect(JSON.stringify(all)).not.toMatch(/secret|token-|ya29/);
    const ids = (query: string) => sessions(token, query).then((r) => r.json().sessions.map((s: { repositoryId: string; provider: string }) => `${s.repositoryId}/${s.provider}`).sort());
    expect(await ids('?repositoryId=9000')).toEqual(['9000/aws']);
    expect(await ids('?ownerId=1342004&rule=deploy&status=active,revoked')).toHaveLength(3);
    expect(await ids('?ownerId=other')).toEqual([]);
    expect(await ids('?status=revoked')).toEqual([]);
    expect(await ids(`?issuedAfter=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect(await ids(`?issuedBefore=${new Date(Date.now() + 60_000).toISOString()}`)).toHaveLength(3);

    const first = (await sessions(token, '?limit=2')).json();
    expect(first.sessions).toHaveLength(2);
    const second = (await sessions(token, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ sessions: [expect.any(Object)] });
    expect(new Set([...first.sessions, ...second.sessions].map((s: { sessionId: string }) => s.sessionId)).size).toBe(3);

    for (const query of ['?limit=501', '?limit=0', '?limit=ten', '?status=gone', '?issuedAfter=yesterday', '?cursor=bm90LWEtY3Vyc29y', '?admin=1']) {
      const refused = await sessions(token, query);
      expect([query, refused.statusCode, refused.json().error.code]).toEqual([query, 400, ServiceErrorCode.RequestInvalid]);
    }
  });

  it('revokes a repository by selector: one tagged denial per role, Google cleared only, another repository untouched, the operator audited', async () => {
    const target = await exchange(await job());
    await exchange(await job({ run_id: '2' }), { aws: {} });
    const other = await exchange(await job({ repository_id: '9000', run_id: '3' }), { aws: {} });
    const token = await operator();
    const response = await revoke(token, { selector: { repositoryId: '8429' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.sessions.map((s: { provider: string; outcome: string }) => `${s.provider}:${s.outcome}`).sort()).toEqual(['aws:denied', 'aws:denied', 'gcp:cleared-only']);
    expect(body.denials).toEqual([{ target: DEPLOY, outcome: 'denied', policyName: expect.stringMatching(/^ci-oidc-broker-deny-tagged-/), detail: expect.any(String) }]);
    // One policy for every session of the repository, on the tag the broker set (the sandbox issuer may be any CI system: one statement each).
    expect(broker.denials).toHaveLength(1);
    const statements = broker.denials[0]!.denial.document.Statement;
    expect(statements.map((s) => s.Condition.StringEquals)).toContainEqual({ 'aws:PrincipalTag/repository_id': '8429' });
    expect(statements.every((s) => typeof s.Condition.DateLessThan?.['aws:TokenIssueTime'] === 'string')).toBe(true);

    const now = new Date();
    expect((await broker.deps.store.listSessions({ now, repositoryId: '8429' })).map((s) => s.status)).toEqual(['revoked', 'revoked', 'revoked']);
    expect((await broker.deps.store.listSessions({ now, ids: [other.json().aws.sessionId] }))[0]?.status).toBe('active');
    const [audit] = await broker.deps.store.listAudit({ limit: 1 });
    expect(audit).toMatchObject({ action: 'revoke', outcome: 'revoked', subject: `repo:${OPERATOR_REPOSITORY}:ref:refs/heads/main`, repositoryId: '8429', tokenSha256: expect.stringMatching(/^[0-9a-f]{64}$/), detail: { requestedBy: 'operator', operator: 'incident-response' } });
    expect(audit!.sessionIds).toContain(target.json().aws.sessionId);
    expect(JSON.parse(audit!.detail.selector!)).toEqual({ repositoryId: '8429', issuedBefore: expect.any(String) });

    // Nothing left to revoke: the selector finds no active session a second time.
    expect((await revoke(token, { selector: { repositoryId: '8429' } })).json()).toEqual({ sessions: [], denials: [] });
  });

  it('revokes by owner, or by repository and owner together, on the tags that carry them for the sessions’ CI system', async () => {
    const github = 'https://token.actions.githubusercontent.com';
    const gitlab = 'https://gitlab.com';
    const now = new Date();
    const session = (id: string, issuer: string): NewSession => ({ id, exchangeId: id, issuer, repositoryId: '8429', ownerId: '1342004', run: '1/1', rule: 'deploy', provider: 'aws', target: DEPLOY, sessionName: id, sourceIdentity: '8429@1_1', issuedAt: new Date(now.getTime() - 60_000), expiresAt: new Date(now.getTime() + 600_000) });
    const audit = { at: now, action: 'exchange' as const, outcome: 'claimed', issuer: github, subject: 's', repositoryId: '8429', tokenSha256: 'x', sessionIds: [], detail: {} };
    await broker.deps.store.claimExchange({ tokenIdentity: 'a', keepUntil: now, sessions: [session('s1', github), session('s2', gitlab)], audit });
    await broker.deps.store.completeExchange([{ id: 's1', status: 'active', assumedRoleId: 'AROA:s1', expiresAt: new Date(now.getTime() + 600_000) }, { id: 's2', status: 'active', assumedRoleId: 'AROA:s2', expiresAt: new Date(now.getTime() + 600_000) }], audit);
    const claims = { iss: github, sub: 'ops', aud: AUDIENCE, exp: 0, iat: 0 } as unknown as VerifiedClaims;
    const operatorEntry = { name: 'incident-response', conditions: [], location: { file: 'p.yml', line: 1, column: 1 } };
    await revokeBySelector({ token: 't', tokenSha256: 'x' }, claims, operatorEntry, { repositoryId: '8429', ownerId: '1342004' }, broker.deps);
    // One statement per CI system, each on that system's own repository and owner tags.
    expect(broker.denials[0]!.denial.document.Statement.map((s) => s.Condition.StringEquals)).toEqual([
      { 'aws:PrincipalTag/repository_id': '8429', 'aws:PrincipalTag/repository_owner_id': '1342004' },
      { 'aws:PrincipalTag/project_id': '8429', 'aws:PrincipalTag/namespace_id': '1342004' },
    ]);
  });

  it('falls back to naming the sessions when some CI system the issuer may be tags no owner', async () => {
    // The sandbox's loopback issuer may stand in for CircleCI, whose tokens carry the owner in the subject only.
    const minted = await exchange(await job(), { aws: {} });
    await revoke(await operator(), { selector: { ownerId: '1342004' } });
    expect(broker.denials[0]!.denial.document.Statement[0]!.Condition).toEqual({ StringEquals: { 'aws:userid': `AROAFAKE:${minted.json().aws.sessionName}` } });
  });

  it('revokes by rule with one denial naming the matched sessions, since no tag carries the rule', async () => {
    const minted = await exchange(await job(), { aws: {} });
    const response = await revoke(await operator(), { selector: { rule: 'deploy' } });
    expect(response.json().denials).toEqual([expect.objectContaining({ outcome: 'denied', policyName: expect.stringMatching(/^ci-oidc-broker-deny-session-/) })]);
    expect(broker.denials[0]!.denial.document.Statement[0]!.Condition).toEqual({ StringEquals: { 'aws:userid': `AROAFAKE:${minted.json().aws.sessionName}` } });
  });

  it('leaves sessions issued after the selector’s cutoff, and reports a failed denial without marking its sessions revoked', async () => {
    await exchange(await job(), { aws: {} });
    const early = await revoke(await operator(), { selector: { ownerId: '1342004', issuedBefore: new Date(Date.now() - 60_000).toISOString() } });
    expect(early.json()).toEqual({ sessions: [], denials: [] });
    await broker.close();
    broker = await startBrokerFixture({ revoker: { denyOnRole: () => Promise.reject(new Error('IAM is down')) } });
    await exchange(await job(), { aws: {} });
    const failed = (await revoke(await operator(), { selector: { ownerId: '1342004' } })).json();
    expect(failed.denials).toEqual([expect.objectContaining({ target: DEPLOY, outcome: 'failed' })]);
    expect(failed.sessions).toEqual([expect.objectContaining({ outcome: 'failed' })]);
    expect((await broker.deps.store.listSessions({ now: new Date() }))[0]?.status).toBe('active');
    expect((await broker.deps.store.listAudit({ limit: 1 }))[0]?.outcome).toBe('partly-failed');
  });

  it('validates the selector: at least a repository, owner or rule, and nothing unknown', async () => {
    const token = await operator();
    for (const selector of [{}, { issuedBefore: new Date().toISOString() }, { repositoryId: '8429', run: '1' }, { repositoryId: 8429 }]) {
      const refused = await revoke(token, { selector });
      expect([refused.statusCode, refused.json().error.code]).toEqual([400, ServiceErrorCode.RequestInvalid]);
    }
  });
});
