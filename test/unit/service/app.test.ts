import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { sqliteFile } from '../../../src/service/config.ts';
import { ServiceErrorCode } from '../../../src/service/service-error.ts';
import { SqliteStore } from '../../../src/service/store/sqlite-store.ts';
import { leaksInOutput } from '../../helpers/leak-scan.ts';
import { AUDIENCE, DEPLOY, SERVICE_ACCOUNT, startBrokerFixture, type BrokerFixture } from './broker-fixture.ts';

describe('the broker service', () => {
  let broker: BrokerFixture;
  beforeEach(async () => {
    broker = await startBrokerFixture();
  });
  afterEach(async () => {
    await broker.close();
  });

  const exchange = async (token: string, body: unknown = { aws: {} }) => broker.app.inject({ method: 'POST', url: '/v1/exchange', headers: { authorization: `Bearer ${token}` }, payload: body as object });

  it('exchanges a token for the granted credentials, records the sessions active and logs only the token’s digest', async () => {
    const token = await broker.issuer.mint({ audience: AUDIENCE });
    const response = await exchange(token, { aws: { durationSeconds: 7200 }, gcp: { lifetimeSeconds: 300 } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ rule: 'deploy', aws: { roleArn: DEPLOY, durationSeconds: 3600, capped: true }, gcp: { serviceAccount: SERVICE_ACCOUNT, lifetimeSeconds: 300, capped: false } });
    // The session's own identity, as STS named it: what the job records and a per-session denial matches.
    expect(body.aws).toMatchObject({ assumedRoleId: `AROAFAKE:${body.aws.sessionName}`, assumedRoleArn: `arn:aws:sts::111122223333:assumed-role/deploy/${body.aws.sessionName}` });
    expect(body.checkedClaims).toEqual([
      ['repository', 'octo-org/app'],
      ['ref', 'refs/heads/main'],
    ]);
    const sessions = await broker.deps.store.listSessions({ now: new Date() });
    expect(sessions.map((s) => [s.provider, s.status, s.repositoryId, s.ownerId, s.run]).sort()).toEqual([
      ['aws', 'active', '8429', '1342004', '9876543210/1'],
      ['gcp', 'active', '8429', '1342004', '9876543210/1'],
    ]);
    const [issued] = await broker.deps.store.listAudit({ limit: 1 });
    expect(issued).toMatchObject({ action: 'exchange', outcome: 'issued', tokenSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(broker.logs.join('')).toContain(issued!.tokenSha256);
    expect(leaksInOutput({ stdout: broker.logs.join(''), stderr: '' }, [token, ...broker.minter.secrets])).toEqual([]);
    const audit = JSON.stringify(await broker.deps.store.listAudit({ limit: 100 }));
    expect(leaksInOutput({ stdout: audit, stderr: '' }, [token, ...broker.minter.secrets])).toEqual([]);
  });

  it('refuses a second use of the same token with 409, and mints nothing for it', async () => {
    const token = await broker.issuer.mint({ audience: AUDIENCE });
    expect((await exchange(token)).statusCode).toBe(200);
    const replay = await exchange(token);
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe(ServiceErrorCode.TokenReplayed);
    expect(broker.minter.calls).toBe(1);
    expect((await broker.deps.store.listAudit({ limit: 1 }))[0]?.outcome).toBe('replayed');
  });

  it('explains a denial in JSON, as policy explain does, and records the attempt', async () => {
    const token = await broker.issuer.mint({ audience: AUDIENCE, claims: { ref: 'refs/heads/dev' } });
    const response = await exchange(token);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: ErrorCode.PolicyDenied, message: expect.stringContaining('ref was "refs/heads/dev", expected "refs/heads/main"'), hint: expect.any(String) },
      decision: { decision: 'deny', rule: null, grant: null, rules: [{ name: 'deploy', effect: 'allow', matched: false, mismatch: { claim: 'ref', expected: 'refs/heads/main', actual: 'refs/heads/dev' } }] },
    });
    expect(broker.minter.calls).toBe(0);
    expect((await broker.deps.store.listAudit({ limit: 1 }))[0]?.outcome).toBe('denied');
  });

  it('refuses tokens for another audience, from another issuer, or missing, with 401 and a stable code', async () => {
    const other = await exchange(await broker.issuer.mint({ audience: 'sts.amazonaws.com' }));
    expect([other.statusCode, other.json().error.code]).toEqual([401, ErrorCode.TokenAudienceMismatch]);
    const stranger = await exchange(await broker.issuer.mint({ audience: AUDIENCE, claims: { iss: 'https://elsewhere.example' } }));
    expect([stranger.statusCode, stranger.json().error.code]).toEqual([401, ErrorCode.TokenIssuerMismatch]);
    const none = await broker.app.inject({ method: 'POST', url: '/v1/exchange', payload: { aws: {} } });
    expect([none.statusCode, none.json().error.code]).toEqual([401, ServiceErrorCode.BearerMissing]);
    const noJti = await exchange(await broker.issuer.mint({ audience: AUDIENCE, claims: { jti: undefined } }));
    expect([noJti.statusCode, noJti.json().error.code]).toEqual([401, ErrorCode.TokenClaimInvalid]);
  });

  it('validates the request body by its schema, refusing unknown fields and wrong types', async () => {
    const token = await broker.issuer.mint({ audience: AUDIENCE });
    for (const body of [{ aws: { durationSeconds: '900' } }, { aws: { role: DEPLOY, admin: true } }, { azure: {} }, { gcp: { lifetimeSeconds: 7200 } }]) {
      const response = await exchange(token, body);
      expect([response.statusCode, response.json().error.code]).toEqual([400, ServiceErrorCode.RequestInvalid]);
    }
    const empty = await exchange(token, {});
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, ErrorCode.InputInvalid]);
    const notGranted = await exchange(token, { aws: { role: 'arn:aws:iam::111122223333:role/admin' } });
    expect([notGranted.statusCode, notGranted.json().error.code]).toEqual([403, ErrorCode.RoleNotGranted]);
    // None of these used the token up.
    expect((await exchange(token)).statusCode).toBe(200);
  });

  it('revokes the run’s own sessions with a fresh token: AWS denied, Google cleared only', async () => {
    const first = await exchange(await broker.issuer.mint({ audience: AUDIENCE }), { aws: {}, gcp: {} });
    const otherRun = await exchange(await broker.issuer.mint({ audience: AUDIENCE, claims: { run_id: '1' } }), { aws: {} });
    const response = await broker.app.inject({ method: 'POST', url: '/v1/revoke', headers: { authorization: `Bearer ${await broker.issuer.mint({ audience: AUDIENCE })}` }, payload: {} });
    expect(response.statusCode).toBe(200);
    const outcomes = response.json().sessions.map((s: { provider: string; outcome: string }) => [s.provider, s.outcome]).sort();
    expect(outcomes).toEqual([
      ['aws', 'denied'],
      ['gcp', 'cleared-only'],
    ]);
    expect(broker.denials.map(({ role, denial }) => [role, denial.document.Statement[0]!.Condition])).toEqual([[DEPLOY, { StringEquals: { 'aws:userid': `AROAFAKE:${first.json().aws.sessionName}` } }]]);
    const [kept] = await broker.deps.store.listSessions({ now: new Date(), ids: [otherRun.json().aws.sessionId] });
    expect(kept?.status).toBe('active');
    expect(await broker.deps.store.listSessions({ now: new Date(), ids: [first.json().aws.sessionId, first.json().gcp.sessionId], statuses: ['revoked'] })).toHaveLength(2);
  });

  it('revokes only the ending job’s sessions when its token names the job (check_run_id), leaving parallel jobs of the run alone', async () => {
    const jobToken = (checkRunId: string) => broker.issuer.mint({ audience: AUDIENCE, claims: { check_run_id: checkRunId } });
    const ending = (await exchange(await jobToken('501'), { aws: {}, gcp: {} })).json();
    const parallel = (await exchange(await jobToken('502'), { aws: {} })).json();
    // Each job's AWS session has a name of its own, so that denying one aws:userid cannot reach the other.
    expect(ending.aws.sessionName).not.toBe(parallel.aws.sessionName);
    const response = await broker.app.inject({ method: 'POST', url: '/v1/revoke', headers: { authorization: `Bearer ${await jobToken('501')}` }, payload: {} });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.scope).toBe('job');
    expect(body.sessions.map((s: { sessionId: string }) => s.sessionId).sort()).toEqual([ending.aws.sessionId, ending.gcp.sessionId].sort());
    expect(body.sessions.find((s: { provider: string }) => s.provider === 'aws').assumedRoleId).toBe(ending.aws.assumedRoleId);
    expect(broker.denials.map(({ denial }) => denial.document.Statement[0]!.Condition)).toEqual([{ StringEquals: { 'aws:userid': ending.aws.assumedRoleId } }]);
    const now = new Date();
    expect((await broker.deps.store.listSessions({ now, ids: [parallel.aws.sessionId] }))[0]).toMatchObject({ status: 'active', job: '502' });
    const [audit] = await broker.deps.store.listAudit({ limit: 1 });
    expect(audit).toMatchObject({ action: 'revoke', outcome: 'revoked', detail: { requestedBy: 'job', scope: 'job', job: '501', run: '9876543210/1' } });
  });

  it('revokes every session of the run, parallel jobs’ included, when the token names no job, and says so', async () => {
    const withJob = (await exchange(await broker.issuer.mint({ audience: AUDIENCE, claims: { check_run_id: '601' } }), { aws: {} })).json();
    const withoutJob = (await exchange(await broker.issuer.mint({ audience: AUDIENCE }), { aws: {} })).json();
    const response = await broker.app.inject({ method: 'POST', url: '/v1/revoke', headers: { authorization: `Bearer ${await broker.issuer.mint({ audience: AUDIENCE })}` }, payload: {} });
    const body = response.json();
    expect(body.scope).toBe('run');
    expect(body.sessions.map((s: { sessionId: string }) => s.sessionId).sort()).toEqual([withJob.aws.sessionId, withoutJob.aws.sessionId].sort());
    expect((await broker.deps.store.listAudit({ limit: 1 }))[0]?.detail).toMatchObject({ scope: 'run' });
  });

  it('leaves a visible orphan in status minting when the broker dies between the claim and the mint', async () => {
    await broker.close();
    let claimed!: () => void;
    const reachedMint = new Promise<void>((resolve) => (claimed = resolve));
    // The mint never returns: as far as the store can tell, the process died there.
    broker = await startBrokerFixture({ minter: { aws: () => (claimed(), new Promise(() => {})), gcp: () => new Promise(() => {}) } });
    void exchange(await broker.issuer.mint({ audience: AUDIENCE }));
    await reachedMint;
    const reopened = new SqliteStore(sqliteFile(broker.config));
    const orphans = await reopened.listSessions({ now: new Date(), statuses: ['minting'] });
    expect(orphans).toEqual([expect.objectContaining({ provider: 'aws', target: DEPLOY, repositoryId: '8429', run: '9876543210/1' })]);
    expect((await reopened.listAudit({ limit: 1 }))[0]).toMatchObject({ outcome: 'claimed', sessionIds: [orphans[0]!.id] });
    await reopened.close();
  });

  it('records a failed mint as failed, and answers with the cloud’s error', async () => {
    await broker.close();
    const refusal = new BrokerError(ErrorCode.AwsAccessDenied, 'AWS STS denied the broker assuming the role.', { hint: 'Check the trust policy.' });
    broker = await startBrokerFixture({ minter: { aws: () => Promise.reject(refusal), gcp: () => Promise.reject(refusal) } });
    const response = await exchange(await broker.issuer.mint({ audience: AUDIENCE }));
    expect([response.statusCode, response.json().error.code]).toEqual([502, ErrorCode.AwsAccessDenied]);
    expect((await broker.deps.store.listSessions({ now: new Date() }))[0]?.status).toBe('failed');
  });

  it('answers health, readiness and metrics', async () => {
    expect((await broker.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await broker.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', policy: 'policy.yml', store: 'sqlite', rateLimits: 'memory' });
    await exchange(await broker.issuer.mint({ audience: AUDIENCE }));
    await exchange(await broker.issuer.mint({ audience: AUDIENCE, claims: { ref: 'refs/heads/dev' } }));
    const metrics = (await broker.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/broker_exchanges_total\{outcome="issued"\} 1/);
    expect(metrics).toMatch(/broker_exchanges_total\{outcome="denied"\} 1/);
    expect(metrics).toMatch(/broker_exchange_duration_seconds_count\{outcome="issued"\} 1/);
    await broker.deps.store.close();
    const unready = await broker.app.inject({ url: '/readyz' });
    expect([unready.statusCode, unready.json().error.code]).toEqual([503, ServiceErrorCode.NotReady]);
    const missing = await broker.app.inject({ url: '/v2/nothing' });
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, ServiceErrorCode.NotFound]);
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After once a repository has used its exchanges, and leave the token unused', async () => {
    const broker = await startBrokerFixture({ limits: 'rate-limits: {repository: {requests: 2, per: 1h}}' });
    try {
      const send = async (token: string) => broker.app.inject({ method: 'POST', url: '/v1/exchange', headers: { authorization: `Bearer ${token}` }, payload: { aws: {} } });
      expect((await send(await broker.issuer.mint({ audience: AUDIENCE }))).statusCode).toBe(200);
      expect((await send(await broker.issuer.mint({ audience: AUDIENCE }))).statusCode).toBe(200);
      const limited = await send(await broker.issuer.mint({ audience: AUDIENCE }));
      expect([limited.statusCode, limited.json().error.code]).toEqual([429, ServiceErrorCode.RateLimited]);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
      // Another repository has its own budget.
      const other = await send(await broker.issuer.mint({ audience: AUDIENCE, claims: { repository_id: '1' } }));
      expect(other.statusCode).toBe(200);
    } finally {
      await broker.close();
    }
  });
});
