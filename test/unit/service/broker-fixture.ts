import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { CredentialMinter } from '../../../src/core/issue.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import type { SessionDenial } from '../../../src/providers/aws/session-denial.ts';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { buildBrokerApp } from '../../../src/service/app.ts';
import type { BrokerDeps, SessionRevoker } from '../../../src/service/broker-deps.ts';
import { parseBrokerConfig, sqliteFile, type BrokerConfig } from '../../../src/service/config.ts';
import { brokerMetrics } from '../../../src/service/metrics.ts';
import { PolicyHolder } from '../../../src/service/policy-holder.ts';
import { memoryRateLimiter } from '../../../src/service/rate-limits.ts';
import { SqliteStore } from '../../../src/service/store/sqlite-store.ts';

export const AUDIENCE = 'https://broker.test';
export const DEPLOY = 'arn:aws:iam::111122223333:role/deploy';
export const SERVICE_ACCOUNT = 'deploy@p.iam.gserviceaccount.com';
/** The operators' own workflows run in this repository; its tokens get nothing from the rules. */
export const OPERATOR_REPOSITORY = 'octo-org/ops';

export function policyText(issuer: string, repository = 'octo-org/app', operators = true): string {
  return `version: 1
issuers: [${issuer}]
rules:
  - name: deploy
    match: {repository: ${repository}, ref: refs/heads/main}
    grant:
      aws: {roles: [${DEPLOY}], max-duration: 1h}
      gcp: {workload-identity-provider: projects/123456/locations/global/workloadIdentityPools/pool/providers/github, service-accounts: [${SERVICE_ACCOUNT}], max-lifetime: 10m}
${operators ? `operators:\n  - name: incident-response\n    match: {repository: ${OPERATOR_REPOSITORY}, ref: refs/heads/main}\n` : ''}`;
}

/** A minter that hands out made-up credentials and remembers each, for leak scans. */
export function fakeMinter(): CredentialMinter & { secrets: string[]; calls: number } {
  const minter = {
    secrets: [] as string[],
    calls: 0,
    aws: async (request: Parameters<CredentialMinter['aws']>[0]) => {
      minter.calls++;
      const n = minter.calls;
      const session = {
        accessKeyId: `ASIAFAKE${String(n).padStart(12, '0')}`,
        secretAccessKey: `secret-${n}-${'s'.repeat(30)}`,
        sessionToken: `token-${n}-${'t'.repeat(60)}`,
        expiration: new Date(Date.now() + request.durationSeconds * 1000),
        assumedRoleId: `AROAFAKE:${request.sessionName}`,
        assumedRoleArn: `arn:aws:sts::111122223333:assumed-role/deploy/${request.sessionName}`,
        accountId: '111122223333',
        sessionName: request.sessionName,
        roleArn: request.roleArn,
        region: 'us-east-1',
      };
      minter.secrets.push(session.secretAccessKey, session.sessionToken);
      return session;
    },
    gcp: async (request: Parameters<CredentialMinter['gcp']>[0]) => {
      minter.calls++;
      const accessToken = `ya29.fake-${minter.calls}-${'g'.repeat(40)}`;
      minter.secrets.push(accessToken);
      return { accessToken, expiration: new Date(Date.now() + request.lifetimeSeconds * 1000), serviceAccount: request.serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider };
    },
  };
  return minter;
}

export interface BrokerFixture {
  issuer: OidcIssuer;
  app: FastifyInstance;
  config: BrokerConfig;
  deps: BrokerDeps;
  minter: ReturnType<typeof fakeMinter>;
  /** What the fake revoker was asked to write, for a role of 1 h maximum sessions. */
  denials: Array<{ role: string; denial: SessionDenial }>;
  logs: string[];
  dir: string;
  close(): Promise<void>;
}

export async function startBrokerFixture(options: { limits?: string; minter?: CredentialMinter; revoker?: SessionRevoker; operators?: boolean } = {}): Promise<BrokerFixture> {
  const issuer = await OidcIssuer.start();
  const dir = mkdtempSync(join(tmpdir(), 'broker-app-'));
  const config = parseBrokerConfig(
    `audience: ${AUDIENCE}
issuers: [${issuer.url}]
policy: {file: policy.yml}
aws: {region: us-east-1}
gcp: {}
store: {sqlite: broker.db}
behind-proxy: true
${options.limits ?? ''}`,
    join(dir, 'broker.yml'),
  );
  const policy = parsePolicy(policyText(issuer.url, undefined, options.operators ?? true), 'policy.yml');
  const holder = new PolicyHolder(async () => policy);
  await holder.reload();
  const minter = fakeMinter();
  const denials: BrokerFixture['denials'] = [];
  const deps: BrokerDeps = {
    store: new SqliteStore(sqliteFile(config)),
    policy: holder,
    minter: options.minter ?? minter,
    revoker: options.revoker ?? { denyOnRole: async (role, deny) => (denials.push({ role, denial: deny(3600) }), deny(3600).policyName) },
    rateLimiter: memoryRateLimiter(config.rateLimits),
    metrics: brokerMetrics(),
  };
  const logs: string[] = [];
  const app = buildBrokerApp(config, deps, { logStream: { write: (line: string) => void logs.push(line) } });
  return {
    issuer,
    app,
    config,
    deps,
    minter,
    denials,
    logs,
    dir,
    close: async () => {
      await app.close();
      await deps.store.close();
      await issuer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
