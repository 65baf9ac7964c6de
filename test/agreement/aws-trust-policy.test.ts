/**
 * The exported IAM trust policy against the broker, decided by an independent IAM evaluator
 * (@cloud-copilot/iam-simulate, a test-only dependency) and by the sandbox's own STS, on generated claim
 * sets. An export without --allow-broader must decide as the broker does; with it, as the broker does
 * on the policy without the conditions and deny rules the export lists as widenings.
 */
import { describe, expect, it } from '@jest/globals';
import { runUnsafeSimulation } from '@cloud-copilot/iam-simulate';
import { ErrorCode } from '../../src/errors/broker-error.ts';
import { evaluatePolicy } from '../../src/policy/evaluate.ts';
import { exportAwsTrustPolicy, type TrustPolicyDocument, type Widening } from '../../src/policy/export/aws-trust-policy.ts';
import { lintAwsTrustPolicy } from '../../src/policy/lint/aws-trust-policy-lint.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import type { Policy } from '../../src/policy/types.ts';
import { awsConditionKeys } from '../../src/providers/aws/condition-keys.ts';
import { oidcProviderKeyPrefix } from '../../src/providers/aws/oidc-provider.ts';
import { evaluatePolicies, type PolicyDocument } from '../../src/sandbox/aws/iam-policy.ts';
import { thrown } from '../helpers/broker-error.ts';
import { AGREEMENT_POLICIES, claimSets, showClaims, type Claims } from './claim-corpus.ts';

const ACCOUNT = '111122223333';
const ROLE = `arn:aws:iam::${ACCOUNT}:role/deploy`;
const ACTION = 'sts:AssumeRoleWithWebIdentity';
const COUNT = 1000;
const GRANT = `grant: {aws: {roles: [${ROLE}]}}`;

/** Policies that AWS can enforce exactly: every condition on a key AWS evaluates for its issuer, every glob one IAM can state. */
const EXACT_POLICIES: Array<{ name: string; yaml: string }> = [
  {
    name: 'github-ids',
    yaml: String.raw`version: 1
issuers: [https://token.actions.githubusercontent.com, https://token.actions.githubusercontent.com/octo-enterprise]
audiences: [sts.amazonaws.com]
rules:
  - name: no-sandbox-environment
    effect: deny
    match:
      environment: [sandbox, "dev*"]
  - name: no-dependabot
    effect: deny
    match:
      actor: "dependabot[bot]"
      repository_id: "8429"
  - name: main-branch
    match:
      repository_owner_id: "1342004"
      ref: refs/heads/main
    ${GRANT}
  - name: releases
    match:
      repository_id: "8429"
      ref: {glob: "refs/tags/v**"}
      job_workflow_ref: {glob: "octo-org/app/.github/workflows/release.yml@refs/tags/v**"}
      workflow: {glob: "Release ${'$'}{{ ?**"}
    ${GRANT}
  - name: production
    match:
      sub: repo:octo-org/app:environment:production
      environment: production
      ref: {glob: "refs/**"}
    ${GRANT}
  - name: enterprise
    issuer: https://token.actions.githubusercontent.com/octo-enterprise
    match:
      enterprise_id: "77"
      repository_owner_id: "5"
      actor_id: ["1", "2"]
      ref: refs/heads/main
    ${GRANT}
`,
  },
  {
    name: 'gitlab-ids',
    yaml: String.raw`version: 1
issuers: [https://gitlab.com]
audiences: [https://broker.octo.example]
rules:
  - name: no-merge-requests
    effect: deny
    match:
      pipeline_source: [merge_request_event, external_pull_request_event]
  - name: no-self-hosted-guests
    effect: deny
    match:
      user_access_level: guest
      runner_environment: self-hosted
  - name: protected
    match:
      project_id: "42"
      ref_protected: "true"
    ${GRANT}
  - name: release-bot
    match:
      namespace_id: "7"
      user_login: {glob: "release-bot**"}
      user_email: "${'$'}{bot}@octo.example"
    ${GRANT}
`,
  },
  {
    name: 'buildkite-organization',
    yaml: String.raw`version: 1
issuers: [https://agent.buildkite.com]
audiences: [sts.amazonaws.com]
rules:
  - name: no-untrusted-cluster
    effect: deny
    match:
      cluster_name: [untrusted, "*"]
  - name: deploy
    match:
      organization_id: 0190e0a1-2b3c-4d5e-8f60-718293a4b5c6
      pipeline_slug: deploy
      build_branch: {glob: "release/**"}
    ${GRANT}
`,
  },
  {
    name: 'circleci-project',
    yaml: String.raw`version: 1
issuers: [https://oidc.circleci.com/org/8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b]
audiences: [8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b]
rules:
  - name: no-one-user
    effect: deny
    match:
      sub: org/8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b/project/0c7a3f52-9d1e-4b6a-8f2c-3e4d5a6b7c8d/user/0bad
  - name: deploy
    match:
      oidc.circleci.com/project-id: 0c7a3f52-9d1e-4b6a-8f2c-3e4d5a6b7c8d
    ${GRANT}
`,
  },
];

interface Request {
  principal: string;
  keys: Record<string, string>;
}

/**
 * The request STS makes of a token for the trust policy: the token's provider as the principal, and a
 * `<prefix>:<claim>` key for each claim AWS evaluates for that provider. Every such key is a String, so
 * a value of another type is left out: the issuers themselves write these claims as strings.
 */
function stsRequest(claims: Claims): Request {
  const prefix = oidcProviderKeyPrefix(String(claims.iss));
  const keys = [...awsConditionKeys(prefix).keys()].flatMap((claim) => (typeof claims[claim] === 'string' ? [[`${prefix}:${claim}`, claims[claim]] as const] : []));
  return { principal: `arn:aws:iam::${ACCOUNT}:oidc-provider/${prefix}`, keys: Object.fromEntries(keys) };
}

function iamSimulate(document: TrustPolicyDocument, request: Request): boolean {
  const decision = runUnsafeSimulation(
    {
      request: { principal: request.principal, action: ACTION, resource: { resource: ROLE, accountId: ACCOUNT }, contextVariables: request.keys },
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      // The unvalidated run reads the resource policy's name from its metadata, which only this wrapper gives it.
      resourcePolicy: { __validated: true, policyDocument: document, metadata: { name: 'trust' }, errors: [] },
    },
    {},
  );
  return decision === 'Allowed';
}

function sandboxSts(document: TrustPolicyDocument, request: Request): boolean {
  return evaluatePolicies([document as unknown as PolicyDocument], { action: ACTION, federatedPrincipal: request.principal, keys: request.keys }) === 'Allow';
}

/** The policy as AWS enforces it for one issuer: without the conditions and the deny rules the export lists as widenings. */
function enforcedByAws(policy: Policy, widenings: readonly Widening[], issuer: string): Policy {
  const here = widenings.filter((widening) => widening.issuer === issuer);
  const dropped = (rule: string): readonly string[] => here.find((widening) => widening.rule === rule)?.claims ?? [];
  const rules = policy.rules
    .filter((rule) => rule.effect === 'allow' || dropped(rule.name).length === 0)
    .map((rule) => ({ ...rule, conditions: rule.conditions.filter((condition) => !dropped(rule.name).includes(condition.claim)) }));
  return { ...policy, rules };
}

// A line break is where the evaluators part: iam-simulate's * stops at one, the sandbox's crosses it, and AWS does not say.
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function wildcardMeetsLineBreak(document: TrustPolicyDocument, request: Request): boolean {
  return document.Statement.some((statement) => Object.keys(statement.Condition.StringLike ?? {}).some((key) => LINE_BREAK.test(request.keys[key] ?? '')));
}

/** The corpus's claim sets, with some audiences wrong or missing and some issuers foreign, which AWS must refuse too. */
function corpus(policy: Policy): Claims[] {
  return claimSets(policy, COUNT).map((claims, index) => {
    if (index % 17 === 0) return { ...claims, iss: 'https://token.example.com' };
    if (index % 13 === 0) return { ...claims, aud: 'sts.amazonaws.com.example' };
    if (index % 11 === 0) return Object.fromEntries(Object.entries(claims).filter(([claim]) => claim !== 'aud'));
    return claims;
  });
}

interface Tally {
  compared: number;
  allowed: number;
  /** Claim sets a wildcard tests with a line break, where iam-simulate refused what the sandbox and the broker allowed. */
  lineBreaks: number;
  disagreements: string[];
}

function compare(policy: Policy, exported: ReturnType<typeof exportAwsTrustPolicy>): Tally {
  const tally: Tally = { compared: 0, allowed: 0, lineBreaks: 0, disagreements: [] };
  const { document, widenings } = exported;
  for (const claims of corpus(policy)) {
    const request = stsRequest(claims);
    const broker = evaluatePolicy(policy, claims).allowed;
    const enforced = widenings.length === 0 ? broker : evaluatePolicy(enforcedByAws(policy, widenings, String(claims.iss)), claims).allowed;
    const simulated = iamSimulate(document, request);
    const sandbox = sandboxSts(document, request);
    tally.compared += 1;
    if (broker) tally.allowed += 1;
    const lineBreak = wildcardMeetsLineBreak(document, request);
    if (sandbox !== enforced) tally.disagreements.push(`sandbox ${sandbox}, broker ${enforced}: ${showClaims(claims)}`);
    if (simulated !== sandbox && !(lineBreak && sandbox && !simulated)) tally.disagreements.push(`iam-simulate ${simulated}, sandbox ${sandbox}: ${showClaims(claims)}`);
    // AWS may never admit what the broker refuses, except where the export says so.
    if (simulated && !enforced) tally.disagreements.push(`iam-simulate admits what the broker refuses: ${showClaims(claims)}`);
    if (simulated !== sandbox) tally.lineBreaks += 1;
  }
  return tally;
}

function lintErrors(document: TrustPolicyDocument): string[] {
  return lintAwsTrustPolicy(JSON.stringify(document, null, 2), 'trust.json')
    .filter((finding) => finding.severity === 'error')
    .map((finding) => `${finding.id}: ${finding.message}`);
}

describe('an exact AWS trust policy decides as the broker does', () => {
  it.each(EXACT_POLICIES)(`agrees on ${COUNT.toLocaleString('en')} claim sets for policy $name: the broker, iam-simulate and the sandbox`, ({ name, yaml }) => {
    const policy = parsePolicy(yaml, `${name}.yml`);
    const exported = exportAwsTrustPolicy(policy);
    expect(exported.widenings).toEqual([]);
    const tally = compare(policy, exported);
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBeGreaterThanOrEqual(COUNT);
    // Both verdicts occur often enough to mean something.
    expect(tally.allowed).toBeGreaterThan(COUNT / 10);
    expect(tally.allowed).toBeLessThan(COUNT - COUNT / 10);
    expect(lintErrors(exported.document)).toEqual([]);
  });
});

describe('a policy AWS cannot enforce exactly', () => {
  it.each(AGREEMENT_POLICIES)('$name is refused, and with --allow-broader is broader only where it says', ({ name, yaml }) => {
    const policy = parsePolicy(yaml, `${name}.yml`);
    const refusal = thrown(() => exportAwsTrustPolicy(policy));
    expect(refusal.code).toBe(ErrorCode.ExportInexact);
    let exported: ReturnType<typeof exportAwsTrustPolicy>;
    try {
      exported = exportAwsTrustPolicy(policy, { allowBroader: true });
    } catch {
      // A rule whose every subject or id AWS cannot check stays refused, broader or not.
      expect(thrown(() => exportAwsTrustPolicy(policy, { allowBroader: true })).message).toMatch(/^Rule "[^"]+" pins no sub or id that AWS checks exactly/);
      return;
    }
    // What the lint makes of it is not asked: left-out conditions may admit what it refuses (pull requests, once a ref is left out).
    expect(exported.widenings.length).toBeGreaterThan(0);
    const tally = compare(policy, exported);
    expect(tally.disagreements).toEqual([]);
    expect(tally.compared).toBeGreaterThanOrEqual(COUNT);
  });
});

describe('the request context the agreement rests on', () => {
  it('has no key for a claim AWS does not evaluate, and a StringEquals on an absent key holds in neither evaluator', () => {
    const document: TrustPolicyDocument = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Deny', Effect: 'Deny', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com` }, Action: ACTION, Condition: { StringEquals: { 'gitlab.com:pipeline_source': 'merge_request_event' } } },
        { Sid: 'Allow', Effect: 'Allow', Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com` }, Action: ACTION, Condition: { StringEquals: { 'gitlab.com:project_id': '42' } } },
      ],
    };
    const request = stsRequest({ iss: 'https://gitlab.com', project_id: '42', ref: 'main' });
    expect(request.keys).toEqual({ 'gitlab.com:project_id': '42' });
    expect([iamSimulate(document, request), sandboxSts(document, request)]).toEqual([true, true]);
    const merge = stsRequest({ iss: 'https://gitlab.com', project_id: '42', pipeline_source: 'merge_request_event' });
    expect([iamSimulate(document, merge), sandboxSts(document, merge)]).toEqual([false, false]);
  });
});
