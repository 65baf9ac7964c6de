import { CI_SYSTEMS, ciSystemOf, type CiSystem } from '../../oidc/ci-systems.ts';
import { matches } from '../matchers.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';
import { sortFindings, type Finding } from './finding.ts';
import { admits, anyRefProbes, deniedByPolicy, pullRequestProbes, UNTRUSTED_TRIGGERS, untrustedTriggerProbes, type Probe } from './github-probes.ts';
import { describeMatcher, exactValues, literalPrefix, topLevelAlternation } from './pattern-reach.ts';

const ONE_HOUR = 3600;

/**
 * How findings speak of what they are about. A rule's match hands out its grant; an operator entry's
 * match opens the operator API (the whole inventory, and revocation of any repository's sessions), and
 * no deny rule narrows it.
 */
interface Wording {
  noun: 'rule' | 'operator entry';
  /** What a job that matches gets. */
  gets: string;
  denyRulesApply: boolean;
}

const RULE: Wording = { noun: 'rule', gets: 'gets its grant', denyRulesApply: true };
const OPERATOR: Wording = { noun: 'operator entry', gets: 'gets the operator API: every session in the inventory, and revocation of any repository’s', denyRulesApply: false };

type Check = (rule: PolicyRule, policy: Policy, w: Wording) => Finding[];

/**
 * Lints a loaded policy for trust that is broader than it looks: its rules, and its `operators:` entries
 * by the same checks where they apply (not those about the credentials a grant hands out). Each finding
 * says what is wrong and how to fix it; errors are what `policy lint` fails on. An operator entry's
 * findings carry ids prefixed `operator-` and name it `operators: NAME`.
 */
export function lintPolicy(policy: Policy): Finding[] {
  const findings = policyWide(policy);
  for (const rule of policy.rules) findings.push(...lintSubject(rule, policy, RULE));
  for (const operator of policy.operators) {
    const asRule: PolicyRule = { name: `operators: ${operator.name}`, effect: 'allow', conditions: operator.conditions, grant: undefined, location: operator.location };
    findings.push(...lintSubject(asRule, policy, OPERATOR).map((found) => ({ ...found, id: `operator-${found.id}` })));
  }
  return sortFindings(findings);
}

function lintSubject(rule: PolicyRule, policy: Policy, w: Wording): Finding[] {
  // Each CI system's claims mean different things, so each has its own traps.
  const system = ciSystemOfRule(rule, policy);
  return [...GENERAL_CHECKS, ...(system ? CI_CHECKS[system] : [unknownSystem])].flatMap((check) => check(rule, policy, w));
}

/**
 * The CI system whose tokens a rule reads: its own issuer's, or the policy's when all issuers agree
 * (GitHub's when they do not); undefined for an issuer the broker does not model.
 */
function ciSystemOfRule(rule: PolicyRule, policy: Policy): CiSystem | undefined {
  const own = condition(rule, 'iss');
  const issuers = own?.matcher.kind === 'equals' ? own.matcher.values : policy.issuers;
  const systems = new Set(issuers.map((issuer) => ciSystemOf(issuer)?.system));
  return systems.size === 1 ? [...systems][0] : 'github-actions';
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

const unknownSystem: Check = (rule, policy, w) => {
  const issuers = exactValues(condition(rule, 'iss')?.matcher ?? { kind: 'equals', values: policy.issuers }) ?? [];
  return [
    finding(
      rule,
      'unknown-ci-system',
      'note',
      `The broker does not know the claims of ${issuers.join(', ')}: lint cannot tell which of the ${w.noun}'s conditions bind a project or a protected branch.`,
      `Check by hand that the ${w.noun} binds the project by an id that is never reused, and a protected branch.`,
    ),
  ];
};

/**
 * Conditions that bind a rule to one identity: exact values (a list of them is a list of identities),
 * or, where a claim names an owner before its repository, a pattern whose fixed start names the owner.
 * A pattern on an id binds nothing: `{regex: "[0-9]+"}` admits every repository.
 */
type Binding = (c: Condition) => boolean;
const exact: Binding = (c) => exactValues(c.matcher) !== undefined;
const exactOrOwner =
  (owner: RegExp): Binding =>
  (c) => {
    const values = exactValues(c.matcher);
    return values ? values.every((value) => owner.test(value)) : owner.test(literalPrefix(c.matcher).prefix);
  };

const GITHUB_BINDINGS: Record<string, Binding> = {
  repository_id: exact,
  repository_owner_id: exact,
  repository: exactOrOwner(/^[^/]+\//),
  repository_owner: exact,
  // repo:OWNER/REPO:... or, in immutable form, repo:OWNER@ID/REPO@ID:...
  sub: exactOrOwner(/^repo:[A-Za-z0-9-]+[/@]/),
};

const GITLAB_BINDINGS: Record<string, Binding> = {
  project_id: exact,
  namespace_id: exact,
  project_path: exactOrOwner(/^[^/]+\//),
  namespace_path: exactOrOwner(/^[^/]+(\/|$)/),
};

/**
 * The rule's failure to bind an identity, as a finding, or none. `wanted` says what to add; the message
 * names conditions that look like a binding but, being patterns, are not.
 */
function unbound(rule: PolicyRule, bindings: Record<string, Binding>, id: string, message: string, wanted: string): Finding[] {
  if (rule.effect !== 'allow') return [];
  const candidates = rule.conditions.filter((c) => Object.hasOwn(bindings, c.claim));
  if (candidates.some((c) => bindings[c.claim]!(c))) return [];
  const patterns = candidates.filter((c) => c.matcher.kind !== 'equals');
  if (patterns.length === 0) return [finding(rule, id, 'error', message, `Add ${wanted} to its match.`)];
  const written = patterns.map((c) => `\`${c.claim}: ${describeMatcher(c.matcher)}\``).join(' and ');
  return [finding(rule, id, 'error', `${message} Its ${written} ${patterns.length === 1 ? 'is a pattern that admits' : 'are patterns that admit'} other identities too: only exact values bind.`, `Give ${wanted} an exact value, or a list of them.`, patterns[0])];
}

/** Names matched without the id that makes them safe. */
function namesWithoutIds(rule: PolicyRule, pairs: ReadonlyArray<readonly [string, string]>, report: (name: string, id: string, at: Condition) => Finding): Finding[] {
  return pairs.flatMap(([name, id]) => {
    const named = condition(rule, name);
    const bound = condition(rule, id);
    return named && !(bound && exact(bound)) ? [report(name, id, named)] : [];
  });
}

const GITHUB_CHECKS: Check[] = [
  (rule, _policy, w) =>
    unbound(rule, GITHUB_BINDINGS, 'no-repository-binding', `The ${w.noun} is not bound to a repository or an owner: any job with matching claims, from any repository on this issuer, ${w.gets}.`, '`repository_id` (or `repository_owner_id`)'),
  (rule, _policy, w) =>
    namesWithoutIds(
      rule,
      [
        ['repository', 'repository_id'],
        ['repository_owner', 'repository_owner_id'],
      ],
      (name, id, at) => finding(rule, 'name-without-id', 'warning', `The ${w.noun} matches \`${name}\` by name only; a deleted or renamed ${name === 'repository' ? 'repository' : 'owner'} lets someone else register the name.`, `Match \`${id}\` as well: IDs are never reused.`, at),
    ),
  (rule, _policy, w) => {
    // The default subject names the owner; the immutable one (repo:OWNER@ID/REPO@ID:...) carries its id.
    const sub = condition(rule, 'sub');
    const ids = ['repository_id', 'repository_owner_id'].flatMap((claim) => condition(rule, claim) ?? []);
    if (!sub || !GITHUB_BINDINGS.sub!(sub) || ids.some(exact)) return [];
    return (exactValues(sub.matcher) ?? [literalPrefix(sub.matcher).prefix]).every((value) => /^repo:[^:/@]+@/.test(value))
      ? []
      : [finding(rule, 'name-without-id', 'warning', `The ${w.noun} binds \`sub\` to an owner by name only; a deleted or renamed owner lets someone else register the name.`, 'Match `repository_owner_id` (or `repository_id`) as well, or use GitHub’s immutable subject (repo:OWNER@ID/REPO@ID:...).', sub)];
  },
  (rule, policy, w) => (rule.effect === 'allow' ? untrustedTriggers(rule, policy, w) : []),
  (rule, _policy, w) =>
    rule.effect === 'allow' && has(rule, 'environment')
      ? [finding(rule, 'environment-trust', 'note', `The ${w.noun} trusts a deployment environment: that is only as strong as the environment’s protection.`, `Give the environment required reviewers and deployment branch rules, in every repository the ${w.noun} covers.`, condition(rule, 'environment'))]
      : [],
  (rule, _policy, w) =>
    ['workflow', 'workflow_ref']
      .filter((claim) => has(rule, claim))
      .map((claim) =>
        finding(rule, 'caller-workflow-claim', 'warning', `The ${w.noun} matches \`${claim}\`, the calling workflow, which the repository can edit or rename; it does not prove which reusable workflow ran.`, 'Match `job_workflow_ref` (and pin its @ref) to require a sanctioned reusable workflow.', condition(rule, claim)),
      ),
  (rule) => {
    const environment = condition(rule, 'environment');
    const runner = condition(rule, 'runner_environment');
    const production = environment && ['production', 'prod'].some((name) => matches(environment.matcher, name));
    // About the credentials a grant hands out: an operator entry hands out none.
    if (rule.effect !== 'allow' || !rule.grant || !production || (runner && !matches(runner.matcher, 'self-hosted'))) return [];
    return [finding(rule, 'self-hosted-production', 'warning', 'The rule grants production credentials to jobs on self-hosted runners, which may keep state between jobs.', 'Add `runner_environment: github-hosted`, or a deny rule for self-hosted runners in production.', environment)];
  },
];

/**
 * Jobs a rule admits though their code or input comes from outside the branches it means: pull requests,
 * pushes to any branch, and pull_request_target or workflow_run. Each is put to the rule as the claims
 * GitHub would give it in the rule's own repository; a deny rule of the policy that refuses it is enough.
 */
function untrustedTriggers(rule: PolicyRule, policy: Policy, w: Wording): Finding[] {
  const admitted = (probes: Probe[]) => probes.find((probe) => admits(rule, probe) && !(w.denyRulesApply && deniedByPolicy(policy, rule, probe)));
  const noDeny = w.denyRulesApply ? '' : ' (deny rules do not apply to operators)';
  const results: Finding[] = [];
  const event = condition(rule, 'event_name');
  const allowed = event ? UNTRUSTED_TRIGGERS.filter((name) => matches(event.matcher, name)) : [];
  if (allowed.length > 0) {
    results.push(finding(rule, 'untrusted-trigger', 'error', `The ${w.noun} allows ${allowed.join(' and ')}, which run with the base repository's trust on code or input that a pull request controls.`, w.denyRulesApply ? 'Remove these events from the rule, and add a deny rule for them.' : `Remove these events from the ${w.noun}${noDeny}.`, event));
  }
  // What a rule writes about pull requests: left unwritten, it is an unpinned ref (below).
  const pullRequest = admitted(pullRequestProbes(rule));
  const explicit = pullRequest ? rule.conditions.filter((c) => ['ref', 'sub', 'event_name'].includes(c.claim)) : [];
  if (pullRequest && explicit.length > 0) {
    const what = explicit.map((c) => (c.claim === 'ref' ? 'refs/pull/*' : c.claim === 'sub' ? `the subject ${pullRequest.sub!}` : 'the pull_request event'));
    results.push(finding(rule, 'untrusted-trigger', 'error', `The ${w.noun} allows ${what.join(', ')}: jobs that run a pull request’s code.`, w.denyRulesApply ? 'Pin `ref` (or the ref in `sub`) to protected branches or tags, and add a deny rule for pull_request events.' : `Pin \`ref\` (or the ref in \`sub\`) to a protected branch, and \`event_name\` to workflow_dispatch${noDeny}.`, explicit[0]));
  }
  const anyRef = pullRequest && explicit.length > 0 ? undefined : admitted(anyRefProbes(rule));
  if (anyRef) {
    const pin = rule.conditions.find((c) => c.claim === 'ref' || c.claim === 'sub');
    results.push(
      pin
        ? finding(rule, 'unpinned-ref', 'warning', `The ${w.noun}'s \`${pin.claim}\` admits any branch or tag (${pin.claim === 'ref' ? anyRef.ref! : anyRef.sub!}, say), including one a pull request pushes: each ${w.gets}.`, 'Match `ref` to protected branches or tags, or `environment` with deployment branch rules.', pin)
        : finding(rule, 'unpinned-ref', 'warning', `The ${w.noun} does not pin \`ref\`: any branch, including one a pull request pushes, ${w.gets}.`, 'Match `ref` to protected branches or tags, or `environment` with deployment branch rules.'),
    );
  }
  if (!event) {
    const open = UNTRUSTED_TRIGGERS.filter((name) => admitted(untrustedTriggerProbes(rule, name)));
    if (open.length > 0) {
      results.push(
        finding(
          rule,
          'untrusted-trigger-open',
          'warning',
          `The ${w.noun} leaves \`event_name\` open, so it admits ${open.join(' and ')}: they run with a branch of the repository as their ref (the default branch, or a pull request's base) and in its environments, on code or input a pull request controls.`,
          w.denyRulesApply
            ? `Add this deny rule: \`- {name: no-untrusted-triggers, effect: deny, match: {event_name: [pull_request, ${UNTRUSTED_TRIGGERS.join(', ')}]}}\`, or match \`event_name\` to the events you mean (push, workflow_dispatch).`
            : `Match \`event_name\` to the events operators use, such as workflow_dispatch${noDeny}.`,
        ),
      );
    }
  }
  return results;
}

const CI_CHECKS: Record<CiSystem, Check[]> = {
  'github-actions': GITHUB_CHECKS,
  gitlab: [
    (rule, _policy, w) => unbound(rule, GITLAB_BINDINGS, 'no-repository-binding', `The GitLab ${w.noun} is not bound to a project or a group: any project on the instance with matching claims ${w.gets}.`, '`project_id` (or `namespace_id`)'),
    (rule, _policy, w) =>
      namesWithoutIds(
        rule,
        [
          ['project_path', 'project_id'],
          ['namespace_path', 'namespace_id'],
        ],
        (name, id, at) =>
          finding(rule, 'gitlab-path-without-id', 'error', `The ${w.noun} trusts \`${name}\` without \`${id}\`: a deleted or renamed project or group frees the path for someone else, and in merge-request pipelines from forks the project claims name the fork.`, `Match \`${id}\` (numeric, never reused), and deny \`pipeline_source: merge_request_event\` where forks must not deploy.`, at),
      ),
    (rule, _policy, w) => {
      const ref = condition(rule, 'ref');
      const type = condition(rule, 'ref_type');
      const protectedRef = condition(rule, 'ref_protected');
      const qualified = (type && !matches(type.matcher, 'tag')) || (protectedRef && !matches(protectedRef.matcher, 'false'));
      return rule.effect === 'allow' && ref && !qualified
        ? [finding(rule, 'gitlab-ref-unqualified', 'warning', `The ${w.noun} matches GitLab’s \`ref\`, the bare name of a branch or of a tag: a tag named like the branch (anyone who can push a tag can make one) matches as well.`, 'Add `ref_protected: "true"` and `ref_type: branch`, or match `ref_path: refs/heads/NAME` instead.', ref)]
        : [];
    },
  ],
  circleci: [
    (rule, _policy, w) =>
      unbound(
        rule,
        { 'oidc.circleci.com/vcs-origin': exactOrOwner(/^[^/]+\/[^/]+\//) },
        'circleci-no-vcs-origin',
        `The CircleCI ${w.noun} does not check \`oidc.circleci.com/vcs-origin\`: a build of a fork of the project runs as the project and ${w.gets}.`,
        '`oidc.circleci.com/vcs-origin` (github.com/OWNER/REPO, with `oidc.circleci.com/project-id`)',
      ),
  ],
  buildkite: [
    (rule, _policy, w) =>
      unbound(
        rule,
        { organization_id: exact, organization_slug: exact },
        'buildkite-no-organization',
        `Every Buildkite organisation shares the issuer ${CI_SYSTEMS.buildkite.defaultIssuer!}: ${w.noun === 'rule' ? 'a rule' : 'an operator entry'} without an organisation binding admits any organisation's pipelines.`,
        '`organization_id` (or `organization_slug`), and `pipeline_slug` for the pipeline,',
      ),
    (rule, _policy, w) => {
      const branch = condition(rule, 'build_branch');
      const source = condition(rule, 'build_source');
      const chosen = ['ui', 'api', 'trigger_job'].filter((value) => !source || matches(source.matcher, value));
      return rule.effect === 'allow' && branch && chosen.length > 0
        ? [finding(rule, 'buildkite-branch-chosen', 'warning', `The ${w.noun} trusts \`build_branch\`, which whoever starts a build chooses (builds from ${chosen.join(', ')}): a build of any commit can name the branch.`, 'Add `build_source: webhook`, so that only builds of pushes to the repository count, and protect the branch there.', branch)]
        : [];
    },
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

function has(rule: PolicyRule, claim: string): boolean {
  return rule.conditions.some((c) => c.claim === claim);
}

function condition(rule: PolicyRule, claim: string): Condition | undefined {
  return rule.conditions.find((c) => c.claim === claim);
}

function finding(rule: PolicyRule, id: string, severity: Finding['severity'], message: string, fix: string, at?: Condition): Finding {
  return { id, severity, rule: rule.name, message, fix, location: at?.location ?? rule.location };
}
