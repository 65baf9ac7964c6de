/**
 * `policy init --from-aws-trust-policy` is the export run backwards: the policy it writes from a trust
 * policy decides as that trust policy does (evaluated by the sandbox's STS) on the claim corpus, and
 * where a statement cannot be carried over it is said, and the policy admits no more than the trust.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicy } from '../../src/policy/evaluate.ts';
import { exportAwsTrustPolicy, type TrustPolicyDocument } from '../../src/policy/export/aws-trust-policy.ts';
import { lintPolicy } from '../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import type { Policy } from '../../src/policy/types.ts';
import { awsConditionKeys } from '../../src/providers/aws/condition-keys.ts';
import { oidcProviderKeyPrefix } from '../../src/providers/aws/oidc-provider.ts';
import { evaluatePolicies, type PolicyDocument } from '../../src/sandbox/aws/iam-policy.ts';
import { importAwsTrustPolicy } from '../../src/scan/trust-import/aws-trust-policy.ts';
import { AGREEMENT_POLICIES, claimSets, showClaims, type Claims } from './claim-corpus.ts';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const COUNT = 600;
const GITHUB = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const KEY = 'token.actions.githubusercontent.com';

/** What STS asks of the trust policy for a token: its provider, and a key per claim AWS evaluates for it (strings only). */
function trustAllows(document: TrustPolicyDocument | object, claims: Claims): boolean {
  const prefix = oidcProviderKeyPrefix(String(claims.iss));
  const keys = Object.fromEntries([...awsConditionKeys(prefix).keys()].flatMap((claim) => (typeof claims[claim] === 'string' ? [[`${prefix}:${claim}`, claims[claim] as string]] : [])));
  return evaluatePolicies([document as PolicyDocument], { action: 'sts:AssumeRoleWithWebIdentity', federatedPrincipal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${prefix}`, keys }) === 'Allow';
}

// IAM does not say whether its * crosses a line break; the evaluators differ, so such claim sets decide nothing here.
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const meetsLineBreak = (document: TrustPolicyDocument, claims: Claims): boolean =>
  document.Statement.some((statement) => Object.keys(statement.Condition.StringLike ?? {}).some((key) => LINE_BREAK.test(String(claims[key.slice(key.lastIndexOf(':') + 1)] ?? ''))));

const imported = (document: object, role = ROLE): { policy: Policy; notes: string[]; text: string } => {
  const result = importAwsTrustPolicy(JSON.stringify(document), 'trust.json', role);
  return { policy: parsePolicy(result.policy, 'policy.yml'), notes: result.notes, text: result.policy };
};

describe('policy init --from-aws-trust-policy', () => {
  // The corpus's policies that AWS can hold at all (one pins no id AWS checks for its issuer, and its export refuses).
  const exportable = AGREEMENT_POLICIES.flatMap(({ name, yaml }) => {
    const original = parsePolicy(yaml, `${name}.yml`);
    try {
      return [{ name, original, document: exportAwsTrustPolicy(original, { allowBroader: true }).document }];
    } catch {
      return [];
    }
  });

  it('has trust policies to compare on', () => {
    expect(exportable.length).toBeGreaterThanOrEqual(3);
  });

  it.each(exportable.map((entry) => [entry.name, entry] as const))('decides as the trust policy exported from %s', (_name, { original, document }) => {
    const { policy, notes } = imported(document);
    expect(notes).toEqual([]);
    const disagreements = claimSets(original, COUNT)
      .filter((claims) => !meetsLineBreak(document, claims))
      .filter((claims) => trustAllows(document, claims) !== evaluatePolicy(policy, claims).allowed)
      .map(showClaims);
    expect(disagreements.slice(0, 3)).toEqual([]);
  });

  it('carries StringLike over as globs and regexes, escapes included', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Releases', Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${KEY}:aud`]: 'sts.amazonaws.com', [`${KEY}:repository_id`]: '8429' }, StringLike: { [`${KEY}:ref`]: 'refs/tags/v*' } } },
        { Sid: 'Odd', Effect: 'Allow', Principal: { Federated: GITHUB }, Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'], Condition: { StringEquals: { [`${KEY}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${KEY}:sub`]: ['repo:o/a:ref:refs/heads/r?', 'repo:o/${*}b:*'] } } },
      ],
    };
    const { policy, text } = imported(document);
    expect(text).toContain('ref: {glob: "refs/tags/v**"}');
    const allowed = (claims: Claims) => evaluatePolicy(policy, { iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', ...claims }).allowed;
    for (const claims of [{ repository_id: '8429', ref: 'refs/tags/v1/x' }, { sub: 'repo:o/a:ref:refs/heads/r1' }, { sub: 'repo:o/*b:anything' }, { sub: 'repo:o/xb:anything' }, { sub: 'repo:o/a:ref:refs/heads/r12' }]) {
      expect([claims, allowed(claims)]).toEqual([claims, trustAllows(document, { iss: 'https://token.actions.githubusercontent.com', aud: 'sts.amazonaws.com', ...claims })]);
    }
  });

  it('says every condition it cannot carry over, and never admits more than the trust', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Main', Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${KEY}:aud`]: 'sts.amazonaws.com', [`${KEY}:repository_id`]: '8429' } } },
        { Sid: 'FromOffice', Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${KEY}:repository_id`]: '9000' }, IpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } },
        { Sid: 'Variable', Effect: 'Allow', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${KEY}:actor`]: '${aws:username}' } } },
        { Sid: 'NoBots', Effect: 'Deny', Principal: { Federated: GITHUB }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${KEY}:actor`]: 'dependabot[bot]' }, StringNotEquals: { [`${KEY}:ref`]: 'refs/heads/main' } } },
        { Sid: 'Humans', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
      ],
    };
    const { policy, notes } = imported(document);
    expect(notes).toEqual([
      expect.stringMatching(/^Allow statement FromOffice is left out: a policy cannot state IpAddress on aws:SourceIp/),
      expect.stringMatching(/^Allow statement Variable is left out: a policy cannot state StringEquals on token\.actions\.githubusercontent\.com:actor/),
      expect.stringMatching(/^Deny statement NoBots is carried over without StringNotEquals on token\.actions\.githubusercontent\.com:ref/),
      expect.stringMatching(/^Statement Humans is not carried over: it is not about sts:AssumeRoleWithWebIdentity/),
    ]);
    const corpus = claimSets(parsePolicy(`version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: a\n    match: {repository_id: ["8429", "9000"], actor: "dependabot[bot]", ref: refs/heads/main}\n    grant: {aws: {roles: ["${ROLE}"]}}\n`, 'corpus.yml'), COUNT);
    const wider = corpus.filter((claims) => evaluatePolicy(policy, claims).allowed && !trustAllows(document, claims)).map(showClaims);
    expect(wider).toEqual([]);
    expect(corpus.some((claims) => evaluatePolicy(policy, claims).allowed)).toBe(true);
  });

  it('lints what it writes, binds the role given, and marks it TODO otherwise', async () => {
    const { document } = exportAwsTrustPolicy(parsePolicy(AGREEMENT_POLICIES[0]!.yaml, 'original.yml'), { allowBroader: true });
    expect(() => lintPolicy(imported(document).policy)).not.toThrow();
    expect(imported(document).policy.rules.find((rule) => rule.effect === 'allow')!.grant!.aws!.roles).toEqual([ROLE]);
    expect(importAwsTrustPolicy(JSON.stringify(document), 'trust.json', undefined).policy).toMatch(/role\/TODO"\]\}\} {3}# TODO: the role/);
  });
});
