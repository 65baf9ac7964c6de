import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { evaluatePolicy } from '../../../../src/policy/evaluate.ts';
import { exportAwsTrustPolicy, type AwsTrustPolicyOptions, type TrustPolicyDocument } from '../../../../src/policy/export/aws-trust-policy.ts';
import { lintAwsTrustPolicy } from '../../../../src/policy/lint/aws-trust-policy-lint.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import type { Policy } from '../../../../src/policy/types.ts';
import type { PolicyDocument } from '../../../../src/sandbox/aws/iam-policy.ts';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const OTHER_ROLE = 'arn:aws:iam::111122223333:role/read';
const GITHUB = 'token.actions.githubusercontent.com';
const principal = (prefix = GITHUB) => ({ Federated: `arn:aws:iam::111122223333:oidc-provider/${prefix}` });
const action = 'sts:AssumeRoleWithWebIdentity';

function policy(rules: string, head = 'audiences: [sts.amazonaws.com]'): Policy {
  return parsePolicy(`version: 1\n${head}\nrules:\n${rules}`, 'p.yml');
}
const allow = (name: string, match: string, role = ROLE) => `  - name: ${name}\n    match: ${match}\n    grant: {aws: {roles: [${role}]}}\n`;
const deny = (name: string, match: string) => `  - name: ${name}\n    effect: deny\n    match: ${match}\n`;

// Every document these tests export goes through the trust-policy lint, which must find no error in it.
function exported(source: Policy, options: AwsTrustPolicyOptions = {}): ReturnType<typeof exportAwsTrustPolicy> {
  const result = exportAwsTrustPolicy(source, options);
  expect(lintAwsTrustPolicy(JSON.stringify(result.document, null, 2), 'trust.json').filter((finding) => finding.severity === 'error')).toEqual([]);
  return result;
}

describe('exportAwsTrustPolicy', () => {
  it('writes an Allow per allow rule and a Deny per deny rule, on the keys AWS evaluates for the issuer', () => {
    const { roleArn, document, notes, widenings } = exported(
      policy(
        deny('no-sandbox-environment', '{environment: sandbox}') +
          allow('production', '{repository: octo-org/app, repository_id: "8429", environment: production, job_workflow_ref: {glob: "octo-org/app/.github/workflows/deploy.yml@refs/tags/v**"}}') +
          allow('main-branch', '{repository_owner_id: "1342004", ref: refs/heads/main}'),
      ),
    );
    expect(roleArn).toBe(ROLE);
    expect(document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Denynosandboxenvironment', Effect: 'Deny', Principal: principal(), Action: action, Condition: { StringEquals: { [`${GITHUB}:environment`]: 'sandbox' } } },
        {
          Sid: 'Allowproduction',
          Effect: 'Allow',
          Principal: principal(),
          Action: action,
          Condition: {
            StringEquals: { [`${GITHUB}:repository`]: 'octo-org/app', [`${GITHUB}:repository_id`]: '8429', [`${GITHUB}:environment`]: 'production', [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
            StringLike: { [`${GITHUB}:job_workflow_ref`]: 'octo-org/app/.github/workflows/deploy.yml@refs/tags/v*' },
          },
        },
        // The owner's id is a key AWS evaluates (its reference lists it), so the branch binds only the owner's repositories.
        {
          Sid: 'Allowmainbranch',
          Effect: 'Allow',
          Principal: principal(),
          Action: action,
          Condition: { StringEquals: { [`${GITHUB}:repository_owner_id`]: '1342004', [`${GITHUB}:ref`]: 'refs/heads/main', [`${GITHUB}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    });
    expect(notes).toEqual([]);
    expect(widenings).toEqual([]);
  });

  it('takes the keys of each issuer from AWS’s reference: GitLab’s project_id and pipeline_source, an enterprise’s path', () => {
    const gitlab = exported(policy(deny('no-merge-requests', '{pipeline_source: merge_request_event}') + allow('deploy', '{project_id: "4321", namespace_id: "72", ref_protected: "true"}'), 'issuers: [https://gitlab.com]\naudiences: [sts.amazonaws.com]'));
    expect(gitlab.document.Statement.map((s) => [s.Effect, s.Principal, s.Condition])).toEqual([
      ['Deny', principal('gitlab.com'), { StringEquals: { 'gitlab.com:pipeline_source': 'merge_request_event' } }],
      ['Allow', principal('gitlab.com'), { StringEquals: { 'gitlab.com:project_id': '4321', 'gitlab.com:namespace_id': '72', 'gitlab.com:ref_protected': 'true', 'gitlab.com:aud': 'sts.amazonaws.com' } }],
    ]);
    const enterprise = exported(policy(allow('deploy', '{repository_owner_id: "77", enterprise_id: "5", ref: refs/heads/main}'), `issuers: [https://${GITHUB}/octo-enterprise]\naudiences: [sts.amazonaws.com]`));
    expect(enterprise.document.Statement[0]!.Condition.StringEquals).toEqual({
      [`${GITHUB}/octo-enterprise:repository_owner_id`]: '77',
      [`${GITHUB}/octo-enterprise:enterprise_id`]: '5',
      [`${GITHUB}/octo-enterprise:ref`]: 'refs/heads/main',
      [`${GITHUB}/octo-enterprise:aud`]: 'sts.amazonaws.com',
    });
  });

  it('refuses a rule with a claim AWS does not evaluate for the issuer, and lists the widening with --allow-broader', () => {
    const owner = policy(allow('org-wide', '{repository_owner_id: "1342004", runner_environment: github-hosted, ref: refs/heads/main}'));
    const error = thrown(() => exportAwsTrustPolicy(owner));
    expect(error.code).toBe(ErrorCode.ExportInexact);
    expect(error.message).toBe(
      `AWS cannot enforce the policy exactly for ${ROLE}; the trust policy would admit more than the policy:\n- Rule "org-wide" is broader for ${GITHUB}, where only the broker checks these: AWS does not evaluate runner_environment for this issuer.`,
    );
    expect(error.hint).toContain('--allow-broader');
    const broader = exported(owner, { allowBroader: true });
    expect(broader.document.Statement[0]!.Condition).toEqual({ StringEquals: { [`${GITHUB}:repository_owner_id`]: '1342004', [`${GITHUB}:ref`]: 'refs/heads/main', [`${GITHUB}:aud`]: 'sts.amazonaws.com' } });
    expect(broader.widenings).toEqual([{ rule: 'org-wide', issuer: `https://${GITHUB}`, claims: ['runner_environment'], message: expect.stringContaining('runner_environment') }]);
  });

  it('refuses what IAM cannot say: a regex, and a glob whose * must stop at "/"', () => {
    const release = policy(allow('release', '{repository_id: "8429", environment: production, ref: {glob: "refs/heads/release/*"}, workflow: {regex: "Deploy .+"}}'));
    expect(thrown(() => exportAwsTrustPolicy(release)).message).toContain(`IAM's * also crosses "/", where the glob's * on ref stops; IAM has no regular expressions (the regex on workflow)`);
    // Broader on request: the ref and the workflow are left to the broker.
    const { document, widenings } = exported(release, { allowBroader: true });
    expect(document.Statement[0]!.Condition).toEqual({ StringEquals: { [`${GITHUB}:repository_id`]: '8429', [`${GITHUB}:environment`]: 'production', [`${GITHUB}:aud`]: 'sts.amazonaws.com' } });
    expect(widenings.map((w) => w.claims)).toEqual([['ref', 'workflow']]);
  });

  it('writes ** as IAM’s *, a glob without wildcards as StringEquals, and escapes what IAM would read as a variable or wildcard', () => {
    const globs = policy(allow('globs', '{repository_id: "8429", ref: {glob: "refs/heads/release/**"}, workflow: {glob: "Deploy ${{ env }}?**"}, environment: {glob: "prod?"}, actor: ["${bot}*", b?t]}'));
    // A value with `${` goes to StringLike, whose escapes are documented; StringEquals takes `*` and `?` literally.
    expect(exported(globs).document.Statement[0]!.Condition).toEqual({
      StringEquals: { [`${GITHUB}:repository_id`]: '8429', [`${GITHUB}:environment`]: 'prod?', [`${GITHUB}:aud`]: 'sts.amazonaws.com' },
      StringLike: { [`${GITHUB}:ref`]: 'refs/heads/release/*', [`${GITHUB}:workflow`]: 'Deploy ${$}{{ env }}${?}*', [`${GITHUB}:actor`]: ['${$}{bot}${*}', 'b${?}t'] },
    });
  });

  it('exports a deny rule whole or refuses it, never as a Deny that denies more or less than the rule', () => {
    // GitLab's ref is not a key AWS evaluates: a Deny on it would silently do nothing, and one without it would deny everyone.
    const gitlab = policy(deny('no-dev', '{ref: dev}') + allow('deploy', '{project_id: "4321"}'), 'issuers: [https://gitlab.com]\naudiences: [sts.amazonaws.com]');
    expect(thrown(() => exportAwsTrustPolicy(gitlab)).message).toContain('Deny rule "no-dev" is left to the broker for gitlab.com: AWS does not evaluate ref for this issuer.');
    const broader = exported(gitlab, { allowBroader: true });
    expect(broader.document.Statement.map((s) => s.Effect)).toEqual(['Allow']);
    expect(broader.widenings).toEqual([{ rule: 'no-dev', issuer: 'https://gitlab.com', claims: ['ref'], message: expect.stringContaining('no-dev') }]);
    // A wildcard in a Deny: whether IAM's * matches a line break is undocumented, so the deny could be escaped.
    const pulls = policy(deny('no-pull-requests', '{ref: {glob: "refs/pull/**"}}') + allow('deploy', '{repository_id: "8429"}'));
    expect(thrown(() => exportAwsTrustPolicy(pulls)).message).toContain('a ref with one could escape the deny');
  });

  it('requires every Allow to bind an exact subject or id, even with --allow-broader', () => {
    for (const match of ['{repository: octo-org/app, ref: refs/heads/main}', '{repository_id: {regex: "84(29|30)"}}', '{sub: {glob: "repo:octo-org/app:**"}}']) {
      for (const allowBroader of [false, true]) {
        const error = thrown(() => exportAwsTrustPolicy(policy(allow('unbound', match)), { allowBroader }));
        expect(error.code).toBe(ErrorCode.ExportInexact);
        expect(error.message).toMatch(/^Rule "unbound" pins no sub or id that AWS checks exactly for token\.actions\.githubusercontent\.com/);
        expect(error.hint).toBe('Match an exact sub, or an exact id that AWS evaluates for the issuer: sub, repository_id, repository_owner_id.');
      }
    }
    expect(exported(policy(allow('by-subject', '{sub: "repo:octo-org/app:environment:production"}'))).document.Statement[0]!.Condition.StringEquals).toEqual({
      [`${GITHUB}:sub`]: 'repo:octo-org/app:environment:production',
      [`${GITHUB}:aud`]: 'sts.amazonaws.com',
    });
  });

  it('checks a rule’s aud together with the policy’s audiences, and its issuer through the principal', () => {
    const two = policy(allow('aud', '{repository_id: "8429", ref: refs/heads/main, aud: [sts.amazonaws.com, other]}') + allow('never', '{repository_id: "8429", ref: refs/heads/main, aud: other}'), 'audiences: [sts.amazonaws.com, https://github.com/octo-org]');
    const { document, notes } = exported(two);
    expect(document.Statement.map((s) => s.Condition.StringEquals?.[`${GITHUB}:aud`])).toEqual(['sts.amazonaws.com']);
    expect(notes).toEqual(['Rule "never" is not in the trust policy: it admits none of the policy\'s audiences, so it never matches.']);
    const issuers = policy(allow('gitlab-only', '{project_id: "1", ref_protected: "true"}').replace('    match', '    issuer: https://gitlab.com\n    match') + allow('github-only', `{iss: https://${GITHUB}, repository_id: "8429", environment: production}`), `issuers: [https://${GITHUB}, https://gitlab.com]\naudiences: [sts.amazonaws.com]`);
    expect(exported(issuers).document.Statement.map((s) => [s.Sid, s.Principal])).toEqual([
      ['Allowgithubonly1', principal()],
      ['Allowgitlabonly2', principal('gitlab.com')],
    ]);
  });

  it('exports one role at a time', () => {
    const two = policy(deny('no-sandbox-environment', '{environment: sandbox}') + allow('main', '{repository_id: "8429", ref: refs/heads/main}') + allow('read', '{repository_id: "8429", environment: production}', OTHER_ROLE));
    const error = thrown(() => exportAwsTrustPolicy(two));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(`The selected rules grant several roles: ${ROLE}, ${OTHER_ROLE}.`);
    expect(exported(two, { role: OTHER_ROLE }).document.Statement.map((s) => s.Sid)).toEqual(['Denynosandboxenvironment', 'Allowread']);
    expect(exported(two, { rule: 'read' }).roleArn).toBe(OTHER_ROLE);
    expect(thrown(() => exportAwsTrustPolicy(two, { rule: 'nope' })).message).toBe('The policy has no rule named "nope".');
  });
});

describe('agreement between the policy and its exported trust policy in the sandbox’s STS', () => {
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

  it('gives the same verdict as the engine for every job of the corpus', async () => {
    const rules = deny('no-sandbox-environment', '{environment: sandbox}') + allow('production', '{repository: octo-org/app, repository_id: "8429", environment: production, job_workflow_ref: {glob: "octo-org/app/.github/workflows/deploy.yml@refs/tags/v**"}}') + allow('main-branch', '{repository_id: "8429", ref: refs/heads/main}');
    // The sandbox's issuer stands in for GitHub's at a loopback address, and its STS evaluates GitHub's keys for it.
    const { document } = exported(policy(rules));
    const local = sandbox.issuer.url.replace(/^https?:\/\//, '');
    sandbox.aws.putRole({ name: 'deploy', trustPolicy: JSON.parse(JSON.stringify(document satisfies TrustPolicyDocument).replaceAll(GITHUB, local)) as PolicyDocument });
    const engine = policy(rules, `issuers: ["${sandbox.issuer.url}"]\naudiences: [sts.amazonaws.com]\ncustom-claims: [environment, repository, repository_id, job_workflow_ref, ref]`);
    const repositories = [
      ['octo-org/app', '8429'],
      ['octo-org/other', '9999'],
    ];
    const verdicts: string[] = [];
    for (const [repository, repositoryId] of repositories) {
      for (const environment of ['production', 'sandbox', undefined]) {
        for (const ref of ['refs/heads/main', 'refs/heads/dev', 'refs/tags/v1.2.0']) {
          for (const workflow of ['octo-org/app/.github/workflows/deploy.yml@refs/tags/v1.2.0', 'octo-org/app/.github/workflows/other.yml@refs/heads/main']) {
            const claims = { repository, repository_id: repositoryId, environment, ref, job_workflow_ref: workflow, sub: environment ? `repo:${repository}:environment:${environment}` : `repo:${repository}:ref:${ref}` };
            const broker = evaluatePolicy(engine, { ...sandbox.issuer.payloadFor({ audience: 'sts.amazonaws.com', claims }) }).allowed;
            const token = await sandbox.issuer.mint({ audience: 'sts.amazonaws.com', claims });
            const aws = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'agreement', WebIdentityToken: token })).then(
              () => true,
              (error: { name: string }) => {
                if (error.name !== 'AccessDenied') throw error;
                return false;
              },
            );
            verdicts.push(`${repository} ${environment ?? '-'} ${ref} ${workflow.split('/').at(-1)}: engine ${broker}, aws ${aws}`);
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
