import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { lintAwsTrustPolicy } from '../../../../src/policy/lint/aws-trust-policy-lint.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const KEY = 'token.actions.githubusercontent.com';

function trust(condition: string, extra = ''): string {
  return `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/${KEY}"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": ${condition}${extra}
    }
  ]
}`;
}

function ids(text: string): string[] {
  return lintAwsTrustPolicy(text, 'trust.json').map((finding) => `${finding.severity} ${finding.id}`);
}

const GOOD = `{"StringEquals": {"${KEY}:aud": "sts.amazonaws.com", "${KEY}:sub": "repo:octo-org/app:environment:production"}}`;

describe('lintAwsTrustPolicy', () => {
  it('has nothing to say about an exact subject and audience', () => {
    expect(ids(trust(GOOD))).toEqual([]);
  });

  it.each([
    ['no sub condition', `{"StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}}`, 'error no-sub-condition'],
    ['a wildcard that opens every owner', `{"StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}, "StringLike": {"${KEY}:sub": "repo:*"}}`, 'error wildcard'],
    ['a wildcard after the repository', `{"StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}, "StringLike": {"${KEY}:sub": "repo:octo-org/app:*"}}`, 'warning wildcard'],
    ['ForAllValues', `{"StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}, "ForAllValues:StringLike": {"${KEY}:sub": "repo:octo-org/app:ref:refs/heads/main"}}`, 'error for-all-values'],
    ['StringLike without a wildcard', `{"StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}, "StringLike": {"${KEY}:sub": "repo:octo-org/app:ref:refs/heads/main"}}`, 'warning string-like-without-wildcard'],
    ['a duplicate key that drops a condition', `{"StringEquals": {"${KEY}:sub": "repo:octo-org/app:ref:refs/heads/main"}, "StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}}`, 'error duplicate-key'],
    ['no audience check', `{"StringEquals": {"${KEY}:sub": "repo:octo-org/app:ref:refs/heads/main"}}`, 'warning no-aud-condition'],
  ])('flags %s', (_what, condition, expected) => {
    expect(ids(trust(condition))).toContain(expected);
  });

  it('locates a duplicate key, and sees that IAM would lose the sub condition', () => {
    const text = trust(`{"StringEquals": {"${KEY}:sub": "repo:a/b:ref:refs/heads/main"}, "StringEquals": {"${KEY}:aud": "sts.amazonaws.com"}}`);
    const findings = lintAwsTrustPolicy(text, 'trust.json');
    const line = text.split('\n')[7]!;
    expect(findings.find((f) => f.id === 'duplicate-key')?.location).toEqual({ file: 'trust.json', line: 8, column: line.lastIndexOf('"StringEquals"') + 1 });
    expect(findings.map((f) => f.id)).toContain('no-sub-condition');
  });

  it('ignores statements that do not allow web identity', () => {
    const text = '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}}';
    expect(ids(text)).toEqual([]);
  });

  it('refuses text that is not JSON', () => {
    const error = thrown(() => lintAwsTrustPolicy('{"Statement": [', 'trust.json'));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toMatch(/^trust\.json is not valid JSON: /);
  });
});

const ARN = (host: string): string => `arn:aws:iam::111122223333:oidc-provider/${host}`;
const AUD = { [`${KEY}:aud`]: 'sts.amazonaws.com' };
const SUB = `${KEY}:sub`;

type Statement = Record<string, unknown>;
function allow(overrides: Statement = {}): Statement {
  return { Effect: 'Allow', Principal: { Federated: ARN(KEY) }, Action: 'sts:AssumeRoleWithWebIdentity', ...overrides };
}
function deny(condition: Statement, overrides: Statement = {}): Statement {
  return { Effect: 'Deny', Principal: { Federated: ARN(KEY) }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition, ...overrides };
}
function doc(...statements: Statement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
/** An Allow whose only doubt is the subject: aud pinned, sub tested by `operator`. */
function withSub(operator: string, value: unknown, extra: Record<string, Statement> = {}): Statement {
  const condition: Record<string, Statement> = { StringEquals: { ...AUD } };
  for (const [name, tests] of [[operator, { [SUB]: value }] as const, ...Object.entries(extra)]) condition[name] = { ...condition[name], ...tests };
  return allow({ Condition: condition });
}
const TIGHT = allow({ Condition: { StringEquals: { ...AUD, [SUB]: 'repo:octo-org/app:ref:refs/heads/main' } } });
const errors = (text: string): string[] => ids(text).filter((id) => id.startsWith('error '));

describe('actions, matched as IAM matches them', () => {
  it.each([
    ['a wildcard that covers AssumeRole*', 'sts:AssumeRole*'],
    ['a list with sts:*WebIdentity', ['sts:*WebIdentity']],
    ['another case', 'STS:assumerolewithwebidentity'],
    ['a ? wildcard', 'sts:AssumeRoleWithWebIdentit?'],
    ['every action', '*'],
  ])('examines %s', (_what, action) => {
    expect(ids(doc(allow({ Action: action })))).toContain('error no-sub-condition');
  });

  it('examines a NotAction that leaves AssumeRoleWithWebIdentity in, and calls it broad', () => {
    const text = doc(allow({ Action: undefined, NotAction: 'sts:GetCallerIdentity' }));
    expect(ids(text)).toEqual(expect.arrayContaining(['error no-sub-condition', 'warning broad-action']));
  });

  it('warns that sts:* is broader than needed, even with a proper condition', () => {
    expect(ids(doc({ ...TIGHT, Action: 'sts:*' }))).toEqual(['warning broad-action']);
    expect(lintAwsTrustPolicy(doc({ ...TIGHT, Action: 'sts:AssumeRole*' }), 't.json')[0]?.message).toMatch(/also allows sts:AssumeRole, sts:AssumeRoleWithSAML/);
  });

  it.each([
    ['session tags', ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']],
    ['a wildcard that covers web identity only', 'sts:*WebIdentity'],
  ])('has nothing to say about %s', (_what, action) => {
    expect(ids(doc({ ...TIGHT, Action: action }))).toEqual([]);
  });

  it('ignores a NotAction that leaves web identity out', () => {
    expect(ids(doc(allow({ Action: undefined, NotAction: 'sts:AssumeRoleWithWebIdentity' })))).toEqual([]);
  });
});

describe('principals', () => {
  it.each([
    ['"*"', { Principal: '*' }],
    ['{"AWS": "*"}', { Principal: { AWS: '*' } }],
    ['a Federated wildcard', { Principal: { Federated: '*' } }],
    ['NotPrincipal', { Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }],
  ])('flags %s even with a tight condition', (_what, principal) => {
    expect(errors(doc({ ...TIGHT, ...principal }))).toEqual(['error open-principal']);
  });

  it('flags an open principal without conditions as unbound too', () => {
    expect(errors(doc(allow({ Principal: { AWS: '*' }, Action: 'sts:AssumeRole' })))).toEqual(['error open-principal']);
    expect(errors(doc(allow({ Principal: '*' })))).toEqual(['error no-sub-condition', 'error open-principal']);
  });

  it('judges every Allow statement on its own: a tight one does not cover an open one', () => {
    const findings = lintAwsTrustPolicy(doc(TIGHT, allow({ Sid: 'Loose', Condition: { StringEquals: AUD } })), 't.json');
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.id}`)).toEqual(['Loose no-sub-condition']);
  });

  it('judges each provider of a Federated list by the keys its tokens carry', () => {
    const both = { Federated: [ARN(KEY), ARN('gitlab.com')] };
    // gitlab.com's tokens lack the GitHub keys, so the positive tests refuse them.
    expect(ids(doc({ ...TIGHT, Principal: both }))).toEqual([]);
    const open = allow({ Principal: both, Condition: { StringEqualsIfExists: { ...AUD, [SUB]: 'repo:octo-org/app:ref:refs/heads/main' } } });
    const findings = lintAwsTrustPolicy(doc(open), 't.json').filter((f) => f.id === 'no-sub-condition');
    expect(findings.map((f) => f.message.match(/for tokens of (\S+):/)?.[1])).toEqual([KEY, 'gitlab.com']);
  });

  it('never flags a Deny statement as open', () => {
    expect(ids(doc(TIGHT, deny({}, { Principal: '*', Action: '*' })))).toEqual([]);
    expect(ids(doc(TIGHT, deny({ StringLike: { [SUB]: 'repo:*' }, StringNotEqualsIfExists: { [`${KEY}:ref`]: 'refs/heads/main' } })))).toEqual([]);
  });
});

describe('subject tests that do not bind', () => {
  it.each([
    ['StringNotEquals', 'StringNotEquals', 'repo:evil/x:ref:refs/heads/main', 'negated-condition'],
    ['StringNotLike', 'StringNotLike', 'repo:evil/*', 'negated-condition'],
    ['Null false', 'Null', 'false', 'null-condition'],
    ['StringLikeIfExists', 'StringLikeIfExists', 'repo:octo-org/app:ref:refs/heads/main', 'if-exists'],
    ['StringEqualsIfExists', 'StringEqualsIfExists', 'repo:octo-org/app:ref:refs/heads/main', 'if-exists'],
    ['ForAllValues', 'ForAllValues:StringEquals', 'repo:octo-org/app:ref:refs/heads/main', 'for-all-values'],
  ])('does not count %s on sub as a binding', (_what, operator, value, id) => {
    expect(errors(doc(withSub(operator, value)))).toEqual(expect.arrayContaining(['error no-sub-condition', `error ${id}`]));
  });

  it('lets a negated test narrow a binding without complaint', () => {
    const narrowed = withSub('StringEquals', 'repo:octo-org/app:ref:refs/heads/main', { StringNotEquals: { [SUB]: 'repo:octo-org/app:ref:refs/heads/wip' }, Null: { [SUB]: 'false' } });
    expect(ids(doc(narrowed))).toEqual([]);
  });

  it('warns, but does not fail, when an IfExists restriction on another claim may not hold', () => {
    expect(ids(doc(withSub('StringEquals', 'repo:octo-org/app:environment:production', { StringEqualsIfExists: { [`${KEY}:ref`]: 'refs/heads/main' } })))).toEqual(['warning if-exists']);
  });
});

describe('pull requests', () => {
  it.each([
    ['the pull_request subject', 'StringEquals', 'repo:octo-org/app:pull_request'],
    ['a wildcard after the repository', 'StringLike', 'repo:octo-org/app:*'],
    ['an owner-wide wildcard', 'StringLike', 'repo:octo-org/*'],
    ['a wildcard in the repository name', 'StringLike', 'repo:octo-org/app*'],
  ])('flags %s', (_what, operator, value) => {
    expect(errors(doc(withSub(operator, value)))).toEqual(['error pull-request']);
  });

  it('flags a statement bound by the repository’s ID and name alone', () => {
    expect(errors(doc(allow({ Condition: { StringEquals: { ...AUD, [`${KEY}:repository_id`]: '8429' } } })))).toEqual(['error pull-request']);
    expect(errors(doc(allow({ Condition: { StringEquals: { ...AUD, [`${KEY}:repository_id`]: '8429', [`${KEY}:repository`]: 'octo-org/app' } } })))).toEqual(['error pull-request']);
  });

  it.each([
    ['a ref binding', withSub('StringLike', 'repo:octo-org/app:*', { StringEquals: { ...AUD, [`${KEY}:ref`]: 'refs/heads/main' } })],
    ['a negated subject', withSub('StringLike', 'repo:octo-org/app:*', { StringNotEquals: { [SUB]: 'repo:octo-org/app:pull_request' } })],
    ['branches only', withSub('StringLike', 'repo:octo-org/app:ref:refs/heads/*')],
    ['environments only', withSub('StringLike', 'repo:octo-org/app:environment:*')],
  ])('sees that %s keeps pull requests out', (_what, statement) => {
    expect(errors(doc(statement))).toEqual([]);
  });

  it('sees that a Deny statement keeps pull requests out', () => {
    const open = withSub('StringLike', 'repo:octo-org/app:*');
    expect(errors(doc(open, deny({ StringEquals: { [`${KEY}:event_name`]: 'pull_request' } })))).toEqual([]);
    expect(errors(doc(open, deny({ StringLike: { [SUB]: 'repo:*:pull_request' } })))).toEqual([]);
    // A Deny for another provider's tokens, or spelt in a way IAM refuses, keeps nothing out.
    expect(errors(doc(open, deny({ StringEquals: { [`${KEY}:event_name`]: 'pull_request' } }, { Principal: { Federated: ARN('gitlab.com') } })))).toEqual(['error pull-request']);
    expect(errors(doc(open, deny({ StringEquals: { [`${KEY}:event_name`]: 'pull_request' } }, { Effect: 'deny' }))).sort()).toEqual(['error malformed-statement', 'error pull-request']);
  });

  it('does not look for GitHub pull requests in another issuer’s subjects', () => {
    const gitlab = allow({ Principal: { Federated: ARN('gitlab.com') }, Condition: { StringEquals: { 'gitlab.com:aud': 'sts.amazonaws.com' }, StringLike: { 'gitlab.com:sub': 'project_path:group/app:*' } } });
    expect(ids(doc(gitlab))).toEqual(['warning wildcard']);
  });
});

describe('case', () => {
  it.each([
    ['an upper-case SUB key', { StringEquals: { ...AUD, [`${KEY}:SUB`]: 'repo:octo-org/app:ref:refs/heads/main' } }],
    ['an operator in lower case', { stringequals: { ...AUD, [SUB]: 'repo:octo-org/app:ref:refs/heads/main' } }],
    ['a provider host in another case', { StringEquals: { ...AUD, 'Token.Actions.GithubUserContent.com:Sub': 'repo:octo-org/app:ref:refs/heads/main' } }],
  ])('counts %s as a binding', (_what, condition) => {
    expect(ids(doc(allow({ Condition: condition })))).toEqual([]);
  });

  it.each([
    ['STRINGNOTEQUALS', 'negated-condition'],
    ['stringlikeifexists', 'if-exists'],
    ['forallvalues:stringlike', 'for-all-values'],
  ])('reads %s as IAM would', (operator, id) => {
    expect(errors(doc(withSub(operator, 'repo:octo-org/app:ref:refs/heads/main')))).toEqual(expect.arrayContaining(['error no-sub-condition', `error ${id}`]));
  });

  it('holds Effect to its exact spelling, and credits neither "allow" nor "deny"', () => {
    expect(errors(doc({ ...TIGHT, Effect: 'allow' }))).toEqual(['error malformed-statement']);
    expect(lintAwsTrustPolicy(doc({ ...TIGHT, Effect: 'ALLOW' }), 't.json')[0]?.message).toMatch(/^Effect is "ALLOW": IAM takes only "Allow" or "Deny"/);
  });

  it('does not read misspelt elements as the ones they resemble', () => {
    const text = doc({ ...allow(), condition: TIGHT.Condition });
    expect(errors(text)).toEqual(['error no-sub-condition', 'error malformed-statement']);
  });
});

describe('StringEquals compares * literally', () => {
  it('calls a * under StringEquals literal, not a wildcard', () => {
    for (const value of ['repo:octo-org/app:*', '*']) {
      const findings = lintAwsTrustPolicy(doc(withSub('StringEquals', value)), 't.json');
      expect(findings.map((f) => `${f.severity} ${f.id}`)).toEqual(['warning literal-wildcard']);
      expect(findings[0]!.message).toMatch(/are not wildcards here/);
    }
  });

  it('still reads * under StringLike as a wildcard', () => {
    expect(errors(doc(withSub('StringLike', '*')))).toEqual(['error wildcard']);
  });
});

describe('fixes speak of their own key', () => {
  it.each([
    ['aud', /audience/],
    ['ref', /exact refs/],
    ['job_workflow_ref', /reusable workflow/],
  ])('for a wildcard on %s', (claim, fix) => {
    const statement = allow({ Condition: { StringEquals: { ...AUD, [SUB]: 'repo:octo-org/app:environment:production' }, StringLike: { [`${KEY}:${claim}`]: 'x*' } } });
    const finding = lintAwsTrustPolicy(doc(statement), 't.json').find((f) => f.id === 'wildcard')!;
    expect(finding.fix).toMatch(fix);
    expect(finding.fix).not.toMatch(/subject/);
  });
});

describe('how far a subject pattern reaches', () => {
  it.each([
    ['repo:*'],
    ['*'],
    ['repo:octo-org*'],
    ['repo:*/app:ref:refs/heads/main'],
    ['repo:octo-or?/app:ref:refs/heads/main'],
    [`repo:\${${KEY}:repository}:ref:refs/heads/main`],
  ])('calls %s open to every owner', (value) => {
    expect(errors(doc(withSub('StringLike', value)))).toContain('error wildcard');
  });

  it('calls an owner-wide pattern a warning when nothing else is admitted', () => {
    expect(ids(doc(withSub('StringLike', 'repo:octo-org/*:ref:refs/heads/main')))).toEqual(['warning wildcard']);
  });

  it('reads ForAnyValue and value lists as IAM does: one open value opens the statement', () => {
    expect(errors(doc(withSub('ForAnyValue:StringLike', 'repo:*')))).toEqual(['error wildcard']);
    expect(ids(doc(withSub('ForAnyValue:StringEquals', 'repo:octo-org/app:environment:production')))).toEqual([]);
    const text = doc(withSub('StringLike', ['repo:octo-org/app:environment:production', 'repo:*:environment:production']));
    const line = text.split('\n').findIndex((l) => l.includes('"repo:*:environment:production"')) + 1;
    expect(lintAwsTrustPolicy(text, 't.json').map((f) => `${f.severity} ${f.id} ${f.location?.line}`)).toEqual([`error wildcard ${line}`]);
  });

  it('reads a policy variable as any value, even under StringEquals', () => {
    expect(errors(doc(withSub('StringEquals', `\${${KEY}:sub}`)))).toEqual(['error no-sub-condition']);
  });

  it('reads the literal escapes of policy variables as literal', () => {
    expect(ids(doc(withSub('StringEquals', 'repo:octo-org/app:environment:${$}prod')))).toEqual([]);
  });

  it.each([
    ['GitLab', 'gitlab.com', 'project_path:group/app:ref_type:branch:ref:main', 'project_path:*', 'project_path:group/*'],
    ['CircleCI', 'oidc.circleci.com/org/0f1e', 'org/0f1e/project/7a6b/user/2c3d', 'org/*', 'org/0f1e/*'],
    ['Buildkite', 'agent.buildkite.com', 'organization:acme:pipeline:deploy:ref:refs/heads/main:commit:abc:step:deploy', 'organization:*', 'organization:acme:*'],
  ])('knows %s subjects', (_system, host, exact, open, ownerWide) => {
    const statement = (operator: string, value: string): Statement => {
      const condition: Record<string, Statement> = { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' } };
      condition[operator] = { ...condition[operator], [`${host}:sub`]: value };
      return allow({ Principal: { Federated: ARN(host) }, Condition: condition });
    };
    expect(ids(doc(statement('StringEquals', exact)))).toEqual([]);
    expect(errors(doc(statement('StringLike', open)))).toEqual(['error wildcard']);
    expect(ids(doc(statement('StringLike', ownerWide)))).toEqual(['warning wildcard']);
  });

  it('warns about an exact subject in a format that names no repository', () => {
    expect(ids(doc(withSub('StringEquals', 'environment:production')))).toEqual(['warning unrecognised-subject']);
  });
});

describe('immutable IDs', () => {
  const ID = `${KEY}:repository_id`;
  it('counts StringEquals on repository_id as a binding, without sub', () => {
    expect(ids(doc(allow({ Condition: { StringEquals: { ...AUD, [ID]: '8429', [`${KEY}:ref`]: 'refs/heads/main' } } })))).toEqual([]);
    expect(ids(doc(allow({ Principal: { Federated: ARN('gitlab.com') }, Condition: { StringEquals: { 'gitlab.com:aud': 'sts.amazonaws.com', 'gitlab.com:project_id': '42' } } })))).toEqual([]);
  });

  it('flags a wildcard in an ID, and an owner ID alone', () => {
    expect(errors(doc(allow({ Condition: { StringEquals: { ...AUD, [`${KEY}:ref`]: 'refs/heads/main' }, StringLike: { [ID]: '84*' } } })))).toEqual(['error wildcard']);
    expect(ids(doc(allow({ Condition: { StringEquals: { ...AUD, [`${KEY}:repository_owner_id`]: '1342004', [`${KEY}:ref`]: 'refs/heads/main' } } })))).toEqual(['warning org-wide']);
  });

  it('credits a Deny that refuses every other repository', () => {
    const unbound = allow({ Condition: { StringEquals: { ...AUD, [`${KEY}:ref`]: 'refs/heads/main' } } });
    expect(errors(doc(unbound))).toEqual(['error no-sub-condition']);
    expect(ids(doc(unbound, deny({ StringNotEquals: { [ID]: '8429' } })))).toEqual([]);
  });
});

describe('an exported-style document', () => {
  it('is clean, Deny statements and guards included', () => {
    const text = doc(
      allow({ Sid: 'Allowdeploy', Condition: { StringEquals: { ...AUD, [SUB]: 'repo:octo-org/app:ref:refs/heads/main', [`${KEY}:repository_id`]: '123' } } }),
      deny({ StringEquals: { [`${KEY}:event_name`]: ['pull_request', 'pull_request_target'] } }, { Sid: 'Denypullrequests' }),
      deny({ Null: { [`${KEY}:repository_id`]: 'true' } }, { Sid: 'Denyunidentified' }),
      deny({ StringLike: { [`${KEY}:ref`]: 'refs/heads/wip/*' }, 'ForAnyValue:StringEquals': { [`${KEY}:groups`]: ['contractors'] } }, { Sid: 'Denywip' }),
    );
    expect(ids(text)).toEqual([]);
  });

  it('is free of errors with a StringLike subject held to a branch', () => {
    const text = doc(allow({ Condition: { StringEquals: { ...AUD, [`${KEY}:repository_id`]: '8429', [`${KEY}:ref`]: 'refs/heads/main' }, StringLike: { [SUB]: 'repo:octo-org/app:*' } } }));
    expect(ids(text)).toEqual(['warning wildcard']);
  });
});

describe('findings', () => {
  it('each carry an id, a severity, a message, a fix and a location', () => {
    const text = doc(allow({ Principal: '*', Action: 'sts:*', Condition: { StringEqual: { [SUB]: 'repo:octo-org/app:ref:refs/heads/main' }, StringLikeIfExists: { [SUB]: 'repo:*' }, Null: { [SUB]: 'false' } } }));
    const findings = lintAwsTrustPolicy(text, 't.json');
    expect(findings.length).toBeGreaterThan(5);
    for (const finding of findings) {
      expect(finding).toEqual({ id: expect.any(String), severity: expect.any(String), rule: 'Statement[0]', message: expect.any(String), fix: expect.any(String), location: { file: 't.json', line: expect.any(Number), column: expect.any(Number) } });
    }
    expect(findings.find((f) => f.id === 'unknown-operator')?.location?.line).toBe(text.split('\n').findIndex((line) => line.includes('"StringEqual"')) + 1);
  });

  it('refuse a document without statements', () => {
    expect(ids('{"Version": "2012-10-17", "statement": []}')).toEqual(['error malformed-document']);
  });
});

describe('lintAwsTrustPolicy on other CI systems’ immutable ids', () => {
  const document = (provider: string, condition: Record<string, string>): string =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${provider}` }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: condition } }],
    });
  const CIRCLECI = 'oidc.circleci.com/org/0f3e2a1c-7b4d-4c8e-9a6f-2d1b5e8c7a90';

  it('counts a CircleCI project id and a Buildkite pipeline id as bindings', () => {
    expect(ids(document(CIRCLECI, { [`${CIRCLECI}:aud`]: '0f3e2a1c-7b4d-4c8e-9a6f-2d1b5e8c7a90', [`${CIRCLECI}:oidc.circleci.com/project-id`]: '5d1c' }))).not.toContainEqual(expect.stringMatching(/^error/));
    expect(ids(document('agent.buildkite.com', { 'agent.buildkite.com:aud': 'sts.amazonaws.com', 'agent.buildkite.com:organization_id': 'o-1', 'agent.buildkite.com:pipeline_id': 'p-1' }))).not.toContainEqual(expect.stringMatching(/^error/));
  });

  it('does not count a Buildkite pipeline slug, which any organisation can choose', () => {
    expect(ids(document('agent.buildkite.com', { 'agent.buildkite.com:aud': 'sts.amazonaws.com', 'agent.buildkite.com:pipeline_slug': 'deploy' }))).toContain('error no-sub-condition');
  });
});
