import { describe, expect, it } from '@jest/globals';
import { evaluatePolicies, wildcardMatch, type PolicyDocument } from '../../../src/sandbox/aws/iam-policy.ts';

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
});
