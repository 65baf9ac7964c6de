// What the broker says about its own time: the step histogram `serve` adds beside the exchange's total,
// the figures the load bench and an operator's dashboard read to tell a slow database or STS from a
// slow broker. Through startBroker, with the real AWS SDK against the sandbox's STS emulator.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from '@jest/globals';
import { REVOKER_ACTIONS } from '../../src/providers/aws/session-denial.ts';
import { SANDBOX_ACCOUNT_ID, startSandbox } from '../../src/sandbox/index.ts';
import { startBroker } from '../../src/service/start.ts';

const AUDIENCE = 'https://broker.metrics.test';
const DEPLOY_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/deploy`;
const BROKER_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-oidc-broker`;

it('times each step of an exchange that waits outside the broker, within the exchange’s own time', async () => {
  const sandbox = await startSandbox({
    roles: [
      { name: 'ci-oidc-broker', trustPolicy: { Statement: [] }, permissions: { revoke: { Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: DEPLOY_ROLE }] } } },
      { name: 'deploy', trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: BROKER_ROLE }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }] } },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'broker-metrics-'));
  writeFileSync(join(dir, 'policy.yml'), `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: deploy\n    match: {repository: octo-org/app}\n    grant: {aws: {roles: [${DEPLOY_ROLE}]}}\n`);
  writeFileSync(join(dir, 'broker.yml'), `audience: ${AUDIENCE}\nissuers: ["${sandbox.issuer.url}"]\npolicy: {file: policy.yml}\naws: {region: us-east-1, endpoint: "${sandbox.aws.url}"}\nstore: {sqlite: broker.db}\nbehind-proxy: true\nlog-level: warn\n`);
  const broker = await startBroker(join(dir, 'broker.yml'), { awsCredentials: sandbox.aws.issueRoleCredentials('ci-oidc-broker'), port: 0, logStream: { write: () => {} } });
  try {
    const exchange = async (): Promise<number> =>
      (await fetch(`${broker.url}/v1/exchange`, { method: 'POST', headers: { authorization: `Bearer ${await sandbox.issuer.mint({ audience: AUDIENCE })}`, 'content-type': 'application/json' }, body: '{"aws": {}}' })).status;
    expect([await exchange(), await exchange()]).toEqual([200, 200]);
    const metrics = await (await fetch(`${broker.url}/metrics`)).text();
    const value = (series: string): number => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1]);
    for (const step of ['rate-limit', 'claim', 'mint', 'complete']) expect(value(`broker_exchange_step_seconds_count{step="${step}"}`)).toBe(2);
    const steps = ['rate-limit', 'claim', 'mint', 'complete'].reduce((sum, step) => sum + value(`broker_exchange_step_seconds_sum{step="${step}"}`), 0);
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThanOrEqual(value('broker_exchange_duration_seconds_sum{outcome="issued"}'));
  } finally {
    await broker.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
