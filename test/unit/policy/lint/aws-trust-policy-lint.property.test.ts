import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { lintAwsTrustPolicy } from '../../../../src/policy/lint/aws-trust-policy-lint.ts';

/**
 * An attacker's view of the lint: however an open statement is spelt (case of keys, operators and
 * actions, action wildcards, principal forms, lists for single values, harmless Deny statements beside
 * it), the lint must report an error; and a tight statement spelt any of those ways must stay clean.
 */

const KEY = 'token.actions.githubusercontent.com';
const PROVIDER = `arn:aws:iam::111122223333:oidc-provider/${KEY}`;
const SUBJECT = 'repo:octo-org/app:ref:refs/heads/main';

interface Test {
  operator: string;
  claim: string;
  value: string;
}
type Statement = Record<string, unknown>;

/** IAM reads condition keys, operator names (as the lint reads them) and actions in any case. */
const recase = (text: string, mask: readonly boolean[]): string => [...text].map((char, i) => (mask[i % mask.length] ? char.toUpperCase() : char.toLowerCase())).join('');

interface Spelling {
  keyMask: boolean[];
  operatorMask: boolean[];
  actionMask: boolean[];
  recased: boolean;
  listValues: boolean;
  principalList: boolean;
  sid: boolean;
}
const spelling: fc.Arbitrary<Spelling> = fc.record({
  keyMask: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
  operatorMask: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
  actionMask: fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
  recased: fc.boolean(),
  listValues: fc.boolean(),
  principalList: fc.boolean(),
  sid: fc.boolean(),
});

function render(tests: readonly Test[], action: string | string[], how: Spelling, overrides: Statement = {}): Statement {
  const condition: Record<string, Record<string, unknown>> = {};
  for (const test of tests) {
    const operator = how.recased ? recase(test.operator, how.operatorMask) : test.operator;
    const key = how.recased ? recase(`${KEY}:${test.claim}`, how.keyMask) : `${KEY}:${test.claim}`;
    (condition[operator] ??= {})[key] = how.listValues ? [test.value] : test.value;
  }
  const actions = [action].flat().map((a) => (how.recased ? recase(a, how.actionMask) : a));
  return {
    ...(how.sid ? { Sid: 'Deploy' } : {}),
    Effect: 'Allow',
    Principal: { Federated: how.principalList ? [PROVIDER] : PROVIDER },
    Action: Array.isArray(action) ? actions : actions[0],
    Condition: condition,
    ...overrides,
  };
}

const document = (statements: Statement[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const deny = (operator: string, claim: string, value: string): Statement => ({
  Effect: 'Deny',
  Principal: { Federated: PROVIDER },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { [operator]: { [`${KEY}:${claim}`]: value } },
});

const AUD: Test = { operator: 'StringEquals', claim: 'aud', value: 'sts.amazonaws.com' };
/** Deny statements that refuse a few jobs but close no door an Allow opens. */
const harmlessDenies = fc.subarray([deny('StringEquals', 'environment', 'sandbox'), deny('StringLike', 'ref', 'refs/heads/wip/*'), deny('Null', 'repository_id', 'true')]);
/** Actions that cover web identity and nothing a CI job does not need. */
const neededActions = fc.constantFrom<string | string[]>('sts:AssumeRoleWithWebIdentity', ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], 'sts:*WebIdentity', 'sts:AssumeRoleWith?ebIdentity');
const anyWebIdentityAction = fc.oneof(neededActions, fc.constantFrom<string | string[]>('sts:AssumeRole*', 'sts:*', '*', ['sts:TagSession', 'sts:AssumeRoleWith*']));

describe('lintAwsTrustPolicy against an attacker', () => {
  it('keeps a tight document clean however it is spelt', () => {
    const binding = fc.constantFrom<Test[]>(
      [{ operator: 'StringEquals', claim: 'sub', value: SUBJECT }],
      [{ operator: 'ForAnyValue:StringEquals', claim: 'sub', value: 'repo:octo-org/app:environment:production' }],
      [
        { operator: 'StringEquals', claim: 'repository_id', value: '8429' },
        { operator: 'StringEquals', claim: 'ref', value: 'refs/heads/main' },
      ],
    );
    const narrowing = fc.subarray<Test>([
      { operator: 'StringEquals', claim: 'job_workflow_ref', value: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main' },
      { operator: 'StringNotEquals', claim: 'sub', value: 'repo:octo-org/app:ref:refs/heads/wip' },
      { operator: 'Null', claim: 'sub', value: 'false' },
    ]);
    const guards = fc.subarray([deny('StringEquals', 'event_name', 'pull_request'), deny('StringNotEquals', 'repository_id', '8429'), deny('Null', 'repository_id', 'true')]);
    fc.assert(
      fc.property(binding, narrowing, neededActions, spelling, harmlessDenies, guards, (tests, extra, action, how, denies, moreDenies) => {
        const text = document([render([AUD, ...tests, ...extra], action, how), ...denies, ...moreDenies]);
        expect(lintAwsTrustPolicy(text, 'trust.json')).toEqual([]);
      }),
    );
  });

  it('reports an error for an open statement however it is spelt', () => {
    const base: Test = { operator: 'StringEquals', claim: 'sub', value: SUBJECT };
    const openPatterns = fc.constantFrom('*', 'repo:*', 'repo:*/app:*', 'repo:octo-org*', 'repo:octo-?rg/app:*', `repo:\${${KEY}:repository}:*`);
    const withSub = (sub: Partial<Test>): Statement[] => [{ tests: [AUD, { ...base, ...sub }] }];
    const opening = fc.oneof(
      fc.constant([{ tests: [AUD] }]),
      fc.constantFrom('StringNotEquals', 'StringNotLike', 'StringEqualsIfExists', 'StringLikeIfExists', 'ForAllValues:StringEquals', 'ForAllValues:StringLike').map((operator) => withSub({ operator })),
      fc.constant(withSub({ operator: 'Null', value: 'false' })),
      fc.constant(withSub({ claim: 'subject' })),
      fc.tuple(fc.constantFrom('StringLike', 'ForAnyValue:StringLike'), openPatterns).map(([operator, value]) => withSub({ operator, value })),
      fc.constantFrom('repo:octo-org/app:*', 'repo:octo-org/*', 'repo:octo-org/app:pull_request').map((value) => withSub({ operator: 'StringLike', value })),
      fc.constantFrom<unknown>('*', { AWS: '*' }, { Federated: '*' }).map((Principal) => [{ tests: [AUD, base], overrides: { Principal } }]),
      fc.constant([{ tests: [AUD, base], overrides: { Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } } }]),
      fc.constantFrom('allow', 'ALLOW', 'Allow ').map((Effect) => [{ tests: [AUD, base], overrides: { Effect } }]),
      fc.constant([{ tests: [AUD, base] }, { tests: [AUD] }]),
    );
    fc.assert(
      fc.property(opening, anyWebIdentityAction, spelling, harmlessDenies, (statements, action, how, denies) => {
        const rendered = (statements as { tests: Test[]; overrides?: Statement }[]).map((s) => render(s.tests, action, how, s.overrides));
        const findings = lintAwsTrustPolicy(document([...denies, ...rendered]), 'trust.json');
        expect(findings.filter((finding) => finding.severity === 'error')).not.toEqual([]);
      }),
    );
  });
});
