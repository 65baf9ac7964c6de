import { matches } from '../matchers.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';
import { exactValues, literalPrefix } from './pattern-reach.ts';

/**
 * The claims of GitHub Actions jobs that a rule should not admit, built from the names the rule itself
 * gives (its owner, repository, branches, environments and workflows), so that a rule bound to
 * octo-org/app is asked about repo:octo-org/app:pull_request rather than about a placeholder it could
 * never match. Only the claims that tell such a job apart are probed; a rule's other conditions (its
 * repository, its runner) are taken to hold, since the job runs in the repository the rule is for.
 */

export type Probe = Readonly<Record<string, string>>;

/** The claims that tell a pull request, a push to any branch or an untrusted trigger apart from the job a rule is for. */
const PROBED_CLAIMS: ReadonlySet<string> = new Set(['event_name', 'ref', 'ref_type', 'sub', 'head_ref', 'base_ref', 'workflow_ref', 'environment']);

/** A branch name that GitHub gives a pull request made in the web editor, and that no one protects. */
const ANY_BRANCH = 'patch-1';

export type UntrustedTrigger = 'pull_request_target' | 'workflow_run';
export const UNTRUSTED_TRIGGERS: readonly UntrustedTrigger[] = ['pull_request_target', 'workflow_run'];

interface Named {
  /** OWNER/REPO as sub writes it, OWNER@ID/REPO@ID included. */
  repositories: string[];
  branches: string[];
  environments: string[];
  /** .github/workflows/FILE of the caller's workflow_ref. */
  workflows: string[];
}

/** Jobs of a pull request, in the repository the rule names: they run the pull request's code. */
export function pullRequestProbes(rule: PolicyRule): Probe[] {
  const { repositories, workflows } = namedBy(rule);
  return repositories.flatMap((repository) =>
    workflows.map((workflow) => ({
      event_name: 'pull_request',
      ref: 'refs/pull/1/merge',
      ref_type: 'branch',
      sub: `repo:${repository}:pull_request`,
      head_ref: ANY_BRANCH,
      base_ref: 'main',
      workflow_ref: `${plain(repository)}/${workflow}@refs/pull/1/merge`,
    })),
  );
}

/** Pushes (or manual runs) of a branch and a tag that anyone with write access can create. */
export function anyRefProbes(rule: PolicyRule): Probe[] {
  const { repositories, workflows } = namedBy(rule);
  return [`refs/heads/${ANY_BRANCH}`, `refs/tags/${ANY_BRANCH}`].flatMap((ref) =>
    repositories.flatMap((repository) =>
      workflows.flatMap((workflow) =>
        ['push', 'workflow_dispatch'].map((event) => ({
          event_name: event,
          ref,
          ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
          sub: `repo:${repository}:ref:${ref}`,
          head_ref: '',
          base_ref: '',
          workflow_ref: `${plain(repository)}/${workflow}@${ref}`,
        })),
      ),
    ),
  );
}

/**
 * Jobs of pull_request_target and workflow_run: they run with a branch of the base repository as their
 * ref (the default branch, or the pull request's base), in its environments, on input a pull request
 * controls. Their sub is probed in both forms GitHub could give it.
 */
export function untrustedTriggerProbes(rule: PolicyRule, event: UntrustedTrigger): Probe[] {
  const { repositories, branches, environments, workflows } = namedBy(rule);
  return repositories.flatMap((repository) =>
    workflows.flatMap((workflow) =>
      branches.flatMap((branch) => {
        const common = {
          event_name: event,
          ref: `refs/heads/${branch}`,
          ref_type: 'branch',
          head_ref: event === 'pull_request_target' ? ANY_BRANCH : '',
          base_ref: event === 'pull_request_target' ? branch : '',
          workflow_ref: `${plain(repository)}/${workflow}@refs/heads/${branch}`,
        };
        return [
          { ...common, sub: `repo:${repository}:ref:refs/heads/${branch}` },
          { ...common, sub: `repo:${repository}:pull_request` },
          ...environments.map((environment) => ({ ...common, environment, sub: `repo:${repository}:environment:${environment}` })),
        ];
      }),
    ),
  );
}

/** Whether every condition of the rule on a probed claim holds for the probe. */
export function admits(rule: PolicyRule, probe: Probe): boolean {
  return rule.conditions.every((c) => !PROBED_CLAIMS.has(c.claim) || holds(c, probe));
}

/**
 * Whether a deny rule of the policy refuses the probe for every job the rule admits: each of its
 * conditions holds for the probe, or is on a claim the rule pins to values the deny rule also matches.
 */
export function deniedByPolicy(policy: Policy, rule: PolicyRule, probe: Probe): boolean {
  return policy.rules.some((deny) => deny.effect === 'deny' && deny.conditions.every((c) => holdsWherever(c, rule, probe, policy)));
}

function holdsWherever(deny: Condition, rule: PolicyRule, probe: Probe, policy: Policy): boolean {
  if (PROBED_CLAIMS.has(deny.claim)) return holds(deny, probe);
  const own = rule.conditions.find((c) => c.claim === deny.claim);
  const values = own ? exactValues(own.matcher) : deny.claim === 'iss' ? policy.issuers : undefined;
  return values !== undefined && values.every((value) => matches(deny.matcher, value));
}

/** A claim absent from the probe never matches, as in a token. */
function holds(c: Condition, probe: Probe): boolean {
  const value = probe[c.claim];
  return value !== undefined && matches(c.matcher, value);
}

const OWNER_OF_SUB = /^repo:([^:/@]+)(?:@[^:/]*)?\//;

function namedBy(rule: PolicyRule): Named {
  const repositories = new Set<string>();
  const owners = new Set<string>();
  const names = new Set<string>();
  const branches = new Set(['main', 'master']);
  const environments = new Set(['production']);
  const workflows = new Set<string>();
  for (const { claim, matcher } of rule.conditions) {
    const values = exactValues(matcher) ?? [];
    const { prefix } = literalPrefix(matcher);
    if (claim === 'sub') {
      for (const text of [...values, prefix]) {
        const repository = /^repo:([^:]+):/.exec(text)?.[1];
        if (repository) repositories.add(repository);
        const owner = OWNER_OF_SUB.exec(text)?.[1];
        if (owner) owners.add(owner);
        const branch = /:ref:refs\/heads\/(.+)$/.exec(text)?.[1];
        if (branch && values.includes(text)) branches.add(branch);
        const environment = /:environment:(.+)$/.exec(text)?.[1];
        if (environment && values.includes(text)) environments.add(environment);
      }
    } else if (claim === 'repository') {
      for (const value of values) {
        repositories.add(value);
        names.add(value.split('/')[1] ?? '');
      }
      const owner = /^([^/]+)\//.exec(prefix)?.[1];
      if (owner) owners.add(owner);
    } else if (claim === 'repository_owner') {
      for (const value of values) owners.add(value);
    } else if (claim === 'ref') {
      for (const value of values) if (value.startsWith('refs/heads/')) branches.add(value.slice('refs/heads/'.length));
    } else if (claim === 'environment') {
      for (const value of values) environments.add(value);
    } else if (claim === 'workflow_ref' || claim === 'job_workflow_ref') {
      for (const value of values) {
        const [, repository, workflow] = /^([^/]+\/[^/]+)\/([^@]+)@/.exec(value) ?? [];
        if (repository) repositories.add(repository);
        if (workflow && claim === 'workflow_ref') workflows.add(workflow);
      }
    }
  }
  for (const owner of owners) for (const name of [...names, 'r']) if (name) repositories.add(`${owner}/${name}`);
  if (repositories.size === 0) repositories.add('o/r');
  if (workflows.size === 0) workflows.add('.github/workflows/deploy.yml');
  return { repositories: [...repositories], branches: [...branches], environments: [...environments], workflows: [...workflows] };
}

/** OWNER/REPO without the ids of an immutable sub (OWNER@ID/REPO@ID). */
function plain(repository: string): string {
  return repository.replace(/@[^/]*/g, '');
}
