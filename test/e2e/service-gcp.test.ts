// A job's Google grant minted through the broker against the sandbox: the broker authenticates to IAM
// Credentials with its own service account key (google-auth-library, unchanged), and the emulator lets
// it mint only for the service accounts that name it a token creator.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SANDBOX_GCP_PROJECT, SANDBOX_GCP_PROVIDER, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { startBroker, type RunningBroker } from '../../src/service/start.ts';
import { leaksInOutput } from '../helpers/leak-scan.ts';

const AUDIENCE = 'https://broker.sandbox.test';
const BROKER_SA = `ci-oidc-broker@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;
const TARGET = `release@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;
const UNBOUND = `audit-log@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;

let sandbox: Sandbox;
let broker: RunningBroker;
let dir: string;
let privateKey: string;
const logs: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.google.putServiceAccount({ email: TARGET, impersonators: [], tokenCreators: [`serviceAccount:${BROKER_SA}`] });
  // The job's own federated identity may not impersonate it, and the broker holds no role on the other account.
  sandbox.google.putServiceAccount({ email: UNBOUND, impersonators: [], tokenCreators: [`serviceAccount:someone-else@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`] });
  dir = mkdtempSync(join(tmpdir(), 'broker-gcp-e2e-'));
  const key = sandbox.google.createServiceAccountKey(BROKER_SA);
  privateKey = key.private_key;
  writeFileSync(join(dir, 'broker-key.json'), JSON.stringify(key));
  const grant = (account: string) => `{gcp: {workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${account}], max-lifetime: 10m}}`;
  writeFileSync(
    join(dir, 'policy.yml'),
    `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: release\n    match: {repository: octo-org/app, ref: refs/heads/main}\n    grant: ${grant(TARGET)}\n  - name: audit\n    match: {repository: octo-org/audit}\n    grant: ${grant(UNBOUND)}\n`,
  );
  writeFileSync(
    join(dir, 'broker.yml'),
    `audience: ${AUDIENCE}\nissuers: ["${sandbox.issuer.url}"]\npolicy: {file: policy.yml}\ngcp: {iam-credentials-url: "${sandbox.google.url}", credentials-file: broker-key.json}\nstore: {sqlite: broker.db}\nbehind-proxy: true\nlisten: {host: 127.0.0.1, port: 0}\n`,
  );
  broker = await startBroker(join(dir, 'broker.yml'), { logStream: { write: (line) => void logs.push(line) } });
});

afterAll(async () => {
  await broker?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function exchange(claims: Record<string, string>): Promise<{ status: number; body: { gcp?: { accessToken: string; serviceAccount: string; lifetimeSeconds: number }; error?: { code: string } } }> {
  const token = await sandbox.issuer.mint({ audience: AUDIENCE, claims });
  const response = await fetch(`${broker.url}/v1/exchange`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ gcp: {} }) });
  return { status: response.status, body: (await response.json()) as never };
}

describe('Google tokens minted by the broker', () => {
  it('mints a token for the granted service account as the broker’s own service account, with the grant’s lifetime', async () => {
    const minted = await exchange({});
    expect(minted.status).toBe(200);
    expect(minted.body.gcp).toMatchObject({ serviceAccount: TARGET, lifetimeSeconds: 600 });
    const info = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${minted.body.gcp!.accessToken}`);
    expect(await info.json()).toMatchObject({ email: TARGET, scope: 'https://www.googleapis.com/auth/cloud-platform' });
  });

  it('cannot mint for a service account that does not name the broker a token creator, even when the policy grants it', async () => {
    const refused = await exchange({ repository: 'octo-org/audit', run_id: '2' });
    expect([refused.status, refused.body.error?.code]).toEqual([502, 'GCP_ACCESS_DENIED']);
  });

  it('leaves neither its key nor a token in its logs', () => {
    expect(leaksInOutput({ stdout: logs.join(''), stderr: '' }, [privateKey.split('\n')[1]!, ...sandbox.google.accessTokensIssued])).toEqual([]);
  });
});
