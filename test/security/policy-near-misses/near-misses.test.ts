import { readFileSync } from 'node:fs';
import { describe, expect, it, test } from '@jest/globals';
import { evaluatePolicy, type Decision } from '../../../src/policy/evaluate.ts';
import { explainDecision } from '../../../src/policy/explain.ts';
import { parsePolicy } from '../../../src/policy/load.ts';

const policy = parsePolicy(readFileSync(new URL('./policy.yml', import.meta.url), 'utf8'), 'policy.yml');

const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';
const WORKFLOW = 'octo-org/workflows/.github/workflows/deploy.yml';

/** The claims of the one job the policy is for: a push to main of octo-org/app, deploying to production. */
const BASELINE: Readonly<Record<string, unknown>> = Object.freeze({
  iss: 'https://token.actions.githubusercontent.com',
  aud: 'sts.amazonaws.com',
  sub: 'repo:octo-org/app:environment:production',
  repository_owner: 'octo-org',
  repository_owner_id: '1342004',
  repository: 'octo-org/app',
  repository_id: '8429',
  repository_visibility: 'private',
  ref: 'refs/heads/main',
  ref_type: 'branch',
  sha: '5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ff',
  environment: 'production',
  event_name: 'push',
  workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/heads/main',
  job_workflow_ref: `${WORKFLOW}@${SHA}`,
  job_workflow_sha: SHA,
  runner_environment: 'github-hosted',
  actor: 'octocat',
  actor_id: '583231',
});

const change = (overrides: Record<string, unknown>): Record<string, unknown> => ({ ...BASELINE, ...overrides });
const without = (...claims: string[]): Record<string, unknown> => Object.fromEntries(Object.entries(BASELINE).filter(([claim]) => !claims.includes(claim)));

/**
 * The claims an explanation names as the reason for a denial: those of the deny rule that matched, the
 * first claim that failed in the allow rule, or the issuer or audience refused before any rule.
 */
function claimsNamedBy(decision: Decision): string[] {
  const [headline, ...rules] = explainDecision(decision);
  const denyRule = /^Denied by rule ("[^"]+")\.$/.exec(headline!)?.[1];
  if (denyRule) {
    const line = rules.find((l) => l.startsWith(`  rule ${denyRule} (deny,`));
    return /: matched \((.*)\)$/.exec(line ?? '')?.[1]?.split(', ') ?? [];
  }
  if (headline === 'Denied: no allow rule matched (deny by default).') {
    const line = rules.find((l) => l.startsWith('  rule "deploy-app-production" (allow,'));
    return [/: no match, (\S+) (?:was|is) /.exec(line ?? '')?.[1] ?? ''];
  }
  if (headline?.includes('(see its `issuers`)')) return ['iss'];
  if (headline?.includes('(see its `audiences`)')) return ['aud'];
  return [];
}

// [what the job is, its claims, the claim the explanation must name]
const NEAR_MISSES: Array<[string, Record<string, unknown>, string]> = [
  // The ref
  ['a branch whose name starts with main: refs/heads/main-evil', change({ ref: 'refs/heads/main-evil' }), 'ref'],
  ['a branch below main: refs/heads/main/x', change({ ref: 'refs/heads/main/x' }), 'ref'],
  ['a branch that differs in case: refs/heads/Main', change({ ref: 'refs/heads/Main' }), 'ref'],
  ['a tag named main: refs/tags/main', change({ ref: 'refs/tags/main', ref_type: 'tag' }), 'ref'],
  ['the short name of the branch: main', change({ ref: 'main' }), 'ref'],
  ['the ref with a trailing space', change({ ref: 'refs/heads/main ' }), 'ref'],
  ['the ref with a trailing newline', change({ ref: 'refs/heads/main\n' }), 'ref'],
  ['the ref with a leading space', change({ ref: ' refs/heads/main' }), 'ref'],
  ['the ref with a trailing NUL', change({ ref: 'refs/heads/main\u0000' }), 'ref'],
  ['the ref with a Cyrillic а (U+0430) for a', change({ ref: 'refs/heads/m\u0430in' }), 'ref'],
  ['the ref in fullwidth letters', change({ ref: 'refs/heads/\uff4d\uff41\uff49\uff4e' }), 'ref'],
  ['the ref with a zero-width joiner inside', change({ ref: 'refs/heads/ma\u200din' }), 'ref'],
  ['the ref with a combining diaeresis on i', change({ ref: 'refs/heads/mai\u0308n' }), 'ref'],
  ['the ref of a pull request merge commit', change({ ref: 'refs/pull/1/merge' }), 'ref'],

  // The owner
  ['the owner in upper case: OCTO-ORG', change({ repository_owner: 'OCTO-ORG' }), 'repository_owner'],
  ['the owner with a Cyrillic о (U+043E)', change({ repository_owner: '\u043ecto-org' }), 'repository_owner'],
  ['the owner name re-registered by another account (another owner id)', change({ repository_owner_id: '99000001' }), 'repository_owner_id'],
  ['the owner id with a leading zero', change({ repository_owner_id: '01342004' }), 'repository_owner_id'],
  ['the owner id as a number', change({ repository_owner_id: 1342004 }), 'repository_owner_id'],
  [
    'a caller outside the organisation running the sanctioned workflow',
    change({ repository_owner: 'evil-org', repository_owner_id: '5550001', repository: 'evil-org/app', repository_id: '777', sub: 'repo:evil-org/app:environment:production' }),
    'repository_owner',
  ],
  [
    'a look-alike organisation: octo-org-evil',
    change({ repository_owner: 'octo-org-evil', repository_owner_id: '5550002', repository: 'octo-org-evil/app', repository_id: '778' }),
    'repository_owner',
  ],

  // The repository
  ['another repository of the owner: octo-org/app-evil', change({ repository: 'octo-org/app-evil', repository_id: '9001' }), 'repository'],
  ['the repository in another case: octo-org/App', change({ repository: 'octo-org/App' }), 'repository'],
  ['the repository with a trailing slash', change({ repository: 'octo-org/app/' }), 'repository'],
  ['the repository with a fullwidth solidus', change({ repository: 'octo-org\uff0fapp' }), 'repository'],
  ['the repository renamed away and its name re-registered (another repository id)', change({ repository_id: '9999999' }), 'repository_id'],
  ['the repository id as a number', change({ repository_id: 8429 }), 'repository_id'],
  ['the repository id in an array', change({ repository_id: ['8429'] }), 'repository_id'],

  // The environment
  ['no environment claim (the job names no environment)', without('environment'), 'environment'],
  ['environment "production " with a trailing space', change({ environment: 'production ' }), 'environment'],
  ['environment "Production"', change({ environment: 'Production' }), 'environment'],
  ['environment " production" with a leading space', change({ environment: ' production' }), 'environment'],
  ['environment "prod"', change({ environment: 'prod' }), 'environment'],
  ['environment with a Cyrillic о (U+043E)', change({ environment: 'pr\u043eduction' }), 'environment'],
  ['environment with a trailing zero-width space', change({ environment: 'production\u200b' }), 'environment'],
  ['environment null', change({ environment: null }), 'environment'],
  ['environment as an array', change({ environment: ['production'] }), 'environment'],
  ['environment as an object that turns into "production" as a string', change({ environment: { toString: () => 'production' } }), 'environment'],
  ['environment as a number', change({ environment: 1 }), 'environment'],

  // The trigger
  ['pull_request_target with the base ref main', change({ event_name: 'pull_request_target' }), 'event_name'],
  ['a pull request from a fork', change({ event_name: 'pull_request', ref: 'refs/pull/1/merge', head_ref: 'patch-1', base_ref: 'main' }), 'event_name'],
  ['workflow_run after a fork pull request', change({ event_name: 'workflow_run' }), 'event_name'],

  // The reusable workflow
  ['the sanctioned workflow at a branch instead of the sha', change({ job_workflow_ref: `${WORKFLOW}@refs/heads/main` }), 'job_workflow_ref'],
  ['the sanctioned workflow at another sha', change({ job_workflow_ref: `${WORKFLOW}@${'1'.repeat(40)}` }), 'job_workflow_ref'],
  ['the sanctioned workflow at the short sha', change({ job_workflow_ref: `${WORKFLOW}@${SHA.slice(0, 7)}` }), 'job_workflow_ref'],
  ['the sanctioned workflow at the sha in upper case', change({ job_workflow_ref: `${WORKFLOW}@${SHA.toUpperCase()}` }), 'job_workflow_ref'],
  ['the workflow from a fork of the workflows repository', change({ job_workflow_ref: `evil-user/workflows/.github/workflows/deploy.yml@${SHA}` }), 'job_workflow_ref'],
  ['another workflow of the workflows repository', change({ job_workflow_ref: `octo-org/workflows/.github/workflows/deploy-anything.yml@${SHA}` }), 'job_workflow_ref'],
  ['the job in the caller’s own workflow, no reusable workflow', change({ job_workflow_ref: 'octo-org/app/.github/workflows/release.yml@refs/heads/main' }), 'job_workflow_ref'],
  ['no job_workflow_ref claim', without('job_workflow_ref'), 'job_workflow_ref'],

  // The runner
  ['a self-hosted runner', change({ runner_environment: 'self-hosted' }), 'runner_environment'],
  ['no runner_environment claim (older GitHub Enterprise Server)', without('runner_environment'), 'runner_environment'],
  ['runner_environment "GitHub-hosted"', change({ runner_environment: 'GitHub-hosted' }), 'runner_environment'],

  // The issuer and the audience
  ['the issuer with a trailing slash', change({ iss: 'https://token.actions.githubusercontent.com/' }), 'iss'],
  ['an enterprise-specific issuer', change({ iss: 'https://token.actions.githubusercontent.com/octo-enterprise' }), 'iss'],
  ['the audience of another service', change({ aud: 'sts.amazonaws.com.evil' }), 'aud'],

  // Claims that are not where they seem
  ['the environment only on the prototype of the claims', Object.assign(Object.create({ environment: 'production' }) as object, without('environment')), 'environment'],
  ['the environment under a "__proto__" claim of parsed JSON', JSON.parse(`{"__proto__":{"environment":"production"},${JSON.stringify(without('environment')).slice(1)}`) as Record<string, unknown>, 'environment'],
  ['a "hasOwnProperty" claim that answers yes to everything', { ...without('environment'), hasOwnProperty: () => true }, 'environment'],
  ['a "constructor" claim of "production" in place of the environment', { ...without('environment'), constructor: 'production' }, 'environment'],
];

describe('the near-miss policy', () => {
  it('allows the baseline job, with the deploy rule', () => {
    const decision = evaluatePolicy(policy, BASELINE);
    expect(decision.allowed).toBe(true);
    expect(decision.rule?.name).toBe('deploy-app-production');
  });

  it('has a distinct claim set in every case', () => {
    // Own keys, with functions and objects told apart from strings, and what the prototype carries.
    const shape = (value: unknown): unknown => (typeof value === 'function' ? 'a function' : value instanceof Object && !Array.isArray(value) ? `an object: ${String(value)}` : value);
    const key = (claims: Record<string, unknown>) =>
      JSON.stringify([Object.getOwnPropertyNames(claims).map((name) => [name, shape(claims[name])]), Object.entries(Object.getPrototypeOf(claims) as object)]);
    expect(new Set(NEAR_MISSES.map(([, claims]) => key(claims))).size).toBe(NEAR_MISSES.length);
    expect(new Set(NEAR_MISSES.map(([name]) => name)).size).toBe(NEAR_MISSES.length);
    expect(NEAR_MISSES.length).toBeGreaterThanOrEqual(40);
  });
});

describe('near misses of the policy', () => {
  test.each(NEAR_MISSES)('denies %s, naming the claim that failed', (_name, claims, claim) => {
    const decision = evaluatePolicy(policy, claims);
    expect(decision.allowed).toBe(false);
    expect(claimsNamedBy(decision)).toContain(claim);
  });
});

describe('the near-miss policy with a claim misspelt', () => {
  const text = readFileSync(new URL('./policy.yml', import.meta.url), 'utf8');

  it.each([
    ['event_name of the deny rule as event', 'event_name: [pull_request', 'event: [pull_request', 'event', 'event_name'],
    ['repository_id of the allow rule as repositry_id', 'repository_id: "8429"', 'repositry_id: "8429"', 'repositry_id', 'repository_id'],
  ])('is refused when %s, at the claim', (_what, from, to, claim, meant) => {
    const misspelt = text.replace(from, to);
    const line = misspelt.split('\n').findIndex((l) => l.includes(to)) + 1;
    let error: unknown;
    try {
      parsePolicy(misspelt, 'policy.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ problems: [{ location: { file: 'policy.yml', line }, code: 'unknown-claim', message: expect.stringContaining(`"${claim}"`) as unknown }] });
    expect((error as Error).message).toContain(`did you mean "${meant}"?`);
  });

  it('as written, refuses the pull request that the misspelt deny rule would let through', () => {
    const decision = evaluatePolicy(policy, change({ event_name: 'pull_request', sub: 'repo:octo-org/app:pull_request' }));
    expect(decision).toMatchObject({ allowed: false, reason: 'deny rule matched', rule: { name: 'no-untrusted-triggers' } });
  });
});
