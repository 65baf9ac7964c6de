/**
 * Claim sets on which a cloud-side export must decide as the broker does, derived from the policy's own
 * conditions so that they sit on both sides of every one: values that match, near misses (one character
 * added, dropped or replaced, a case changed, a line break appended), characters that regex engines
 * disagree on, wrong types (numbers, booleans, null, objects, lists where one string is due) and absent
 * claims. Each claim set aims at one rule, so that allows and denies both occur often. Deterministic:
 * the same policy, count and seed always give the same claim sets.
 */
import fc from 'fast-check';
import { LIST_CLAIMS } from '../../src/oidc/ci-systems.ts';
import type { Condition, Matcher, Policy } from '../../src/policy/types.ts';

export type Claims = Record<string, unknown>;

export const DEFAULT_SEED = 20260923;

/**
 * Line breaks and spaces that only some engines count as such (`.`, `\s`, `$`), invisible and astral
 * characters, combining and case-folding oddities, and the characters patterns give a meaning to.
 */
export const ODD_CHARACTERS: readonly string[] = [
  '\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u00a0', '\u2003', '\v', '\f', '\t', '\u0000', '\u200b', '\ufeff',
  '\u{1f600}', '\u{1d538}', '\u00e9', 'e\u0301', '\u0130', '\u017f', '\u212a', ' ', '/', '*', '.', '-', '"', "'", '\\', '$', '^',
];

/** The claim sets a test compares on: `iss` one of the policy's issuers, `aud` its first audience (when it names one). */
export function claimSets(policy: Policy, count: number, seed = DEFAULT_SEED): Claims[] {
  if (policy.rules.length === 0) throw new Error(`${policy.source} has no rules to aim claim sets at`);
  const claims = new Map<string, Condition[]>();
  for (const rule of policy.rules) {
    for (const condition of rule.conditions) claims.set(condition.claim, [...(claims.get(condition.claim) ?? []), condition]);
  }
  // Built once per rule aimed at: a regex's generator is costly to build and cheap to run.
  const aimedAt = policy.rules.map((rule) => {
    const aimed = new Map(rule.conditions.map((condition) => [condition.claim, condition]));
    const issuer = aimed.get('iss');
    const claimSet = fc.record({
      iss: issuer?.matcher.kind === 'equals' ? fc.oneof({ arbitrary: fc.constantFrom(...issuer.matcher.values), weight: 4 }, fc.constantFrom(...policy.issuers)) : fc.constantFrom(...policy.issuers),
      rest: fc.tuple(...[...claims].filter(([claim]) => claim !== 'iss').map(([claim, conditions]) => entry(claim, conditions, aimed.get(claim)))),
      iat: fc.integer({ min: 1_700_000_000, max: 1_800_000_000 }),
    });
    // Allow rules twice as often: a claim set aimed at a deny rule is almost always denied.
    return { arbitrary: claimSet, weight: rule.effect === 'allow' ? 2 : 1 };
  });
  const claimSet = fc.oneof(...aimedAt);
  return fc.sample(claimSet, { seed, numRuns: count }).map(({ iss, rest, iat }) => ({
    iss,
    ...(policy.audiences.length > 0 ? { aud: policy.audiences[0] } : {}),
    ...Object.fromEntries(rest.filter((pair): pair is [string, unknown] => pair !== undefined)),
    iat,
    exp: iat + 300,
  }));
}

/** A claim set as ASCII JSON, so that a failure shows every invisible character. */
export function showClaims(claims: Claims): string {
  return JSON.stringify(claims).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const GRANT = `grant: {aws: {roles: [${ROLE}]}, gcp: {workload-identity-provider: projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/ci-broker}}`;

/** Realistic policies of the CI systems the broker knows, with deny rules on claims a token may lack. */
export const AGREEMENT_POLICIES: Array<{ name: string; yaml: string }> = [
  {
    name: 'github-environments',
    yaml: String.raw`version: 1
issuers: [https://token.actions.githubusercontent.com, https://token.actions.githubusercontent.com/octo-enterprise]
audiences: [https://github.com/octo-org]
rules:
  - name: no-pull-requests
    effect: deny
    match:
      event_name: [pull_request, pull_request_target]
  - name: no-self-hosted-production
    effect: deny
    match:
      runner_environment: self-hosted
      environment: [production, prod]
  - name: production
    match:
      repository_id: "8429"
      repository_owner_id: "1342004"
      environment: [production, prod]
      job_workflow_ref: {glob: "octo-org/.github/.github/workflows/deploy.yml@refs/tags/v*"}
    ${GRANT}
  - name: staging
    match:
      repository_id: "8429"
      environment: staging
      ref: refs/heads/main
    ${GRANT}
  - name: enterprise-main
    issuer: https://token.actions.githubusercontent.com/octo-enterprise
    match:
      repository_owner_id: "77"
      ref: refs/heads/main
    ${GRANT}
`,
  },
  {
    name: 'github-patterns',
    yaml: String.raw`version: 1
audiences: [https://github.com/octo-org]
rules:
  - name: no-untrusted-triggers
    effect: deny
    match:
      event_name: {regex: "pull_request(_target)?|workflow_run"}
  - name: no-whitespace-refs
    effect: deny
    match:
      ref: {regex: ".*\\s.*"}
  - name: releases
    match:
      repository_owner_id: "1342004"
      repository: {glob: "octo-org/*"}
      ref: {glob: "refs/tags/v*.*"}
      workflow: {regex: "Release \\S+"}
    ${GRANT}
  - name: feature-branches
    match:
      repository_id: "8429"
      ref: {glob: "refs/heads/feature/**"}
      job_workflow_ref: {regex: "octo-org/[^/]+/\\.github/workflows/build\\.yml@refs/heads/.+"}
    ${GRANT}
  - name: review-apps
    match:
      repository_id: "8429"
      environment: {regex: "review-[a-z0-9-]{1,20}|qa.."}
      sub: {glob: "repo:octo-org/app:environment:*"}
    ${GRANT}
`,
  },
  {
    name: 'circleci-contexts',
    yaml: String.raw`version: 1
issuers:
  - https://oidc.circleci.com/org/8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b
  - https://oidc.circleci.com/org/11111111-2222-4333-8444-555555555555
audiences: [8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b]
rules:
  - name: no-sandbox-context
    effect: deny
    match:
      oidc.circleci.com/context-ids: [deadbeef-0000-4000-8000-000000000bad]
  - name: no-dependabot
    effect: deny
    match:
      oidc.circleci.com/vcs-ref: {glob: "refs/heads/dependabot/**"}
  - name: deploy
    issuer: https://oidc.circleci.com/org/8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b
    match:
      oidc.circleci.com/project-id: 0c7a3f52-9d1e-4b6a-8f2c-3e4d5a6b7c8d
      oidc.circleci.com/vcs-origin: github.com/octo-org/app
      oidc.circleci.com/context-ids: [aaaaaaaa-1111-4111-8111-111111111111, bbbbbbbb-2222-4222-8222-222222222222]
    ${GRANT}
  - name: nightly
    issuer: https://oidc.circleci.com/org/11111111-2222-4333-8444-555555555555
    match:
      oidc.circleci.com/vcs-ref: {regex: "refs/heads/(main|release/.+)"}
      oidc.circleci.com/context-ids: {glob: "c0ffee00-*"}
    ${GRANT}
`,
  },
  {
    name: 'gitlab-protected',
    yaml: String.raw`version: 1
issuers: [https://gitlab.com]
audiences: [https://broker.octo.example]
rules:
  - name: no-merge-requests
    effect: deny
    match:
      pipeline_source: [merge_request_event, external_pull_request_event]
  - name: no-unprotected-production
    effect: deny
    match:
      environment: {glob: "production*"}
      environment_protected: "false"
  - name: protected-releases
    match:
      project_id: "42"
      ref_protected: "true"
      ref_type: branch
      ref: {glob: "release/**"}
    ${GRANT}
  - name: tags
    match:
      namespace_id: "7"
      ref_type: tag
      ref: {regex: "v\\d+\\.\\d+\\.\\d+"}
      ci_config_ref_uri: {glob: "gitlab.com/octo/app//.gitlab-ci.yml@refs/tags/*"}
    ${GRANT}
`,
  },
];

// An entry of the claim set, or undefined for an absent claim. Aimed at a condition, it mostly holds.
function entry(claim: string, conditions: readonly Condition[], aimed: Condition | undefined): fc.Arbitrary<[string, unknown] | undefined> {
  const string = aimed ? fc.oneof({ arbitrary: hit(aimed.matcher), weight: 8 }, { arbitrary: stringFor(conditions), weight: 1 }) : stringFor(conditions);
  const value = LIST_CLAIMS.has(claim)
    ? fc.oneof(
        { arbitrary: fc.array(fc.oneof({ arbitrary: string, weight: 4 }, wrongType(string)), { maxLength: 4 }), weight: 6 },
        { arbitrary: string, weight: 2 },
        { arbitrary: wrongType(string), weight: 1 },
      )
    : fc.oneof({ arbitrary: string, weight: 8 }, { arbitrary: wrongType(string), weight: 1 });
  return fc.oneof({ arbitrary: value.map((v): [string, unknown] => [claim, v]), weight: aimed ? 12 : 2 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

// A string for a claim that any of its conditions may or may not accept.
function stringFor(conditions: readonly Condition[]): fc.Arbitrary<string> {
  const hits = fc.oneof(...conditions.map((condition) => hit(condition.matcher)));
  return fc.oneof({ arbitrary: hits, weight: 2 }, { arbitrary: nearMiss(hits), weight: 4 }, { arbitrary: fc.string({ unit: oddUnit, maxLength: 6 }), weight: 1 });
}

const oddUnit = fc.oneof(fc.constantFrom(...ODD_CHARACTERS), fc.constantFrom('a', 'Z', '0', '_', ':', '@'));

// Characters a wildcard may stand for, odd ones included: only `/` stops a single `*`.
const segmentUnit = fc.oneof({ arbitrary: fc.constantFrom('a', 'b', 'z', 'A', '0', '9', '-', '_', '.', ':', '@'), weight: 6 }, { arbitrary: fc.constantFrom(...ODD_CHARACTERS.filter((c) => c !== '/')), weight: 1 });

function hit(matcher: Matcher): fc.Arbitrary<string> {
  if (matcher.kind === 'equals') return fc.constantFrom(...matcher.values);
  if (matcher.kind === 'glob') return globHit(matcher.pattern);
  return regexHit(matcher.pattern);
}

function globHit(pattern: string): fc.Arbitrary<string> {
  const segment = fc.string({ unit: segmentUnit, maxLength: 5 });
  const path = fc.array(segment, { maxLength: 3 }).map((segments) => segments.join('/'));
  const parts = pattern.split('**').map((part) => part.split('*'));
  const fills = parts.map((pieces, index) => fc.tuple(fc.array(segment, { minLength: pieces.length - 1, maxLength: pieces.length - 1 }), index < parts.length - 1 ? path : fc.constant('')));
  return fc.tuple(...fills).map((filled) => parts.map((pieces, index) => pieces.map((piece, i) => piece + (filled[index]![0][i] ?? '')).join('') + filled[index]![1]).join(''));
}

// JavaScript's reading of the pattern: where it differs from RE2 (`.` and `\s` on odd line breaks and
// spaces), its strings are exactly the near misses worth trying.
function regexHit(pattern: string): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(new RegExp(`^(?:${pattern})$`), { size: 'small' });
  } catch {
    return fc.constant(pattern);
  }
}

type Mutation = (text: string, at: number, odd: string) => string;
const MUTATIONS: readonly Mutation[] = [
  (text, at, odd) => text.slice(0, at) + odd + text.slice(at),
  (text, at, odd) => text.slice(0, at) + odd + text.slice(at + 1),
  (text, at) => text.slice(0, at) + text.slice(at + 1),
  (text, _at, odd) => text + odd,
  (text, _at, odd) => odd + text,
  (text) => `${text}\n`,
  (text) => text.toUpperCase(),
  (text) => text.slice(0, -1),
  (text) => `${text}/x`,
];

function nearMiss(strings: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(strings, fc.constantFrom(...MUTATIONS), fc.nat(), fc.constantFrom(...ODD_CHARACTERS)).map(([text, mutate, at, odd]) => mutate(text, at % (text.length + 1), odd));
}

// JSON values where a string is due; a list holding a fitting string, and numbers that read like one, are the subtle ones.
function wrongType(strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(8429, 0, 1.5, -7, true, false, null, {}),
    strings.map((s) => [s]),
    strings.map((s) => ({ value: s })),
    strings.map((s) => (/^[0-9]+$/.test(s) ? Number(s) : s.length)),
    strings.map((s) => [[s], 42]),
  );
}
