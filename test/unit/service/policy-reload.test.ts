import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startBroker, type RunningBroker } from '../../../src/service/start.ts';
import { policyText } from './broker-fixture.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';

describe('policy reload', () => {
  let dir: string;
  let broker: RunningBroker;
  let logs: string[];
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'broker-reload-'));
    writeFileSync(join(dir, 'policy.yml'), policyText(ISSUER));
    writeFileSync(join(dir, 'broker.yml'), `audience: https://broker.test\nissuers: [${ISSUER}]\npolicy: {file: policy.yml}\nstore: {sqlite: broker.db}\nbehind-proxy: true\nlisten: {port: 0}\n`);
    logs = [];
    broker = await startBroker(join(dir, 'broker.yml'), { logStream: { write: (line) => void logs.push(line) } });
  });
  afterEach(async () => {
    await broker.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the last good policy when a new one is bad, on SIGHUP, and takes the next good one', async () => {
    const first = broker.policy.current;
    writeFileSync(join(dir, 'policy.yml'), 'version: 1\nrules:\n  - name: broken\n    match: {ref: [}\n');
    process.emit('SIGHUP', 'SIGHUP');
    expect((await broker.policy.reload()).replaced).toBe(false);
    expect(broker.policy.current).toBe(first);
    expect(logs.join('')).toMatch(/policy reload failed; the last good policy stays in force/);
    expect((await broker.app.inject({ url: '/readyz' })).statusCode).toBe(200);

    writeFileSync(join(dir, 'policy.yml'), policyText(ISSUER, 'octo-org/other'));
    process.emit('SIGHUP', 'SIGHUP');
    await broker.policy.reload();
    expect(broker.policy.current?.rules[0]?.conditions[0]?.matcher).toEqual({ kind: 'equals', values: ['octo-org/other'] });
    expect(broker.policy.current).not.toBe(first);
    const metrics = (await broker.app.inject({ url: '/metrics' })).body;
    expect(metrics).toMatch(/broker_policy_reloads_total\{outcome="kept-last-good"\} [1-9]/);
  });

  it('reloads when the file changes, without a signal', async () => {
    const repository = () => broker.policy.current?.rules[0]?.conditions[0]?.matcher;
    writeFileSync(join(dir, 'policy.yml'), policyText(ISSUER, 'octo-org/watched'));
    // Bounded: 100 × 50 ms, far beyond the watcher's settling delay.
    for (let attempt = 0; attempt < 100 && !JSON.stringify(repository()).includes('watched'); attempt++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(repository()).toEqual({ kind: 'equals', values: ['octo-org/watched'] });
  });

  it('refuses to start without a valid policy', async () => {
    writeFileSync(join(dir, 'bad.yml'), 'version: 2\n');
    writeFileSync(join(dir, 'broker2.yml'), `audience: https://broker.test\nissuers: [${ISSUER}]\npolicy: {file: bad.yml}\nstore: {sqlite: b2.db}\nbehind-proxy: true\nlisten: {port: 0}\n`);
    await expect(startBroker(join(dir, 'broker2.yml'))).rejects.toMatchObject({ code: 'POLICY_INVALID' });
  });
});
