// A broker process killed (SIGKILL) between claiming a token and minting: after the restart the session
// is in the inventory as an orphan (status minting), the audit log shows the claim, the token cannot be
// exchanged again, and nothing was issued that the store does not know of.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { OidcIssuer } from '../../src/sandbox/issuer/oidc-issuer.ts';
import { buildBrokerApp } from '../../src/service/app.ts';
import { loadBrokerConfig, sqliteFile } from '../../src/service/config.ts';
import { brokerMetrics } from '../../src/service/metrics.ts';
import { PolicyHolder } from '../../src/service/policy-holder.ts';
import { memoryRateLimiter } from '../../src/service/rate-limits.ts';
import { SqliteStore } from '../../src/service/store/sqlite-store.ts';
import { AUDIENCE, DEPLOY, fakeMinter, policyText } from '../unit/service/broker-fixture.ts';

const SRC = resolve('src/service');
// The broker as `serve` builds it, except that its mint kills the process, as a crash there would.
const CHILD = `
import { buildBrokerApp } from '${SRC}/app.ts';
import { loadBrokerConfig } from '${SRC}/config.ts';
import { brokerMetrics } from '${SRC}/metrics.ts';
import { PolicyHolder } from '${SRC}/policy-holder.ts';
import { memoryRateLimiter } from '${SRC}/rate-limits.ts';
import { SqliteStore } from '${SRC}/store/sqlite-store.ts';
const config = await loadBrokerConfig(process.argv[2]);
const policy = PolicyHolder.forFile(config.policy.file, config.policy.root);
await policy.reload();
const crash = () => process.kill(process.pid, 'SIGKILL');
const deps = { store: new SqliteStore(config.store.path), policy, minter: { aws: crash, gcp: crash }, revoker: { denyOnRole: crash }, rateLimiter: memoryRateLimiter(config.rateLimits), metrics: brokerMetrics() };
const app = buildBrokerApp(config, deps, { logStream: { write() {} } });
process.send({ url: await app.listen({ host: '127.0.0.1', port: 0 }) });
`;

let issuer: OidcIssuer;
let dir: string;

beforeAll(async () => {
  issuer = await OidcIssuer.start();
  dir = mkdtempSync(join(tmpdir(), 'broker-crash-'));
  writeFileSync(join(dir, 'policy.yml'), policyText(issuer.url));
  writeFileSync(join(dir, 'broker.yml'), `audience: ${AUDIENCE}\nissuers: ["${issuer.url}"]\npolicy: {file: policy.yml}\naws: {region: us-east-1}\nstore: {sqlite: broker.db}\nbehind-proxy: true\n`);
  writeFileSync(join(dir, 'child.mjs'), CHILD);
});

afterAll(async () => {
  await issuer.close();
  rmSync(dir, { recursive: true, force: true });
});

it('leaves a visible orphan, and a refused replay, when the broker is killed between claim and mint', async () => {
  const child = fork(join(dir, 'child.mjs'), [join(dir, 'broker.yml')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { url: string }));
    child.once('exit', (code) => reject(new Error(`the broker exited (${code}) before listening`)));
  });
  const token = await issuer.mint({ audience: AUDIENCE });
  const answer = await fetch(`${url}/v1/exchange`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"aws": {}}' }).then(
    (response) => response.status,
    () => 'no answer',
  );
  expect(answer).toBe('no answer');
  expect(await exited).toBe('SIGKILL');

  // The restart: the same configuration and store, in this process.
  const config = await loadBrokerConfig(join(dir, 'broker.yml'));
  const store = new SqliteStore(sqliteFile(config));
  const policy = PolicyHolder.forFile(config.policy.file, config.policy.root);
  await policy.reload();
  const minter = fakeMinter();
  const app = buildBrokerApp(config, { store, policy, minter, revoker: { denyOnRole: async () => 'unused' }, rateLimiter: memoryRateLimiter(config.rateLimits), metrics: brokerMetrics() }, { logStream: { write: () => {} } });
  try {
    const orphans = await store.listSessions({ now: new Date(), statuses: ['minting'] });
    expect(orphans).toEqual([expect.objectContaining({ provider: 'aws', target: DEPLOY, repositoryId: '8429', run: '9876543210/1' })]);
    expect(await store.listSessions({ now: new Date() })).toHaveLength(1);
    expect((await store.listAudit({ limit: 10 })).map((row) => [row.outcome, row.sessionIds])).toEqual([['claimed', [orphans[0]!.id]]]);
    const replay = await app.inject({ method: 'POST', url: '/v1/exchange', headers: { authorization: `Bearer ${token}` }, payload: { aws: {} } });
    expect(replay.statusCode).toBe(409);
    expect(minter.calls).toBe(0);
  } finally {
    await app.close();
    await store.close();
  }
});
