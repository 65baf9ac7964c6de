// Several broker instances on one PostgreSQL and one Redis, as `serve` builds their state (openState),
// each with its own pool and Redis connection: what one instance did, the other sees. The outage tests
// take down a private server of their own, never the run's shared one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { CredentialMinter } from '../../src/core/issue.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import { OidcIssuer } from '../../src/sandbox/issuer/oidc-issuer.ts';
import { buildBrokerApp } from '../../src/service/app.ts';
import { parseBrokerConfig } from '../../src/service/config.ts';
import { brokerMetrics } from '../../src/service/metrics.ts';
import { PolicyHolder } from '../../src/service/policy-holder.ts';
import type { ExchangeRateLimiter } from '../../src/service/rate-limits.ts';
import { openState } from '../../src/service/start.ts';
import { POSTGRES_MIGRATIONS } from '../../src/service/store/postgres-migrations.ts';
import type { BrokerStore } from '../../src/service/store/broker-store.ts';
import { createDatabase, POSTGRES_URL_ENV, REDIS_URL_ENV, sharedServerUrl, startPostgres, startRedis, type LocalServer } from '../setup/servers.ts';
import { AUDIENCE, fakeMinter, OPERATOR_REPOSITORY, policyText } from '../unit/service/broker-fixture.ts';

interface Instance {
  app: FastifyInstance;
  store: BrokerStore;
  rateLimiter: ExchangeRateLimiter;
}

let issuer: OidcIssuer;
let dir: string;
let minter: ReturnType<typeof fakeMinter>;
const instances: Instance[] = [];
const privateServers: LocalServer[] = [];

beforeEach(async () => {
  issuer = await OidcIssuer.start();
  dir = mkdtempSync(join(tmpdir(), 'broker-scale-'));
  minter = fakeMinter();
});

afterEach(async () => {
  for (const instance of instances.splice(0)) {
    await instance.app.close();
    await instance.store.close();
    await instance.rateLimiter.close();
  }
  for (const server of privateServers.splice(0)) await server.destroy();
  await issuer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Instances on one database and one Redis, started together, as a rollout does. */
async function startInstances(count: number, state: { postgres: string; redis: string; repositoryLimit?: number }, mint: CredentialMinter = minter): Promise<Instance[]> {
  const limit = state.repositoryLimit ?? 1000;
  const config = parseBrokerConfig(
    `audience: ${AUDIENCE}
issuers: [${issuer.url}]
policy: {file: policy.yml}
aws: {region: us-east-1}
store: {postgres: "${state.postgres}"}
rate-limits: {redis: "${state.redis}", repository: {requests: ${limit}, per: 1h}}
behind-proxy: true
`,
    join(dir, 'broker.yml'),
  );
  const started = await Promise.all(
    Array.from({ length: count }, async () => {
      const policy = new PolicyHolder(async () => parsePolicy(policyText(issuer.url), 'policy.yml'));
      await policy.reload();
      const { store, rateLimiter } = await openState(config, () => undefined);
      const deps = { store, rateLimiter, policy, minter: mint, revoker: { denyOnRole: async () => 'unused' }, metrics: brokerMetrics() };
      return { app: buildBrokerApp(config, deps, { logStream: { write: () => {} } }), store, rateLimiter };
    }),
  );
  instances.push(...started);
  return started;
}

async function exchange(instance: Instance, token: string): Promise<{ status: number; body: { aws?: { sessionId: string }; error?: { code: string } } }> {
  const response = await instance.app.inject({ method: 'POST', url: '/v1/exchange', headers: { authorization: `Bearer ${token}` }, payload: { aws: {} } });
  return { status: response.statusCode, body: response.json() };
}

async function ready(instance: Instance): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await instance.app.inject({ url: '/readyz' });
  return { status: response.statusCode, body: response.json() };
}

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two instances on one PostgreSQL and one Redis', () => {
  it('migrate an empty database once, refuse on one a token exchanged on the other, and share the inventory and audit log', async () => {
    const postgres = await createDatabase(sharedServerUrl(POSTGRES_URL_ENV));
    const [a, b] = (await startInstances(2, { postgres, redis: sharedServerUrl(REDIS_URL_ENV) })) as [Instance, Instance];
    const client = new pg.Client(postgres);
    await client.connect();
    // Each migration once, though two instances ran them together.
    expect((await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows).toEqual(POSTGRES_MIGRATIONS.map(({ version }) => ({ version })));
    await client.end();

    const token = await issuer.mint({ audience: AUDIENCE });
    const first = await exchange(a, token);
    expect(first.status).toBe(200);
    const replay = await exchange(b, token);
    expect(replay).toMatchObject({ status: 409, body: { error: { code: 'TOKEN_REPLAYED' } } });
    expect(minter.calls).toBe(1);
    expect((await b.store.listSessions({ now: new Date() })).map((s) => [s.id, s.status])).toEqual([[first.body.aws!.sessionId, 'active']]);
    expect((await a.store.listAudit({ limit: 10 })).map((row) => row.outcome)).toEqual(['replayed', 'issued', 'claimed']);
    expect(await ready(a)).toEqual({ status: 200, body: { status: 'ready', policy: 'policy.yml', store: 'postgres', rateLimits: 'redis' } });
  });

  it('see on one an operator revocation made through the other', async () => {
    const [a, b] = (await startInstances(2, { postgres: await createDatabase(sharedServerUrl(POSTGRES_URL_ENV)), redis: sharedServerUrl(REDIS_URL_ENV) })) as [Instance, Instance];
    const issued = await exchange(a, await issuer.mint({ audience: AUDIENCE }));
    expect(issued.status).toBe(200);
    const operator = await issuer.mint({ audience: AUDIENCE, claims: { repository: OPERATOR_REPOSITORY, repository_id: '777', sub: `repo:${OPERATOR_REPOSITORY}:ref:refs/heads/main` } });
    const operate = (instance: Instance, method: 'GET' | 'POST', url: string, payload?: object) => instance.app.inject({ method, url, headers: { authorization: `Bearer ${operator}` }, ...(payload && { payload }) });
    expect((await operate(a, 'POST', '/v1/revoke', { selector: { repositoryId: '8429' } })).statusCode).toBe(200);
    const listed = (await operate(b, 'GET', '/v1/sessions')).json() as { sessions: Array<{ status: string }> };
    expect(listed.sessions.map((s) => s.status)).toEqual(['revoked']);
    expect((await b.store.listSessions({ now: new Date(), ids: [issued.body.aws!.sessionId] }))[0]?.status).toBe('revoked');
  });

  it('hold a rate limit across both', async () => {
    const [a, b] = (await startInstances(2, { postgres: await createDatabase(sharedServerUrl(POSTGRES_URL_ENV)), redis: sharedServerUrl(REDIS_URL_ENV), repositoryLimit: 3 })) as [Instance, Instance];
    const statuses = [];
    for (const instance of [a, b, a, b, a]) statuses.push((await exchange(instance, await issuer.mint({ audience: AUDIENCE }))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });
});

describe('a PostgreSQL outage', () => {
  it('answers 503 and issues nothing unrecorded, then recovers by itself when PostgreSQL returns', async () => {
    const server = await startPostgres();
    privateServers.push(server);
    let stopDuringMint = false;
    // A mint during which the database goes away: its credential must never reach the client.
    const mint: CredentialMinter = {
      aws: async (request) => {
        const session = await minter.aws(request);
        if (stopDuringMint) await server.stop();
        return session;
      },
      gcp: minter.gcp,
    };
    const [a] = (await startInstances(1, { postgres: await createDatabase(server.url), redis: sharedServerUrl(REDIS_URL_ENV) }, mint)) as [Instance];
    const received: string[] = [];
    const before = await exchange(a, await issuer.mint({ audience: AUDIENCE }));
    expect(before.status).toBe(200);
    received.push(before.body.aws!.sessionId);

    stopDuringMint = true;
    const cut = await exchange(a, await issuer.mint({ audience: AUDIENCE }));
    expect(cut).toMatchObject({ status: 503, body: { error: { code: 'NOT_READY' } } });
    stopDuringMint = false;
    const down = await exchange(a, await issuer.mint({ audience: AUDIENCE }));
    expect(down).toMatchObject({ status: 503, body: { error: { code: 'NOT_READY' } } });
    expect(minter.calls).toBe(2);
    expect((await ready(a)).status).toBe(503);

    await server.start();
    await until(async () => (await ready(a)).status === 200, 'readiness after PostgreSQL returns');
    const after = await exchange(a, await issuer.mint({ audience: AUDIENCE }));
    expect(after.status).toBe(200);
    received.push(after.body.aws!.sessionId);

    // Every credential minted is on record: the ones the client received as active, the one cut off
    // between mint and record as an orphan (minting), which the run's revocation covers.
    const sessions = await a.store.listSessions({ now: new Date() });
    expect(sessions).toHaveLength(minter.calls);
    expect(sessions.filter((s) => s.status === 'active').map((s) => s.id).sort()).toEqual([...received].sort());
    expect(sessions.filter((s) => s.status === 'minting')).toHaveLength(1);
  });
});

describe('a Redis outage', () => {
  it('keeps issuing, with each instance counting on its own against the same limits, and shares the count again when Redis returns', async () => {
    const redis = await startRedis();
    privateServers.push(redis);
    const [a, b] = (await startInstances(2, { postgres: await createDatabase(sharedServerUrl(POSTGRES_URL_ENV)), redis: redis.url, repositoryLimit: 3 })) as [Instance, Instance];
    const status = async (instance: Instance): Promise<number> => (await exchange(instance, await issuer.mint({ audience: AUDIENCE }))).status;
    expect([await status(a), await status(b)]).toEqual([200, 200]);

    await redis.stop();
    await until(() => a.rateLimiter.state() !== 'redis' && b.rateLimiter.state() !== 'redis', 'both instances to see Redis gone');
    expect(await ready(a)).toMatchObject({ status: 200, body: { rateLimits: 'memory, Redis unreachable' } });
    // Per instance, from zero: three each, then refused; the fleet lets through at most twice the limit.
    expect([await status(a), await status(a), await status(a), await status(a)]).toEqual([200, 200, 200, 429]);
    expect([await status(b), await status(b), await status(b), await status(b)]).toEqual([200, 200, 200, 429]);

    await redis.start();
    await until(() => a.rateLimiter.state() === 'redis' && b.rateLimiter.state() === 'redis', 'both instances to reconnect to Redis');
    // The restarted Redis kept nothing (no persistence here): the shared count starts over.
    expect([await status(a), await status(b), await status(a), await status(b)]).toEqual([200, 200, 200, 429]);
  });
});
