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
