// The broker service end to end on loopback: a job's token exchanged through HTTP for a session the
// broker mints with its own identity (the real AWS SDK against the sandbox's STS and IAM), used, refused
// on replay, revoked at job end and then refused by IAM; the logs and responses hold no secret.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { REVOKER_ACTIONS } from '../../src/providers/aws/session-denial.ts';
import { SANDBOX_ACCOUNT_ID, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { IssuedSession } from '../../src/sandbox/aws/aws-emulator.ts';
import { sqliteFile } from '../../src/service/config.ts';
import { startBroker, type RunningBroker } from '../../src/service/start.ts';
import { SqliteStore } from '../../src/service/store/sqlite-store.ts';
import { leaksInOutput } from '../helpers/leak-scan.ts';

const REGION = 'us-east-1';
const AUDIENCE = 'https://broker.sandbox.test';
const BROKER_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-oidc-broker`;
const DEPLOY_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/deploy`;

let sandbox: Sandbox;
let broker: RunningBroker;
let brokerCredentials: IssuedSession;
let dir: string;
const logs: string[] = [];
const responses: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    roles: [
      // The broker's own role: it may deny sessions on the roles it mints, nothing else.
      { name: 'ci-oidc-broker', trustPolicy: { Statement: [] }, permissions: { revoke: { Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: DEPLOY_ROLE }] } } },
      {
        name: 'deploy',
        // Trusts the broker only, and only for sessions tagged with this repository.
        trustPolicy: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: BROKER_ROLE },
              Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
              Condition: { StringEquals: { 'aws:RequestTag/repository_id': ['8429', '9000'] }, StringLike: { 'sts:SourceIdentity': ['8429@*', '9000@*'] } },
            },
          ],
        },
        permissions: { 'read-own-role-when-tagged': { Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: DEPLOY_ROLE, Condition: { StringEquals: { 'aws:PrincipalTag/repository_id': ['8429', '9000'] } } }] } },
      },
    ],
  });
  brokerCredentials = sandbox.aws.issueRoleCredentials('ci-oidc-broker');
  dir = mkdtempSync(join(tmpdir(), 'broker-e2e-'));
  writeFileSync(
    join(dir, 'policy.yml'),
    `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: deploy\n    match: {repository: octo-org/app, ref: refs/heads/main}\n    grant: {aws: {roles: [${DEPLOY_ROLE}]}}\noperators:\n  - name: incident-response\n    match: {repository: octo-org/ops, ref: refs/heads/main}\n`,
  );
  writeFileSync(
    join(dir, 'broker.yml'),
    `audience: ${AUDIENCE}\nissuers: ["${sandbox.issuer.url}"]\npolicy: {file: policy.yml}\naws: {region: ${REGION}, endpoint: "${sandbox.aws.url}"}\nstore: {sqlite: broker.db}\nbehind-proxy: true\nlisten: {host: 127.0.0.1, port: 0}\n`,
  );
  broker = await startBroker(join(dir, 'broker.yml'), { awsCredentials: brokerCredentials, logStream: { write: (line) => void logs.push(line) } });
});

afterAll(async () => {
  await broker?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface BrokerAnswer {
  aws?: { sessionId: string; accessKeyId: string; secretAccessKey: string; sessionToken: string; assumedRoleId: string; assumedRoleArn: string };
  error?: { code: string };
  sessions?: Array<Record<string, unknown>>;
}

async function call(path: string, token: string, body?: unknown): Promise<{ status: number; body: BrokerAnswer }> {
  const response = await fetch(`${broker.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  responses.push(text);
  return { status: response.status, body: JSON.parse(text) };
}

describe('the broker against the sandbox', () => {
  it('mints a tagged session with its own identity, refuses the replay, revokes it at job end', async () => {
    const token = await sandbox.issuer.mint({ audience: AUDIENCE });
    const issued = await call('/v1/exchange', token, { aws: {} });
    expect(issued.status).toBe(200);
    const aws = issued.body.aws!;
    const minted = sandbox.aws.sessions.find((s) => s.accessKeyId === aws.accessKeyId)!;
    // The answer names the session as STS did: what the job records, and what CloudTrail and a denial show.
    expect([aws.assumedRoleId, aws.assumedRoleArn]).toEqual([minted.assumedRoleId, minted.arn]);
    expect(minted.tags).toMatchObject({ repository_id: '8429', repository_owner_id: '1342004', ref: 'refs/heads/main', event_name: expect.any(String) });
    expect(minted.sourceIdentity).toBe('8429@9876543210_1');
    expect(minted.expiration.getTime() - minted.issuedAt.getTime()).toBe(900_000);

    const iam = new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, sessionToken: aws.sessionToken } });
    try {
      expect((await iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);

      const replay = await call('/v1/exchange', token, { aws: {} });
      expect([replay.status, replay.body.error?.code]).toEqual([409, 'TOKEN_REPLAYED']);

      const revoked = await call('/v1/revoke', await sandbox.issuer.mint({ audience: AUDIENCE }), {});
      expect(revoked.status).toBe(200);
      expect(revoked.body.sessions).toEqual([expect.objectContaining({ sessionId: aws.sessionId, provider: 'aws', outcome: 'denied' })]);
      await expect(iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).rejects.toMatchObject({ name: 'AccessDenied' });
    } finally {
      iam.destroy();
    }
    const store = new SqliteStore(sqliteFile(broker.config));
    const [session] = await store.listSessions({ now: new Date(), ids: [aws.sessionId] });
    expect(session).toMatchObject({ status: 'revoked', sourceIdentity: '8429@9876543210_1', assumedRoleId: minted.assumedRoleId });
    await store.close();
  });

  it('cannot mint for a repository the target role’s trust policy does not admit, even when the policy allows it', async () => {
    const token = await sandbox.issuer.mint({ audience: AUDIENCE, claims: { repository_id: '1' } });
    const refused = await call('/v1/exchange', token, { aws: {} });
    expect([refused.status, refused.body.error?.code]).toEqual([502, 'AWS_ACCESS_DENIED']);
  });

  it('lets an operator revoke a whole repository: its sessions are refused, another repository’s keep working', async () => {
    // A session is named by its repository and run (and job, where the token names one): distinct runs keep these sessions apart from the one denied above.
    const mint = async (claims: Record<string, string>) => (await call('/v1/exchange', await sandbox.issuer.mint({ audience: AUDIENCE, claims: { sub: `repo:octo-org/app:run-${claims.run_id}`, ...claims } }), { aws: {} })).body.aws!;
    const iamAs = (aws: NonNullable<BrokerAnswer['aws']>) => new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials: { accessKeyId: aws.accessKeyId, secretAccessKey: aws.secretAccessKey, sessionToken: aws.sessionToken } });
    const targets = [await mint({ run_id: '101' }), await mint({ run_id: '102' })].map(iamAs);
    const bystander = iamAs(await mint({ repository_id: '9000', run_id: '103' }));
    const operator = await sandbox.issuer.mint({ audience: AUDIENCE, claims: { repository: 'octo-org/ops', repository_id: '777', run_id: '104' } });
    try {
      for (const iam of [...targets, bystander]) expect((await iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);

      const stranger = await call('/v1/revoke', await sandbox.issuer.mint({ audience: AUDIENCE, claims: { run_id: '105' } }), { selector: { repositoryId: '8429' } });
      expect([stranger.status, stranger.body.error?.code]).toEqual([403, 'OPERATOR_NOT_AUTHORIZED']);
      expect((await call('/v1/sessions?repositoryId=8429&status=active', operator)).body.sessions).toHaveLength(2);

      const revoked = await call('/v1/revoke', operator, { selector: { repositoryId: '8429' } });
      expect(revoked.status).toBe(200);
      expect(revoked.body.sessions?.map((s) => s.outcome)).toEqual(['denied', 'denied']);
      // One inline policy for the repository, however many sessions it had.
      expect(sandbox.aws.inlinePolicyNames('deploy').filter((name) => name.startsWith('ci-oidc-broker-deny-tagged-'))).toHaveLength(1);
      for (const iam of targets) await expect(iam.send(new GetRoleCommand({ RoleName: 'deploy' }))).rejects.toMatchObject({ name: 'AccessDenied' });
      expect((await bystander.send(new GetRoleCommand({ RoleName: 'deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);
      expect((await call('/v1/sessions?repositoryId=8429&status=active', operator)).body.sessions).toEqual([]);
    } finally {
      for (const iam of [...targets, bystander]) iam.destroy();
    }
  });

  it('leaves no token or credential in its logs or responses but the credentials it hands out', () => {
    const secrets = sandbox.secretsIssued();
    const handedOut = new Set(responses.flatMap((text) => Object.values((JSON.parse(text) as BrokerAnswer).aws ?? {})));
    expect(leaksInOutput({ stdout: logs.join(''), stderr: '' }, [...secrets.neverExported, ...secrets.credentials, brokerCredentials.secretAccessKey, brokerCredentials.sessionToken])).toEqual([]);
    const responseSecrets = [...secrets.neverExported, ...secrets.credentials.filter((secret) => !handedOut.has(secret) && !secret.startsWith('ASIA')), brokerCredentials.secretAccessKey, brokerCredentials.sessionToken];
    expect(leaksInOutput({ stdout: responses.join('\n'), stderr: '' }, responseSecrets)).toEqual([]);
  });
});
