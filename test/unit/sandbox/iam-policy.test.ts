import { describe, expect, it } from '@jest/globals';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { evaluatePolicies, isKnownConditionOperator, wildcardMatch, type PolicyDocument, type PolicyStatement } from '../../../src/sandbox/aws/iam-policy.ts';

const allowGets: PolicyDocument = { Statement: [{ Effect: 'Allow', Action: ['iam:Get*', 's3:ListBucket'], Resource: 'arn:aws:iam::111122223333:role/*' }] };

describe('wildcardMatch', () => {
  it('treats * as any run and ? as one character, and everything else literally', () => {
    expect(wildcardMatch('repo:octo-org/app:*', 'repo:octo-org/app:ref:refs/heads/main')).toBe(true);
    expect(wildcardMatch('repo:octo-org/app:*', 'repo:octo-org/app2:ref:refs/heads/main')).toBe(false);
    expect(wildcardMatch('v?.0', 'v1.0')).toBe(true);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('IAM:GetRole', 'iam:getrole', true)).toBe(true);
    expect(wildcardMatch('IAM:GetRole', 'iam:getrole')).toBe(false);
  });

  it('takes regular-expression characters in a pattern literally', () => {
    expect(wildcardMatch('arn:aws:iam::1:role/(a|b)+', 'arn:aws:iam::1:role/(a|b)+')).toBe(true);
    expect(wildcardMatch('arn:aws:iam::1:role/(a|b)+', 'arn:aws:iam::1:role/a')).toBe(false);
    expect(wildcardMatch('[ab]^$\\', '[ab]^$\\')).toBe(true);
    expect(wildcardMatch('*', 'line\nbreak')).toBe(true);
  });

  it('matches the whole value, not a part of it', () => {
    expect(wildcardMatch('role/ci', 'arn:aws:iam::1:role/ci')).toBe(false);
    expect(wildcardMatch('arn:aws:iam::1:role/ci', 'arn:aws:iam::1:role/ci-deploy')).toBe(false);
  });
});

describe('evaluatePolicies', () => {
  const context = { action: 'iam:GetRole', resource: 'arn:aws:iam::111122223333:role/deploy', keys: {} };

  it('allows what a statement allows, with action names compared case-insensitively', () => {
    expect(evaluatePolicies([allowGets], context)).toBe('Allow');
    expect(evaluatePolicies([allowGets], { ...context, action: 'IAM:GETROLE' })).toBe('Allow');
  });

  it('is not applicable when nothing matches the action or the resource', () => {
    expect(evaluatePolicies([allowGets], { ...context, action: 'iam:DeleteRole' })).toBe('NotApplicable');
    expect(evaluatePolicies([allowGets], { ...context, resource: 'arn:aws:iam::111122223333:user/bob' })).toBe('NotApplicable');
  });

  it('lets an explicit Deny in any document win', () => {
    const deny: PolicyDocument = { Statement: { Effect: 'Deny', NotAction: 'iam:ListRoles', Resource: '*' } };
    expect(evaluatePolicies([allowGets, deny], context)).toBe('Deny');
  });

  it('evaluates StringEquals and StringLike on condition keys, whose names ignore case', () => {
    const trust: PolicyDocument = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:octo-org/app:ref:refs/heads/main', 'repo:octo-org/app:environment:*'] },
          },
        },
      ],
    };
    const request = (sub: string, aud = 'sts.amazonaws.com') => ({
      action: 'sts:AssumeRoleWithWebIdentity',
      federatedPrincipal: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      keys: { 'Token.Actions.GitHubUserContent.com:aud': aud, 'token.actions.githubusercontent.com:sub': sub },
    });
    expect(evaluatePolicies([trust], request('repo:octo-org/app:environment:production'))).toBe('Allow');
    expect(evaluatePolicies([trust], request('repo:octo-org/app:ref:refs/heads/dev'))).toBe('NotApplicable');
    expect(evaluatePolicies([trust], request('repo:octo-org/app:ref:refs/heads/main', 'other'))).toBe('NotApplicable');
    expect(evaluatePolicies([trust], { ...request('repo:octo-org/app:ref:refs/heads/main'), federatedPrincipal: 'arn:aws:iam::111122223333:oidc-provider/other' })).toBe(
      'NotApplicable',
    );
  });

  it('fails closed on a condition operator it does not know, and honours IfExists', () => {
    const unknown: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { ForAllValues_StringLike: { 'aws:userid': '*' } } } };
    expect(evaluatePolicies([unknown], context)).toBe('NotApplicable');
    const ifExists: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEqualsIfExists: { 'aws:SourceVpc': 'vpc-1' } } } };
    expect(evaluatePolicies([ifExists], context)).toBe('Allow');
    expect(evaluatePolicies([ifExists], { ...context, keys: { 'aws:SourceVpc': 'vpc-2' } })).toBe('NotApplicable');
  });

  it('matches wildcards in Action and Resource, and ? as exactly one character', () => {
    const policy: PolicyDocument = { Statement: { Effect: 'Allow', Action: ['iam:*Role', 'sts:Get?allerIdentity'], Resource: ['arn:aws:iam::*:role/ci-*', 'arn:aws:sts::111122223333:*'] } };
    expect(evaluatePolicies([policy], { ...context, resource: 'arn:aws:iam::444455556666:role/ci-deploy' })).toBe('Allow');
    expect(evaluatePolicies([policy], { ...context, action: 'iam:DeleteRole', resource: 'arn:aws:iam::1:role/ci-' })).toBe('Allow');
    expect(evaluatePolicies([policy], { action: 'sts:GetCallerIdentity', resource: 'arn:aws:sts::111122223333:assumed-role/x/y', keys: {} })).toBe('Allow');
    expect(evaluatePolicies([policy], { action: 'sts:GetCCallerIdentity', resource: 'arn:aws:sts::111122223333:x', keys: {} })).toBe('NotApplicable');
    expect(evaluatePolicies([policy], { ...context, action: 'iam:GetRolePolicy' })).toBe('NotApplicable');
    expect(evaluatePolicies([policy], { ...context, resource: 'arn:aws:iam::111122223333:role/deploy' })).toBe('NotApplicable');
  });

  it('compares resources case-sensitively, unlike actions', () => {
    const policy: PolicyDocument = { Statement: { Effect: 'Allow', Action: 'iam:getrole', Resource: 'arn:aws:iam::111122223333:role/Deploy' } };
    expect(evaluatePolicies([policy], context)).toBe('NotApplicable');
    expect(evaluatePolicies([policy], { ...context, resource: 'arn:aws:iam::111122223333:role/Deploy' })).toBe('Allow');
  });

  it('treats NotResource as everything but the listed resources', () => {
    const policy: PolicyDocument = { Statement: { Effect: 'Deny', Action: '*', NotResource: 'arn:aws:iam::111122223333:role/deploy' } };
    expect(evaluatePolicies([allowGets, policy], context)).toBe('Allow');
    expect(evaluatePolicies([allowGets, policy], { ...context, resource: 'arn:aws:iam::111122223333:role/admin' })).toBe('Deny');
  });

  it('lets a Deny win whatever the order of documents and statements', () => {
    const denyStatement: PolicyStatement = { Effect: 'Deny', Action: 'iam:GetRole', Resource: '*' };
    const allowStatement: PolicyStatement = { Effect: 'Allow', Action: '*', Resource: '*' };
    const deny: PolicyDocument = { Statement: denyStatement };
    expect(evaluatePolicies([deny, allowGets], context)).toBe('Deny');
    expect(evaluatePolicies([{ Statement: [denyStatement, allowStatement] }], context)).toBe('Deny');
    expect(evaluatePolicies([{ Statement: [allowStatement, denyStatement] }], context)).toBe('Deny');
    expect(evaluatePolicies([deny], { ...context, action: 'iam:ListRoles' })).toBe('NotApplicable');
  });

  it('is not applicable with no documents at all', () => {
    expect(evaluatePolicies([], context)).toBe('NotApplicable');
  });

  it('requires every key of a condition, but any one of a key’s values', () => {
    const policy: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'p:aud': 'sts.amazonaws.com', 'p:repository': ['octo-org/app', 'octo-org/lib'] } } } };
    const keys = (repository?: string, aud = 'sts.amazonaws.com') => ({ ...context, keys: { 'p:aud': aud, 'p:repository': repository } });
    expect(evaluatePolicies([policy], keys('octo-org/lib'))).toBe('Allow');
    expect(evaluatePolicies([policy], keys('octo-org/other'))).toBe('NotApplicable');
    expect(evaluatePolicies([policy], keys('octo-org/app', 'other'))).toBe('NotApplicable');
    // A key the request lacks never satisfies StringEquals.
    expect(evaluatePolicies([policy], keys(undefined))).toBe('NotApplicable');
  });

  it('compares StringEquals values exactly, and StringLike values with wildcards', () => {
    const equals: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringEquals: { 'p:sub': 'repo:octo-org/app:*' } } } };
    const like: PolicyDocument = { Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { StringLike: { 'p:sub': 'repo:octo-org/app:*' } } } };
    const sub = (value: string) => ({ ...context, keys: { 'p:sub': value } });
    expect(evaluatePolicies([equals], sub('repo:octo-org/app:ref:refs/heads/main'))).toBe('NotApplicable');
    expect(evaluatePolicies([equals], sub('repo:octo-org/app:*'))).toBe('Allow');
    expect(evaluatePolicies([equals], sub('REPO:octo-org/app:*'))).toBe('NotApplicable');
    expect(evaluatePolicies([like], sub('repo:octo-org/app:ref:refs/heads/main'))).toBe('Allow');
    expect(evaluatePolicies([like], sub('repo:octo-org/application:ref:refs/heads/main'))).toBe('NotApplicable');
    expect(evaluatePolicies([like], { ...context, keys: {} })).toBe('NotApplicable');
  });

  it('reads policy variables in string conditions, with ${*}, ${?} and ${$} as the literal characters', () => {
    const statement = (operator: string, value: string): PolicyDocument => ({ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { 'p:ref': value } } } });
    const ref = (value: string, user?: string) => ({ ...context, keys: { 'p:ref': value, 'aws:username': user } });
    expect(evaluatePolicies([statement('StringLike', 'refs/${*}/x${?}')], ref('refs/*/x?'))).toBe('Allow');
    expect(evaluatePolicies([statement('StringLike', 'refs/${*}/x${?}')], ref('refs/heads/x1'))).toBe('NotApplicable');
    expect(evaluatePolicies([statement('StringEquals', 'cost ${$}{5}')], ref('cost ${5}'))).toBe('Allow');
    expect(evaluatePolicies([statement('StringLike', 'refs/heads/${aws:username}/*')], ref('refs/heads/ana/fix', 'ana'))).toBe('Allow');
    expect(evaluatePolicies([statement('StringLike', 'refs/heads/${aws:username}/*')], ref('refs/heads/bob/fix', 'ana'))).toBe('NotApplicable');
    // A variable the request lacks matches nothing, not its own text; an unclosed one is text.
    expect(evaluatePolicies([statement('StringEquals', '${aws:username}')], ref('${aws:username}'))).toBe('NotApplicable');
    expect(evaluatePolicies([statement('StringNotEquals', '${aws:username}')], ref('x'))).toBe('Allow');
    expect(evaluatePolicies([statement('StringEquals', 'a${b')], ref('a${b'))).toBe('Allow');
  });

  it('evaluates the negated and case-insensitive string operators, operator names ignoring case', () => {
    const statement = (condition: Record<string, Record<string, string>>): PolicyDocument => ({ Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: condition } });
    const env = (value: string | undefined) => ({ ...context, keys: { 'p:environment': value } });
    expect(evaluatePolicies([statement({ StringNotEquals: { 'p:environment': 'production' } })], env('staging'))).toBe('Allow');
    expect(evaluatePolicies([statement({ StringNotEquals: { 'p:environment': 'production' } })], env('production'))).toBe('NotApplicable');
    expect(evaluatePolicies([statement({ StringNotEquals: { 'p:environment': 'production' } })], env(undefined))).toBe('Allow');
    expect(evaluatePolicies([statement({ StringNotLike: { 'p:environment': 'prod*' } })], env('production-eu'))).toBe('NotApplicable');
    expect(evaluatePolicies([statement({ StringNotLike: { 'p:environment': 'prod*' } })], env('staging'))).toBe('Allow');
    expect(evaluatePolicies([statement({ StringEqualsIgnoreCase: { 'p:environment': 'Production' } })], env('PRODUCTION'))).toBe('Allow');
    expect(evaluatePolicies([statement({ stringequals: { 'p:environment': 'production' } })], env('production'))).toBe('Allow');
  });

  it('matches a trust policy’s principal only for the federated provider it names, or for *', () => {
    const anyone: PolicyDocument = { Statement: { Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity' } };
    const awsPrincipal: PolicyDocument = { Statement: { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRoleWithWebIdentity' } };
    const request = { action: 'sts:AssumeRoleWithWebIdentity', federatedPrincipal: 'arn:aws:iam::111122223333:oidc-provider/x', keys: {} };
    expect(evaluatePolicies([anyone], request)).toBe('Allow');
    expect(evaluatePolicies([awsPrincipal], request)).toBe('NotApplicable');
  });
});

describe('date condition operators', () => {
  const context = { action: 'iam:GetRole', resource: 'arn:aws:iam::111122223333:role/deploy', keys: {} };
  const deny = (operator: string, value: string): PolicyDocument => ({ Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { [operator]: { 'aws:TokenIssueTime': value } } } });
  const issuedAt = (value: string | undefined) => ({ ...context, keys: { 'aws:TokenIssueTime': value } });
  const CUTOFF = '2026-03-01T12:00:00Z';

  it.each([
    ['DateLessThan', '2026-03-01T11:59:59Z', 'Deny'],
    ['DateLessThan', CUTOFF, 'NotApplicable'],
    ['DateLessThanEquals', CUTOFF, 'Deny'],
    ['DateLessThanEquals', '2026-03-01T12:00:01Z', 'NotApplicable'],
    ['DateGreaterThan', '2026-03-01T12:00:01Z', 'Deny'],
    ['DateGreaterThan', CUTOFF, 'NotApplicable'],
    ['DateGreaterThanEquals', CUTOFF, 'Deny'],
    ['DateGreaterThanEquals', '2026-03-01T11:59:59Z', 'NotApplicable'],
    ['DateEquals', '2026-03-01T12:00:00.000Z', 'Deny'],
    ['DateEquals', '2026-03-01T12:00:01Z', 'NotApplicable'],
    ['DateNotEquals', '2026-03-01T12:00:01Z', 'Deny'],
    ['DateNotEquals', CUTOFF, 'NotApplicable'],
  ])('%s %s against the cutoff is %s', (operator, value, verdict) => {
    expect(evaluatePolicies([deny(operator, CUTOFF)], issuedAt(value))).toBe(verdict);
  });

  it('compares instants, whatever the zone or precision they are written in', () => {
    expect(evaluatePolicies([deny('DateLessThan', '2026-03-01T13:00:00+01:00')], issuedAt('2026-03-01T11:59:59.999Z'))).toBe('Deny');
    expect(evaluatePolicies([deny('DateLessThan', '2026-03-01T13:00:00+01:00')], issuedAt('2026-03-01T12:00:00Z'))).toBe('NotApplicable');
  });

  it('reads a policy date given as seconds since the epoch', () => {
    const epoch = String(Date.parse(CUTOFF) / 1000);
    expect(evaluatePolicies([deny('DateLessThan', epoch)], issuedAt('2026-03-01T11:59:59Z'))).toBe('Deny');
    expect(evaluatePolicies([deny('DateLessThan', epoch)], issuedAt(CUTOFF))).toBe('NotApplicable');
  });

  it('never matches a value that is not a date, or a missing key, except for DateNotEquals on a missing key', () => {
    expect(evaluatePolicies([deny('DateLessThan', CUTOFF)], issuedAt('yesterday'))).toBe('NotApplicable');
    expect(evaluatePolicies([deny('DateLessThan', 'not a date')], issuedAt('2026-03-01T11:00:00Z'))).toBe('NotApplicable');
    expect(evaluatePolicies([deny('DateLessThan', CUTOFF)], issuedAt(undefined))).toBe('NotApplicable');
    expect(evaluatePolicies([deny('DateNotEquals', CUTOFF)], issuedAt(undefined))).toBe('Deny');
    expect(evaluatePolicies([deny('DateLessThanIfExists', CUTOFF)], issuedAt(undefined))).toBe('Deny');
  });

  it('matches any one of several dates', () => {
    expect(evaluatePolicies([{ Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { DateEquals: { 'aws:TokenIssueTime': ['2020-01-01T00:00:00Z', CUTOFF] } } } }], issuedAt(CUTOFF))).toBe('Deny');
  });
});

describe('a Deny on aws:userid, as a revoker writes it', () => {
  const context = (userId: string) => ({ action: 'iam:GetRole', resource: 'arn:aws:iam::111122223333:role/deploy', keys: { 'aws:userid': userId } });
  const allow: PolicyDocument = { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' } };

  it('refuses exactly the listed sessions with StringEquals', () => {
    const revoked: PolicyDocument = { Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:userid': ['AROAEXAMPLE:sess-1', 'AROAEXAMPLE:sess-3'] } } } };
    expect(evaluatePolicies([allow, revoked], context('AROAEXAMPLE:sess-1'))).toBe('Deny');
    expect(evaluatePolicies([allow, revoked], context('AROAEXAMPLE:sess-3'))).toBe('Deny');
    expect(evaluatePolicies([allow, revoked], context('AROAEXAMPLE:sess-2'))).toBe('Allow');
    expect(evaluatePolicies([allow, revoked], context('AROAEXAMPLE:sess-10'))).toBe('Allow');
  });

  it('refuses every session a StringLike pattern covers', () => {
    const revoked: PolicyDocument = { Statement: { Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringLike: { 'aws:userid': 'AROAEXAMPLE:run-42-*' } } } };
    expect(evaluatePolicies([allow, revoked], context('AROAEXAMPLE:run-42-deploy'))).toBe('Deny');
    expect(evaluatePolicies([allow, revoked], context('AROAEXAMPLE:run-421-deploy'))).toBe('Allow');
    expect(evaluatePolicies([allow, revoked], context('AROAOTHER:run-42-deploy'))).toBe('Allow');
  });
});

describe('isKnownConditionOperator', () => {
  it('knows the string and date operators, in any case and with IfExists, and no others', () => {
    for (const name of ['StringEquals', 'stringlike', 'StringNotLikeIfExists', 'DateLessThan', 'DateGreaterThanEqualsIfExists', 'DateNotEquals']) {
      expect(isKnownConditionOperator(name)).toBe(true);
    }
    for (const name of ['NumericLessThan', 'Bool', 'StringMatches', 'IfExists']) expect(isKnownConditionOperator(name)).toBe(false);
  });
});

/**
 * What trust policies for the broker need: its role as the AWS principal, set operators on the
 * multivalued `aws:TagKeys`, and `Null`. Each case is also put to an independent IAM evaluator
 * (@cloud-copilot/iam-simulate), which must agree.
 */
describe('AWS principals, set operators and Null, as an independent evaluator decides them', () => {
  const BROKER = 'arn:aws:iam::111122223333:role/broker';
  const TARGET = 'arn:aws:iam::111122223333:role/deploy';
  const trust = (condition: PolicyStatement['Condition'], principal: PolicyStatement['Principal'] = { AWS: BROKER }): PolicyDocument => ({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: principal, Action: ['sts:AssumeRole', 'sts:TagSession'], ...(condition && { Condition: condition }) }],
  });
  const oracle = (document: PolicyDocument, caller: string, keys: Record<string, string | string[]>): boolean =>
    runUnsafeSimulation(
      {
        request: { principal: caller, action: 'sts:AssumeRole', resource: { resource: TARGET, accountId: '111122223333' }, contextVariables: keys },
        identityPolicies: [],
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        resourcePolicy: { __validated: true, policyDocument: document, metadata: { name: 'trust' }, errors: [] },
      } as never,
      {},
    ) === 'Allowed';
  const sandbox = (document: PolicyDocument, caller: string, keys: Record<string, string | string[]>): boolean =>
    evaluatePolicies([document], { action: 'sts:AssumeRole', awsPrincipal: { roleArn: caller, accountId: '111122223333' }, keys }) === 'Allow';

  const bounded = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['repository_id', 'ref'] } };
  const required = { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'repository_id' } };
  it.each<[string, PolicyDocument, string, Record<string, string | string[]>, boolean]>([
    ['the broker role named as principal', trust(undefined), BROKER, {}, true],
    ['another role of the same account', trust(undefined), 'arn:aws:iam::111122223333:role/other', {}, false],
    ['a role of another account with the same name', trust(undefined), 'arn:aws:iam::444455556666:role/broker', {}, false],
    ['a statement for a federated principal only', trust(undefined, { Federated: 'arn:aws:iam::111122223333:oidc-provider/x' }), BROKER, {}, false],
    ['ForAllValues with every tag key listed', trust(bounded), BROKER, { 'aws:TagKeys': ['repository_id', 'ref'] }, true],
    ['ForAllValues with one tag key beyond the list', trust(bounded), BROKER, { 'aws:TagKeys': ['repository_id', 'admin'] }, false],
    ['ForAllValues with no tags at all (vacuous)', trust(bounded), BROKER, {}, true],
    ['ForAnyValue with the key among the tags', trust(required), BROKER, { 'aws:TagKeys': ['ref', 'repository_id'] }, true],
    ['ForAnyValue without it', trust(required), BROKER, { 'aws:TagKeys': ['ref'] }, false],
    ['ForAnyValue with no tags at all', trust(required), BROKER, {}, false],
    ['ForAnyValue:StringLike with a wildcard', trust({ 'ForAnyValue:StringLike': { 'aws:TagKeys': 'repo*' } }), BROKER, { 'aws:TagKeys': ['ref', 'repository_id'] }, true],
    ['a plain operator on a multivalued key', trust({ StringEquals: { 'aws:TagKeys': 'repository_id' } }), BROKER, { 'aws:TagKeys': ['repository_id', 'ref'] }, false],
    ['a plain negated operator on a multivalued key', trust({ StringNotEquals: { 'aws:TagKeys': 'admin' } }), BROKER, { 'aws:TagKeys': ['repository_id', 'ref'] }, false],
    ['Null true on an absent key', trust({ Null: { 'aws:RequestTag/admin': 'true' } }), BROKER, {}, true],
    ['Null true on a present key', trust({ Null: { 'aws:RequestTag/admin': 'true' } }), BROKER, { 'aws:RequestTag/admin': 'yes' }, false],
    ['Null false on a present key', trust({ Null: { 'aws:RequestTag/repository_id': 'false' } }), BROKER, { 'aws:RequestTag/repository_id': '8429' }, true],
    ['Null false on an absent key', trust({ Null: { 'aws:RequestTag/repository_id': 'false' } }), BROKER, {}, false],
    ['a tag value and a bounded set of keys together', trust({ StringEquals: { 'aws:RequestTag/repository_id': '8429' }, ...bounded }), BROKER, { 'aws:RequestTag/repository_id': '8429', 'aws:TagKeys': ['repository_id'] }, true],
    ['a tag value that differs', trust({ StringEquals: { 'aws:RequestTag/repository_id': '8429' }, ...bounded }), BROKER, { 'aws:RequestTag/repository_id': '9000', 'aws:TagKeys': ['repository_id'] }, false],
  ])('%s', (_what, document, caller, keys, expected) => {
    expect([sandbox(document, caller, keys), oracle(document, caller, keys)]).toEqual([expected, expected]);
  });

  it('knows the set qualifiers on any operator, and Null bare only', () => {
    for (const name of ['ForAllValues:StringEquals', 'foranyvalue:stringlike', 'ForAnyValue:DateLessThan', 'Null']) expect(isKnownConditionOperator(name)).toBe(true);
    for (const name of ['ForAllValues:Null', 'NullIfExists', 'ForSomeValues:StringEquals', 'ForAnyValue:Bogus']) expect(isKnownConditionOperator(name)).toBe(false);
  });
});

describe('a Deny on session tags issued before a cutoff, as a selector revocation writes it', () => {
  const denial: PolicyDocument = {
    Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/repository_id': '8429' }, DateLessThan: { 'aws:TokenIssueTime': '2030-01-01T12:00:00Z' } } }],
  };
  const session = (repository: string | undefined, issued: string) => ({ action: 'iam:GetRole', keys: { 'aws:TokenIssueTime': issued, ...(repository && { 'aws:PrincipalTag/repository_id': repository }) } });

  it('refuses every session of that repository issued before the cutoff, and no other', () => {
    expect(evaluatePolicies([allowGets, denial], session('8429', '2030-01-01T11:59:59Z'))).toBe('Deny');
    expect(evaluatePolicies([allowGets, denial], session('8429', '2030-01-01T12:00:00Z'))).toBe('Allow');
    expect(evaluatePolicies([allowGets, denial], session('9000', '2030-01-01T11:00:00Z'))).toBe('Allow');
    expect(evaluatePolicies([allowGets, denial], session(undefined, '2030-01-01T11:00:00Z'))).toBe('Allow');
  });
});
