import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleCommand, STSClient, type Tag } from '@aws-sdk/client-sts';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { exportAwsBrokerTrust } from '../../../../src/policy/export/aws-broker-trust.ts';
import { exportGcpBrokerBindings } from '../../../../src/policy/export/gcp-broker-bindings.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import { REVOKER_ACTIONS } from '../../../../src/providers/aws/session-denial.ts';
import type { PolicyDocument } from '../../../../src/sandbox/aws/iam-policy.ts';
import { SANDBOX_ACCOUNT_ID, startSandbox, type Sandbox } from '../../../../src/sandbox/index.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const ACCOUNT = SANDBOX_ACCOUNT_ID;
const BROKER = `arn:aws:iam::${ACCOUNT}:role/ci-oidc-broker`;
const DEPLOY = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const GRANT = `grant: {aws: {roles: [${DEPLOY}]}, gcp: {workload-identity-provider: projects/123456/locations/global/workloadIdentityPools/pool/providers/github, service-accounts: [deploy@p.iam.gserviceaccount.com]}}`;
const POLICY = `version: 1
rules:
  - name: no-forks
    effect: deny
    match: {repository_owner_id: "666"}
  - name: deploy
    match:
      repository_id: ["8429", "8430"]
      ref: refs/heads/main
      environment: {glob: "prod**"}
    ${GRANT}
`;
const policyWith = (match: string, extra = '') => parsePolicy(`version: 1\n${extra}rules:\n  - name: r\n    match: ${match}\n    ${GRANT}\n`, 'p.yml');

describe('exportAwsBrokerTrust', () => {
  const exported = exportAwsBrokerTrust(parsePolicy(POLICY, 'p.yml'), { brokerRole: BROKER });

  it('trusts the broker role alone, for sessions tagged as the rule requires, with deny rules as Deny statements', () => {
    const actions = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];
    expect(exported.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Denynoforks', Effect: 'Deny', Principal: { AWS: BROKER }, Action: actions, Condition: { StringEquals: { 'aws:RequestTag/repository_owner_id': '666' } } },
        {
          Sid: 'Allowdeploy',
          Effect: 'Allow',
          Principal: { AWS: BROKER },
          Action: actions,
          Condition: {
            StringEquals: { 'aws:RequestTag/repository_id': ['8429', '8430'], 'aws:RequestTag/ref': 'refs/heads/main' },
            StringLike: { 'aws:RequestTag/environment': 'prod*' },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['environment', 'event_name', 'job_workflow_ref', 'ref', 'repository_id', 'repository_owner_id'] },
            Null: { 'sts:SourceIdentity': 'false' },
          },
        },
      ],
    });
  });

  it('gives the broker role minting and the revocation actions on the granted roles, nothing else', () => {
    expect(exported.brokerPermissions.Statement).toEqual([
      { Sid: 'MintSessions', Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], Resource: [DEPLOY] },
      { Sid: 'DenySessions', Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: [DEPLOY] },
    ]);
  });

  it.each([
    ['a claim the broker does not tag', '{repository: octo-org/app, repository_id: "8429"}', 'the broker writes no session tag for repository'],
    ['a regex', '{repository_id: "8429", ref: {regex: "refs/heads/.*"}}', 'IAM has no regular expressions'],
    ['a value with "_", which the tag cannot tell from a sanitised character', '{repository_id: "8429", event_name: workflow_dispatch}', 'cannot tell "workflow_dispatch" from other values'],
    ['a value with a character tags cannot hold', '{repository_id: "8429", ref: "refs/heads/a#b"}', 'cannot tell "refs/heads/a#b"'],
    ['a glob whose * stops at "/"', '{repository_id: "8429", ref: {glob: "refs/heads/*"}}', 'IAM\'s * also crosses "/"'],
    ['a glob with text after **, which a cut value could match', '{repository_id: "8429", job_workflow_ref: {glob: "**@refs/heads/main"}}', 'does not end in **'],
    ['no repository or owner id bound exactly', '{ref: refs/heads/main}', 'binds no repository or owner id exactly'],
  ])('refuses %s, never broader than the rule', (_what, match, reason) => {
    const error = thrown(() => exportAwsBrokerTrust(policyWith(match), { brokerRole: BROKER }));
    expect([error.code, error.message]).toEqual([ErrorCode.ExportInexact, expect.stringContaining(reason)]);
  });

  it('refuses a deny rule it could state only in part, and an issuer condition among several issuers', () => {
    const deny = parsePolicy(`version: 1\nrules:\n  - name: d\n    effect: deny\n    match: {actor: mallory}\n  - name: r\n    match: {repository_id: "8429"}\n    ${GRANT}\n`, 'p.yml');
    expect(thrown(() => exportAwsBrokerTrust(deny, { brokerRole: BROKER })).message).toContain('deny rule "d": the broker writes no session tag for actor');
    const issuers = `issuers: [https://token.actions.githubusercontent.com, https://token.actions.githubusercontent.com/octo]\n`;
    const named = parsePolicy(`version: 1\n${issuers}rules:\n  - name: r\n    issuer: https://token.actions.githubusercontent.com/octo\n    match: {repository_id: "8429"}\n    ${GRANT}\n`, 'p.yml');
    expect(thrown(() => exportAwsBrokerTrust(named, { brokerRole: BROKER })).message).toContain('session tags do not carry the issuer');
  });

  it('refuses a broker role that is not a role ARN', () => {
    expect(thrown(() => exportAwsBrokerTrust(parsePolicy(POLICY, 'p.yml'), { brokerRole: 'ci-oidc-broker' })).code).toBe(ErrorCode.InputInvalid);
  });
});

describe('exportGcpBrokerBindings', () => {
  it('binds the broker service account as token creator on each granted service account', () => {
    const exported = exportGcpBrokerBindings(parsePolicy(POLICY, 'p.yml'), { brokerServiceAccount: 'broker@ops.iam.gserviceaccount.com' });
    expect(exported.bindings).toEqual([
      {
        serviceAccount: 'deploy@p.iam.gserviceaccount.com',
        role: 'roles/iam.serviceAccountTokenCreator',
        member: 'serviceAccount:broker@ops.iam.gserviceaccount.com',
        command: 'gcloud iam service-accounts add-iam-policy-binding deploy@p.iam.gserviceaccount.com --member=serviceAccount:broker@ops.iam.gserviceaccount.com --role=roles/iam.serviceAccountTokenCreator',
      },
    ]);
    expect(exported.notes.join(' ')).toContain('cannot revoke an access token');
    expect(thrown(() => exportGcpBrokerBindings(parsePolicy(POLICY, 'p.yml'), { brokerServiceAccount: 'broker' })).code).toBe(ErrorCode.InputInvalid);
  });
});

/**
 * The exported trust policy applied to a role in the sandbox, and AssumeRole called through the real
 * STS client with the broker's credentials: the sandbox's STS and an independent IAM evaluator
 * (@cloud-copilot/iam-simulate) must both admit exactly the requests the rule allows.
 */
describe('an exported broker trust policy in the sandbox', () => {
  let sandbox: Sandbox;
  const { trustPolicy } = exportAwsBrokerTrust(parsePolicy(POLICY, 'p.yml'), { brokerRole: BROKER });
  beforeAll(async () => {
    sandbox = await startSandbox({
      roles: [
        { name: 'ci-oidc-broker', trustPolicy: { Statement: [] } },
        { name: 'intruder', trustPolicy: { Statement: [] } },
        { name: 'deploy', trustPolicy: trustPolicy as unknown as PolicyDocument },
      ],
    });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const GOOD: Record<string, string> = { repository_id: '8429', repository_owner_id: '1342004', ref: 'refs/heads/main', environment: 'production', event_name: 'push' };
  async function assumeAs(roleName: string, tags: Record<string, string>, sourceIdentity: string | undefined): Promise<'Allowed' | 'Denied'> {
    const own = sandbox.aws.issueRoleCredentials(roleName);
    const sts = new STSClient({ region: 'us-east-1', endpoint: sandbox.aws.url, credentials: { accessKeyId: own.accessKeyId, secretAccessKey: own.secretAccessKey, sessionToken: own.sessionToken } });
    const Tags: Tag[] = Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
    try {
      await sts.send(new AssumeRoleCommand({ RoleArn: DEPLOY, RoleSessionName: 'broker-test', Tags, TransitiveTagKeys: Object.keys(tags), SourceIdentity: sourceIdentity }));
      return 'Allowed';
    } catch (error) {
      expect((error as { name?: string }).name).toBe('AccessDenied');
      return 'Denied';
    } finally {
      sts.destroy();
    }
  }
  function oracle(roleName: string, tags: Record<string, string>, sourceIdentity: string | undefined): 'Allowed' | 'Denied' {
    const keys = { ...Object.fromEntries(Object.entries(tags).map(([key, value]) => [`aws:RequestTag/${key}`, value])), 'aws:TagKeys': Object.keys(tags), ...(sourceIdentity && { 'sts:SourceIdentity': sourceIdentity }) };
    const decide = (action: string) =>
      runUnsafeSimulation(
        {
          request: { principal: `arn:aws:iam::${ACCOUNT}:role/${roleName}`, action, resource: { resource: DEPLOY, accountId: ACCOUNT }, contextVariables: keys },
          identityPolicies: [],
          serviceControlPolicies: [],
          resourceControlPolicies: [],
          resourcePolicy: { __validated: true, policyDocument: trustPolicy, metadata: { name: 'trust' }, errors: [] },
        } as never,
        {},
      );
    return ['sts:AssumeRole', 'sts:TagSession', ...(sourceIdentity ? ['sts:SetSourceIdentity'] : [])].every((action) => decide(action) === 'Allowed') ? 'Allowed' : 'Denied';
  }

  it.each<[string, string, Record<string, string>, string | undefined, 'Allowed' | 'Denied']>([
    ['the broker, tagged as the rule requires', 'ci-oidc-broker', GOOD, '8429@1_1', 'Allowed'],
    ['the broker, for the rule’s other repository', 'ci-oidc-broker', { ...GOOD, repository_id: '8430' }, '8430@1_1', 'Allowed'],
    ['the broker, for another repository', 'ci-oidc-broker', { ...GOOD, repository_id: '9000' }, '8429@1_1', 'Denied'],
    ['the broker, for another branch', 'ci-oidc-broker', { ...GOOD, ref: 'refs/heads/dev' }, '8429@1_1', 'Denied'],
    ['the broker, for an environment the glob does not cover', 'ci-oidc-broker', { ...GOOD, environment: 'staging' }, '8429@1_1', 'Denied'],
    ['the broker, without the repository tag', 'ci-oidc-broker', { ref: 'refs/heads/main', environment: 'production' }, '8429@1_1', 'Denied'],
    ['the broker, with a tag it never sets', 'ci-oidc-broker', { ...GOOD, admin: 'true' }, '8429@1_1', 'Denied'],
    ['the broker, without a source identity', 'ci-oidc-broker', GOOD, undefined, 'Denied'],
    ['the broker, for an owner a deny rule refuses', 'ci-oidc-broker', { ...GOOD, repository_owner_id: '666' }, '8429@1_1', 'Denied'],
    ['another role of the account, tagged as the rule requires', 'intruder', GOOD, '8429@1_1', 'Denied'],
  ])('%s: %s', async (_what, caller, tags, sourceIdentity, expected) => {
    expect([await assumeAs(caller, tags, sourceIdentity), oracle(caller, tags, sourceIdentity)]).toEqual([expected, expected]);
  });
});
