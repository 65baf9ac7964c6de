import { CI_SYSTEMS, ciSystemOf, type CiSystem } from '../../oidc/ci-systems.ts';
import { matches } from '../matchers.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';
import { sortFindings, type Finding } from './finding.ts';

const UNTRUSTED_EVENTS = ['pull_request_target', 'workflow_run'];
const REPOSITORY_CLAIMS = ['repository', 'repository_id', 'repository_owner', 'repository_owner_id'];
const ONE_HOUR = 3600;

type Check = (rule: PolicyRule, policy: Policy) => Finding[];

/**
 * Lints a loaded policy for trust that is broader than it looks. Each finding says what is wrong and
 * how to fix it; errors are what `policy lint` fails on.
 */
export function lintPolicy(policy: Policy): Finding[] {
  const findings = policyWide(policy);
  for (const rule of policy.rules) {
    // Each CI system's claims mean different things, so each has its own traps.
    for (const check of [...GENERAL_CHECKS, ...CI_CHECKS[ciSystemOfRule(rule, policy)]]) findings.push(...check(rule, policy));
  }
  return sortFindings(findings);
}

/** The CI system whose tokens a rule reads: its own issuer's, or the policy's when all issuers agree. */
function ciSystemOfRule(rule: PolicyRule, policy: Policy): CiSystem {
  const own = condition(rule, 'iss');
  const issuers = own?.matcher.kind === 'equals' ? own.matcher.values : policy.issuers;
  const systems = new Set(issuers.map((issuer) => ciSystemOf(issuer)?.system ?? 'github-actions'));
  return systems.size === 1 ? [...systems][0]! : 'github-actions';
}

function policyWide(policy: Policy): Finding[] {
  if (policy.audiences.length === 0) {
    return [
      {
        id: 'audience-missing',
        severity: 'warning',
        rule: null,
        message: 'The policy accepts tokens of any audience the verifier was given.',
        fix: 'Add `audiences: [sts.amazonaws.com]` (or your cloud’s audience), so a token minted for another service is refused.',
      },
    ];
  }
  return policy.audiences
    .filter((audience) => /^https:\/\/github\.com\//.test(audience))
    .map((audience) => ({
      id: 'audience-generic',
      severity: 'warning' as const,
      rule: null,
      message: `The audience "${audience}" is GitHub's default, which every job of the owner can request for any purpose.`,
      fix: 'Use an audience specific to the cloud or broker, such as sts.amazonaws.com.',
    }));
}

const GENERAL_CHECKS: Check[] = [
  (rule) => rule.conditions.flatMap(broadPatternFindings(rule)),
  (rule) => {
    const seconds = rule.grant?.aws?.maxDurationSeconds ?? 0;
    return seconds > ONE_HOUR
      ? [finding(rule, 'long-duration', 'warning', `The rule grants sessions of up to ${seconds / 60} minutes: a dynamic credential in name only.`, 'Lower max-duration to 1h or less (15m suits most deployments).')]
      : [];
  },
];

const GITHUB_CHECKS: Check[] = [
  (rule) =>
    rule.effect === 'allow' && !rule.conditions.some(bindsRepository)
      ? [finding(rule, 'no-repository-binding', 'error', 'The rule is not bound to a repository or an owner: any job with matching claims, from any repository on this issuer, gets its grant.', 'Add `repository_id` (or `repository_owner_id`) to its match.')]
      : [],
  (rule) =>
    [
      ['repository', 'repository_id'],
      ['repository_owner', 'repository_owner_id'],
    ]
      .filter(([name, id]) => has(rule, name!) && !has(rule, id!))
      .map(([name, id]) =>
        finding(rule, 'name-without-id', 'warning', `The rule matches \`${name}\` by name only; a deleted or renamed ${name === 'repository' ? 'repository' : 'owner'} lets someone else register the name.`, `Match \`${id}\` as well: IDs are never reused.`, condition(rule, name!)),
      ),
  (rule) => {
    if (rule.effect !== 'allow') return [];
    const event = condition(rule, 'event_name');
    const ref = condition(rule, 'ref');
    const results: Finding[] = [];
    const allowed = event ? UNTRUSTED_EVENTS.filter((name) => matches(event.matcher, name)) : [];
    if (allowed.length > 0) {
      results.push(finding(rule, 'untrusted-trigger', 'error', `The rule allows ${allowed.join(' and ')}, which run with the base repository's trust on code or input that a pull request controls.`, 'Remove these events from the rule, and add a deny rule for them.', event));
    }
    if (ref && matches(ref.matcher, 'refs/pull/1/merge')) {
      results.push(finding(rule, 'untrusted-trigger', 'error', 'The rule allows refs/pull/*: jobs that run a pull request’s code.', 'Pin `ref` to protected branches or tags.', ref));
    }
    return results;
  },
  (rule) =>
    rule.effect === 'allow' && has(rule, 'environment')
      ? [finding(rule, 'environment-trust', 'note', 'The rule trusts a deployment environment: that is only as strong as the environment’s protection.', 'Give the environment required reviewers and deployment branch rules, in every repository the rule covers.', condition(rule, 'environment'))]
      : [],
  (rule) =>
    ['workflow', 'workflow_ref']
      .filter((claim) => has(rule, claim))
      .map((claim) =>
        finding(rule, 'caller-workflow-claim', 'warning', `The rule matches \`${claim}\`, the calling workflow, which the repository can edit or rename; it does not prove which reusable workflow ran.`, 'Match `job_workflow_ref` (and pin its @ref) to require a sanctioned reusable workflow.', condition(rule, claim)),
      ),
  (rule) => {
    const environment = condition(rule, 'environment');
    const runner = condition(rule, 'runner_environment');
    const production = environment && ['production', 'prod'].some((name) => matches(environment.matcher, name));
    if (rule.effect !== 'allow' || !production || (runner && !matches(runner.matcher, 'self-hosted'))) return [];
    return [finding(rule, 'self-hosted-production', 'warning', 'The rule grants production credentials to jobs on self-hosted runners, which may keep state between jobs.', 'Add `runner_environment: github-hosted`, or a deny rule for self-hosted runners in production.', environment)];
  },
  (rule) => {
    if (rule.effect !== 'allow' || has(rule, 'ref') || has(rule, 'environment') || has(rule, 'job_workflow_ref')) return [];
    const refInSub = condition(rule, 'sub');
    if (refInSub && !['repo:o/r:ref:refs/pull/1/merge', 'repo:o/r:pull_request'].some((value) => matches(refInSub.matcher, value))) return [];
    return [finding(rule, 'unpinned-ref', 'warning', `The rule does not pin \`ref\`: any branch, including one a pull request pushes, gets its grant.`, 'Match `ref` to protected branches or tags, or `environment` with deployment branch rules.')];
  },
];

const CI_CHECKS: Record<CiSystem, Check[]> = {
  'github-actions': GITHUB_CHECKS,
  gitlab: [
    (rule) =>
      rule.effect === 'allow' && !['project_id', 'project_path', 'namespace_id', 'namespace_path'].some((claim) => has(rule, claim))
        ? [finding(rule, 'no-repository-binding', 'error', 'The GitLab rule is not bound to a project or a group: any project on the instance with matching claims gets its grant.', 'Add `project_id` (or `namespace_id`) to its match.')]
        : [],
    (rule) =>
      [
        ['project_path', 'project_id'],
        ['namespace_path', 'namespace_id'],
      ]
        .filter(([name, id]) => has(rule, name!) && !has(rule, id!))
        .map(([name, id]) =>
          finding(rule, 'gitlab-path-without-id', 'error', `The rule trusts \`${name}\` without \`${id}\`: a deleted or renamed project or group frees the path for someone else, and in merge-request pipelines from forks the project claims name the fork.`, `Match \`${id}\` (numeric, never reused), and deny \`pipeline_source: merge_request_event\` where forks must not deploy.`, condition(rule, name!)),
        ),
  ],
  circleci: [
    (rule) =>
      rule.effect === 'allow' && !has(rule, 'oidc.circleci.com/vcs-origin')
        ? [finding(rule, 'circleci-no-vcs-origin', 'error', 'The CircleCI rule does not check `oidc.circleci.com/vcs-origin`: a build of a fork of the project runs as the project and gets its grant.', 'Match `oidc.circleci.com/vcs-origin` to the repository (github.com/OWNER/REPO), with `oidc.circleci.com/project-id`.')]
        : [],
  ],
  buildkite: [
    (rule) =>
      rule.effect === 'allow' && !has(rule, 'organization_id') && !has(rule, 'organization_slug')
        ? [finding(rule, 'buildkite-no-organization', 'error', `Every Buildkite organisation shares the issuer ${CI_SYSTEMS.buildkite.defaultIssuer!}: a rule without an organisation binding admits any organisation's pipelines.`, 'Match `organization_id` (or `organization_slug`), and `pipeline_slug` for the pipeline.')]
        : [],
  ],
};

/** Globs and regexes that match more than they seem to. */
function broadPatternFindings(rule: PolicyRule): (c: Condition) => Finding[] {
  return (c) => {
    const fix = 'Write the pattern out in full, or list the exact values.';
    if (c.matcher.kind === 'glob') {
      const prefix = c.matcher.pattern.split('/').find((segment) => /[^*]\*+$/.test(segment));
      return prefix ? [finding(rule, 'broad-pattern', 'warning', `The glob segment "${prefix}" also matches any longer name that starts the same way (e.g. "${prefix.replace(/\*+$/, '')}-evil").`, fix, c)] : [];
    }
    if (c.matcher.kind !== 'regex') return [];
    const source = c.matcher.pattern;
    const outsideClasses = source.replace(/\\./g, '__').replace(/\[[^\]]*\]/g, '_');
    const problems: string[] = [];
    if (outsideClasses.includes('.*')) problems.push('`.*` matches anything, `/` and `:` included');
    else if (outsideClasses.includes('.')) problems.push('an unescaped `.` matches any character, not just a dot');
    if (topLevelAlternation(source)) problems.push('a top-level `|`: the broker anchors each side, but the same pattern in a cloud condition or another tool usually is not');
    return problems.map((problem) => finding(rule, 'broad-pattern', 'warning', `The regex for ${c.claim}: ${problem}.`, 'Escape dots (\\.), avoid .*, and group alternatives: (a|b).', c));
  };
}

function topLevelAlternation(source: string): boolean {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

function bindsRepository(c: Condition): boolean {
  if (REPOSITORY_CLAIMS.includes(c.claim)) return true;
  if (c.claim !== 'sub') return false;
  // repo:OWNER/... with the owner written out.
  const owner = /^repo:[A-Za-z0-9-]+\//;
  return c.matcher.kind === 'equals' ? c.matcher.values.every((value) => owner.test(value)) : owner.test(c.matcher.pattern);
}

function has(rule: PolicyRule, claim: string): boolean {
  return rule.conditions.some((c) => c.claim === claim);
}

function condition(rule: PolicyRule, claim: string): Condition | undefined {
  return rule.conditions.find((c) => c.claim === claim);
}

function finding(rule: PolicyRule, id: string, severity: Finding['severity'], message: string, fix: string, at?: Condition): Finding {
  return { id, severity, rule: rule.name, message, fix, location: at?.location ?? rule.location };
}
