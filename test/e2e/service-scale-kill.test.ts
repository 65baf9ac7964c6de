// Two broker processes on one PostgreSQL and one Redis under a steady load of exchanges; one is killed
// (SIGKILL) mid-run and its clients fail over to the other with the token they held. Then: no token was
// exchanged twice, every credential a client received is on record as active with its audit rows, a
// replay after failover is refused, and the killed instance's half-done exchanges are visible orphans.
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { OidcIssuer } from '../../src/sandbox/issuer/oidc-issuer.ts';
import type { BrokerStore } from '../../src/service/store/broker-store.ts';
import { PostgresStore } from '../../src/service/store/postgres-store.ts';
import { createDatabase, POSTGRES_URL_ENV, REDIS_URL_ENV, sharedServerUrl } from '../setup/servers.ts';
import { AUDIENCE, policyText } from '../unit/service/broker-fixture.ts';

const SRC = resolve('src/service');
const FIXTURE = resolve('test/unit/service/broker-fixture.ts');
// The broker with its state as `serve` opens it; its mint takes a while, as STS's does, and says when it
// starts, past the claim, so that the kill lands between an exchange's claim and its record.
const CHILD = `
import { buildBrokerApp } from '${SRC}/app.ts';
import { loadBrokerConfig } from '${SRC}/config.ts';
import { brokerMetrics } from '${SRC}/metrics.ts';
import { PolicyHolder } from '${SRC}/policy-holder.ts';
import { openState } from '${SRC}/start.ts';
import { fakeMinter } from '${FIXTURE}';
const config = await loadBrokerConfig(process.argv[2]);
const policy = PolicyHolder.forFile(config.policy.file, config.policy.root);
await policy.reload();
const { store, rateLimiter } = await openState(config, () => undefined);
const fake = fakeMinter();
const slow = (mint) => async (request) => (process.send('minting'), await new Promise((resolve) => setTimeout(resolve, 40)), mint(request));
const deps = { store, rateLimiter, policy, minter: { aws: slow(fake.aws), gcp: slow(fake.gcp) }, revoker: { denyOnRole: async () => 'unused' }, metrics: brokerMetrics() };
const app = buildBrokerApp(config, deps, { logStream: { write() {} } });
process.send({ url: await app.listen({ host: '127.0.0.1', port: 0 }) });
`;
const CLIENTS = 8;

interface Broker {
  child: ChildProcess;
  url: string;
  answered: number;
}

/** What one client saw for one token: each attempt, in order. */
interface Attempt {
  token: string;
  outcome: number | 'no answer';
  sessionId: string | undefined;
}

let issuer: OidcIssuer;
let dir: string;
let store: BrokerStore;
const brokers: Broker[] = [];

beforeAll(async () => {
  issuer = await OidcIssuer.start();
  dir = mkdtempSync(join(tmpdir(), 'broker-kill-'));
  const postgres = await createDatabase(sharedServerUrl(POSTGRES_URL_ENV));
  writeFileSync(join(dir, 'policy.yml'), policyText(issuer.url));
  const unlimited = '{requests: 100000, per: 1h}';
  writeFileSync(
    join(dir, 'broker.yml'),
    `audience: ${AUDIENCE}\nissuers: ["${issuer.url}"]\npolicy: {file: policy.yml}\naws: {region: us-east-1}\nstore: {postgres: "${postgres}"}\nrate-limits: {redis: "${sharedServerUrl(REDIS_URL_ENV)}", repository: ${unlimited}, owner: ${unlimited}, issuer: ${unlimited}}\nbehind-proxy: true\n`,
  );
  writeFileSync(join(dir, 'child.mjs'), CHILD);
  // Started together on an empty database: the migration lock is part of what this exercises.
  brokers.push(...(await Promise.all([startChild(), startChild()])));
  store = await PostgresStore.open(postgres);
});

afterAll(async () => {
  for (const broker of brokers) broker.child.kill('SIGKILL');
  await store?.close();
  await issuer?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startChild(): Promise<Broker> {
  const child = fork(join(dir, 'child.mjs'), [join(dir, 'broker.yml')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { url: string }));
    child.once('exit', (code) => reject(new Error(`a broker exited (${code}) before listening`)));
  });
  return { child, url, answered: 0 };
}

async function send(index: number, token: string): Promise<Attempt> {
  const broker = brokers[index]!;
  try {
    const response = await fetch(`${broker.url}/v1/exchange`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"aws": {}}' });
    const body = (await response.json()) as { aws?: { sessionId: string } };
    broker.answered++;
    return { token, outcome: response.status, sessionId: body.aws?.sessionId };
  } catch {
    return { token, outcome: 'no answer', sessionId: undefined };
  }
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

it('loses nothing and issues nothing twice when one of two instances is killed under load', async () => {
  const attempts: Attempt[] = [];
  let killed = false;
  let next = 0;
  const client = async (): Promise<void> => {
    // Until the survivor has answered a good run of exchanges on its own after the kill.
    while (!(killed && brokers[1]!.answered > 80)) {
      const token = await issuer.mint({ audience: AUDIENCE });
      const first = await send(killed ? 1 : next++ % 2, token);
      attempts.push(first);
      // Failover: the client sends the token it holds to the other instance.
      if (first.outcome === 'no answer') attempts.push(await send(1, token));
    }
  };
  const kill = async (): Promise<void> => {
    while (brokers[0]!.answered < 40) await new Promise((resolve) => setTimeout(resolve, 2));
    await new Promise((resolve) => brokers[0]!.child.once('message', resolve));
    brokers[0]!.child.kill('SIGKILL');
    killed = true;
  };
  await Promise.all([kill(), ...Array.from({ length: CLIENTS }, client)]);

  const issued = attempts.filter((a) => a.outcome === 200);
  const cutOff = attempts.filter((a) => a.outcome === 'no answer');
  expect(cutOff.length).toBeGreaterThan(0);
  expect(attempts.every((a) => a.outcome === 200 || a.outcome === 409 || a.outcome === 'no answer')).toBe(true);
  // No token exchanged twice.
  expect(new Set(issued.map((a) => a.token)).size).toBe(issued.length);

  const sessions = await store.listSessions({ now: new Date(), limit: 100_000 });
  const audit = await store.listAudit({ limit: 100_000 });
  const byId = new Map(sessions.map((s) => [s.id, s]));
  // Every credential a client received is on record as active, with its claim and its issue in the audit log.
  for (const a of issued) expect(byId.get(a.sessionId!)?.status).toBe('active');
  const audited = (outcome: string): Set<string> => new Set(audit.filter((row) => row.outcome === outcome).flatMap((row) => row.sessionIds));
  const claimed = audited('claimed');
  const completed = audited('issued');
  for (const session of sessions) expect(claimed.has(session.id)).toBe(true);
  for (const a of issued) expect(completed.has(a.sessionId!)).toBe(true);
  // A refused retry after failover is on record too: the token was claimed on the killed instance.
  const refused = attempts.filter((a) => a.outcome === 409);
  const replayedDigests = new Set(audit.filter((row) => row.outcome === 'replayed').map((row) => row.tokenSha256));
  for (const a of refused) expect(replayedDigests.has(sha256(a.token))).toBe(true);

  // The killed instance's half-done exchanges: claimed, never completed, visible as minting.
  const orphans = sessions.filter((s) => s.status === 'minting');
  expect(orphans.length).toBeGreaterThan(0);
  expect(orphans.length).toBeLessThanOrEqual(cutOff.length);
  for (const orphan of orphans) expect(completed.has(orphan.id)).toBe(false);
  expect(sessions).toHaveLength(issued.length + orphans.length);

  // Every replay after failover is refused, whichever instance first took the token.
  const replays = await Promise.all([...issued, ...cutOff].map((a) => send(1, a.token)));
  expect(replays.every((r) => r.outcome === 409)).toBe(true);
});
