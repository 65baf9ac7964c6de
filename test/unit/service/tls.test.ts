import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { startBroker, type RunningBroker } from '../../../src/service/start.ts';
import { policyText } from './broker-fixture.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
let dir: string;
let broker: RunningBroker;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'broker-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  writeFileSync(join(dir, 'policy.yml'), policyText(ISSUER));
  writeFileSync(join(dir, 'broker.yml'), `audience: https://broker.test\nissuers: [${ISSUER}]\npolicy: {file: policy.yml}\nstore: {sqlite: broker.db}\ntls: {cert: cert.pem, key: key.pem}\nlisten: {port: 0}\n`);
  broker = await startBroker(join(dir, 'broker.yml'), { logStream: { write: () => {} } });
});

afterAll(async () => {
  await broker.close();
  rmSync(dir, { recursive: true, force: true });
});

it('serves HTTPS with the configured certificate when no proxy terminates TLS', async () => {
  expect(broker.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  const body = await new Promise<string>((resolve, reject) => {
    get(`${broker.url}/healthz`, { ca: readFileSync(join(dir, 'cert.pem')) }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
  expect(JSON.parse(body)).toEqual({ status: 'ok' });
});
