import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { evaluatePolicy } from '../../../../src/policy/evaluate.ts';
import { exportAwsTrustPolicy } from '../../../../src/policy/export/aws-trust-policy.ts';
import { lintAwsTrustPolicy } from '../../../../src/policy/lint/aws-trust-policy-lint.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const OTHER_ROLE = 'arn:aws:iam::111122223333:role/read';

function policyFor(issuer: string, extraRules = ''): string {
  return `version: 1
issuers: ["${issuer}"]
audiences: [sts.amazonaws.com]
rules:
  - name: no-sandbox-environment
    effect: deny
    match: {environment: sandbox}
  - name: production
    match:
      repository: octo-org/app
      repository_id: "8429"
      environment: production
      job_workflow_ref: {glob: "octo-org/app/.github/workflows/deploy.yml@refs/tags/v*"}
    grant: {aws: {roles: [${ROLE}]}}
  - name: main-branch
    match: {repository: octo-org/app, repository_id: "8429", ref: refs/heads/main}
    grant: {aws: {roles: [${ROLE}]}}
${extraRules}`;
}

describe('exportAwsTrustPolicy', () => {
  const policy = parsePolicy(policyFor('https://token.actions.githubusercontent.com'), 'p.yml');

  it('writes an Allow per allow rule and a Deny per deny rule, with the claims as condition keys', () => {
    const { roleArn, document, notes } = exportAwsTrustPolicy(policy);
    expect(roleArn).toBe(ROLE);
    const principal = { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' };
    const action = 'sts:AssumeRoleWithWebIdentity';
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Denynosandboxenvironment', Effect: 'Deny', Principal: principal, Action: action, Condition: { StringEquals: { 'token.actions.githubusercontent.com:environment': 'sandbox' } } },
        {
          Sid: 'Allowproduction',
          Effect: 'Allow',
          Principal: principal,
          Action: action,
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:repository': 'octo-org/app',
              'token.actions.githubusercontent.com:repository_id': '8429',
              'token.actions.githubusercontent.com:environment': 'production',
              'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:environment:production',
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            },
            StringLike: { 'token.actions.githubusercontent.com:job_workflow_ref': 'octo-org/app/.github/workflows/deploy.yml@refs/tags/v*' },
          },
        },
        {
          Sid: 'Allowmainbranch',
          Effect: 'Allow',
          Principal: principal,
          Action: action,
          Condition: {
            StringEquals: {
              'token.actions.githubusercontent.com:repository': 'octo-org/app',
              'token.actions.githubusercontent.com:repository_id': '8429',
              'token.actions.githubusercontent.com:ref': 'refs/heads/main',
              'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:octo-org/app:*' },
          },
        },
      ],
    });
    expect(notes).toEqual([]);
  });

  it('passes its own trust-policy lint without errors', () => {
    const { document } = exportAwsTrustPolicy(policy);
    expect(lintAwsTrustPolicy(JSON.stringify(document, null, 2), 'trust.json').filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('notes what AWS cannot check, and leaves out deny rules it cannot express exactly', () => {
    const broader = parsePolicy(
      policyFor(
        'https://token.actions.githubusercontent.com',
        `  - name: no-forks\n    effect: deny\n    match: {event_name: pull_request_target}\n  - name: org-wide\n    match: {repository_owner: octo-org, repository_owner_id: "1342004", runner_environment: github-hosted, ref: {regex: "refs/tags/v[0-9]+"}}\n    grant: {aws: {roles: [${ROLE}]}}\n`,
      ),
      'p.yml',
    );
    const { document, notes } = exportAwsTrustPolicy(broader);
    expect(notes).toEqual([
      'Deny rule "no-forks" is not in the trust policy: AWS has no exact condition for event_name; only the broker enforces it.',
      'Rule "org-wide": AWS cannot check repository_owner_id, runner_environment, the regex on ref; the trust policy is broader there, and only the broker enforces it.',
    ]);
    expect(document.Statement.at(-1)?.Condition.StringLike).toEqual({ 'token.actions.githubusercontent.com:sub': 'repo:octo-org/*' });
  });

  it('exports one role at a time', () => {
    const two = parsePolicy(policyFor('https://token.actions.githubusercontent.com', `  - name: read\n    match: {repository_id: "8429", repository: octo-org/app}\n    grant: {aws: {roles: [${OTHER_ROLE}]}}\n`), 'p.yml');
    const error = thrown(() => exportAwsTrustPolicy(two));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(`The selected rules grant several roles: ${ROLE}, ${OTHER_ROLE}.`);
    expect(exportAwsTrustPolicy(two, { role: OTHER_ROLE }).document.Statement.map((s) => s.Sid)).toEqual(['Denynosandboxenvironment', 'Allowread']);
    expect(exportAwsTrustPolicy(two, { rule: 'read' }).roleArn).toBe(OTHER_ROLE);
    expect(thrown(() => exportAwsTrustPolicy(two, { rule: 'nope' })).message).toBe('The policy has no rule named "nope".');
  });
});

describe('agreement between the policy and its exported trust policy', () => {
  let sandbox: Sandbox;
  let sts: STSClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ roles: [] });
    sts = new STSClient({ region: 'us-east-1', endpoint: sandbox.aws.url, maxAttempts: 1 });
  });
  afterAll(async () => {
    sts.destroy();
    await sandbox.close();
  });

  it('gives the same verdict in the STS emulator as the engine, for every job of the corpus', async () => {
    const policy = parsePolicy(policyFor(sandbox.issuer.url), 'p.yml');
    sandbox.aws.putRole({ name: 'deploy', trustPolicy: exportAwsTrustPolicy(policy).document });
    const repositories = [
      ['octo-org/app', '8429'],
      ['octo-org/other', '9999'],
    ];
    const environments = ['production', 'sandbox', undefined];
    const refs = ['refs/heads/main', 'refs/heads/dev', 'refs/tags/v1.2.0'];
    const workflows = ['octo-org/app/.github/workflows/deploy.yml@refs/tags/v1.2.0', 'octo-org/app/.github/workflows/other.yml@refs/heads/main'];
    const verdicts: string[] = [];
    for (const [repository, repositoryId] of repositories) {
      for (const environment of environments) {
        for (const ref of refs) {
          for (const workflow of workflows) {
            const claims = {
              repository,
              repository_id: repositoryId,
              environment,
              ref,
              job_workflow_ref: workflow,
              sub: environment ? `repo:${repository}:environment:${environment}` : `repo:${repository}:ref:${ref}`,
            };
            const engine = evaluatePolicy(policy, { ...sandbox.issuer.payloadFor({ audience: 'sts.amazonaws.com', claims }) }).allowed;
            const token = await sandbox.issuer.mint({ audience: 'sts.amazonaws.com', claims });
            const aws = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'agreement', WebIdentityToken: token })).then(
              () => true,
              (error: { name: string }) => {
                if (error.name !== 'AccessDenied') throw error;
                return false;
              },
            );
            verdicts.push(`${repository} ${environment ?? '-'} ${ref} ${workflow.split('/').at(-1)}: engine ${engine}, aws ${aws}`);
          }
        }
      }
    }
    expect(verdicts.filter((line) => !/engine (true|false), aws \1$/.test(line))).toEqual([]);
    // The corpus exercises both verdicts.
    expect(verdicts.some((line) => line.endsWith('aws true'))).toBe(true);
    expect(verdicts.some((line) => line.endsWith('aws false'))).toBe(true);
  });
});
