import { isMap } from 'yaml';
import type { Node } from 'yaml';
import type { CiSystem } from '../findings.ts';
import { workflowBranches } from '../readers/circleci.ts';
import { child, entries, items, text } from '../yaml-file.ts';

export interface GrantTargets {
  awsRole?: { value: string; todo: boolean } | undefined;
  gcp?: { provider: string; serviceAccount: string; todo: boolean } | undefined;
}

/** Who the job is, as far as the scan knows: each system's ids, the repository's name, its default branch. */
export interface JobIdentity {
  /** GitHub's repository id, GitLab's project id, CircleCI's project id, Buildkite's pipeline id. */
  repositoryId?: string | undefined;
  /** GitHub's owner id, GitLab's namespace id, CircleCI's organization id, Buildkite's organization id. */
  ownerId?: string | undefined;
  /** OWNER/REPO on GitHub, for CircleCI's vcs-origin. */
  repository?: string | undefined;
  defaultBranch?: string | undefined;
}

export interface DraftInputs {
  system: CiSystem;
  ruleName: string;
  identity: JobIdentity;
  /** The file's root (a workflow, a pipeline, a CircleCI config) and the job's mapping in it. */
  root: Node | null;
  job: Node | null | undefined;
  jobName: string;
  grant: GrantTargets;
  /** Where the draft comes from, for its header. */
  origin: string;
}

/** One line of a rule's match: the claim, its value as YAML, and what to resolve when it is a placeholder. */
interface MatchLine {
  claim: string;
  value: string;
  todo?: string | undefined;
  /** A reminder that is no placeholder: the value holds for most, not all. */
  comment?: string | undefined;
}

interface DraftShape {
  issuer?: MatchLine | undefined;
  /** The audience of the job's token, when it is not the cloud's (CircleCI's is the organization id). */
  audience?: { value: string; todo: string | undefined } | undefined;
  denies: Array<{ name: string; match: MatchLine[] }>;
  match: MatchLine[];
}

// Events whose runs a pull request controls: the deny rule every draft starts with, so that its lint is clean.
const UNTRUSTED_EVENTS = ['pull_request', 'pull_request_target', 'workflow_run'];
// GitLab pipelines for merge requests, from forks among them, and for GitHub pull requests on mirrored projects.
const MERGE_REQUEST_SOURCES = ['merge_request_event', 'external_pull_request_event'];
export const AWS_AUDIENCE = 'sts.amazonaws.com';
export const GITLAB_ISSUER = 'https://gitlab.com';
export const BUILDKITE_ISSUER = 'https://agent.buildkite.com';
export const TODO_ROLE = (rule: string): string => `arn:aws:iam::000000000000:role/TODO-${rule}`.slice(0, 100);
export const TODO_PROVIDER = 'projects/0/locations/global/workloadIdentityPools/todo-pool/providers/todo-provider';
export const TODO_SERVICE_ACCOUNT = 'todo-service-account@todo-project.iam.gserviceaccount.com';
export const TODO_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// GitHub's and GitLab's ids are numbers; CircleCI's and Buildkite's are UUIDs.
const NUMERIC_IDS: ReadonlySet<CiSystem> = new Set(['github-actions', 'gitlab']);

const q = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[]): string => (values.length === 1 ? q(values[0]!) : `[${values.map(q).join(', ')}]`);
const todo = (what: string | undefined): string => (what === undefined ? '' : `   # TODO: ${what}`);
const remark = (line: MatchLine): string => (line.todo !== undefined ? todo(line.todo) : line.comment !== undefined ? `   # ${line.comment}` : '');

/** The id when it has the form the system's claim has (numeric on GitHub and GitLab, a UUID elsewhere). */
export function idFor(system: CiSystem, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  return (NUMERIC_IDS.has(system) ? /^\d+$/ : UUID).test(id) ? id : undefined;
}

/** CircleCI's issuer is the organization's own. */
export function circleCiIssuer(identity: JobIdentity): string {
  return `https://oidc.circleci.com/org/${idFor('circleci', identity.ownerId) ?? TODO_UUID}`;
}

/**
 * A policy of one allow rule for a job that now holds static keys, bound to its system's immutable ids,
 * to the refs its triggers or rules run on and its environment, granting what the keys reached, after
 * the deny rules its system needs. Every value the scan could not know is a placeholder that
 * validates, marked TODO.
 */
export function draftPolicy(inputs: DraftInputs): string {
  const { grant } = inputs;
  const shape = SHAPES[inputs.system](inputs);
  const audiences = shape.audience !== undefined ? [shape.audience.value] : [...(grant.awsRole ? [AWS_AUDIENCE] : []), ...(grant.gcp ? [`//iam.googleapis.com/${grant.gcp.provider}`] : [])];
  const matchLines = (match: readonly MatchLine[]): string[] => match.map((line) => `      ${line.claim.includes('/') ? q(line.claim) : line.claim}: ${line.value}${remark(line)}`);
  const lines = [
    `# A draft written by \`ci-oidc-broker scan --plan\` for ${inputs.origin}.`,
    '# Resolve every TODO, run `ci-oidc-broker policy lint`, then merge the rules into the policy.',
    'version: 1',
    ...(shape.issuer ? [`issuers: [${shape.issuer.value}]${remark(shape.issuer)}`] : []),
    `audiences: [${audiences.map(q).join(', ')}]${todo(shape.audience?.todo)}`,
    'rules:',
    ...shape.denies.flatMap((deny) => [`  - name: ${deny.name}`, '    effect: deny', '    match:', ...matchLines(deny.match)]),
    `  - name: ${inputs.ruleName}`,
    '    match:',
    ...matchLines(shape.match),
    '    grant:',
    ...(grant.awsRole ? ['      aws:', `        roles: [${q(grant.awsRole.value)}]${todo(grant.awsRole.todo ? 'the role that replaces the keys (--map SECRET=ROLE_ARN)' : undefined)}`] : []),
    ...(grant.gcp
      ? [
          '      gcp:',
          `        workload-identity-provider: ${q(grant.gcp.provider)}${todo(grant.gcp.todo ? 'the workload identity pool provider' : undefined)}`,
          `        service-accounts: [${q(grant.gcp.serviceAccount)}]${todo(grant.gcp.todo ? 'the service account whose key the job holds (--map SECRET=EMAIL)' : undefined)}`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** An id's match line: the id given, or a placeholder of the same form, marked TODO. */
function idLine(system: CiSystem, claim: string, id: string | undefined, what: string): MatchLine {
  const given = idFor(system, id);
  return { claim, value: q(given ?? (NUMERIC_IDS.has(system) ? '0' : TODO_UUID)), todo: given === undefined ? what : undefined };
}

const SHAPES: Record<CiSystem, (inputs: DraftInputs) => DraftShape> = {
  'github-actions': ({ identity, root, job }) => {
    const ref = githubRef(root, identity.defaultBranch);
    const environment = environmentOf(job);
    return {
      denies: [{ name: 'no-untrusted-triggers', match: [{ claim: 'event_name', value: `[${UNTRUSTED_EVENTS.join(', ')}]` }] }],
      match: [
        idLine('github-actions', 'repository_owner_id', identity.ownerId, "the owner's numeric id (--owner-id)"),
        idLine('github-actions', 'repository_id', identity.repositoryId, "the repository's numeric id (--repository-id)"),
        { claim: 'ref', value: ref.value, todo: ref.todo ? 'the default branch, which scheduled and dispatched runs use' : undefined },
        ...(environment === undefined ? [] : [{ claim: 'environment', value: q(environment) }]),
        { claim: 'runner_environment', value: 'github-hosted' },
      ],
    };
  },
  gitlab: ({ identity, job }) => {
    const refs = gitlabRefs(job);
    const environment = environmentOf(job);
    return {
      issuer: { claim: 'issuers', value: q(GITLAB_ISSUER), comment: "a self-managed instance's own URL instead (and --issuer for the exchange)" },
      denies: [{ name: 'no-merge-request-pipelines', match: [{ claim: 'pipeline_source', value: `[${MERGE_REQUEST_SOURCES.join(', ')}]` }] }],
      match: [
        idLine('gitlab', 'namespace_id', identity.ownerId, "the group's numeric id (--owner-id)"),
        idLine('gitlab', 'project_id', identity.repositoryId, "the project's numeric id (--repository-id)"),
        { claim: 'ref_protected', value: q('true') },
        ...(refs.type === undefined ? [] : [{ claim: 'ref_type', value: refs.type }]),
        ...(refs.names.length > 0 ? [{ claim: 'ref', value: list(refs.names), todo: refs.todo ? 'the default branch' : undefined }] : []),
        ...(environment === undefined ? [] : [{ claim: 'environment', value: q(environment) }, { claim: 'environment_protected', value: q('true') }]),
      ],
    };
  },
  circleci: ({ identity, root, jobName }) => {
    const org = idFor('circleci', identity.ownerId);
    const branches = circleCiBranches(root, jobName);
    return {
      issuer: { claim: 'issuers', value: q(circleCiIssuer(identity)), todo: org === undefined ? "the organization's id (--owner-id), in Organization Settings" : undefined },
      audience: { value: org ?? TODO_UUID, todo: org === undefined ? 'the organization id, which CircleCI tokens carry as their audience' : undefined },
      denies: [],
      match: [
        idLine('circleci', 'oidc.circleci.com/project-id', identity.repositoryId, "the project's id (--repository-id), in Project Settings"),
        {
          claim: 'oidc.circleci.com/vcs-origin',
          value: q(`github.com/${identity.repository ?? 'TODO-owner/TODO-repository'}`),
          todo: identity.repository === undefined ? 'the repository the project builds (--repository OWNER/REPO)' : undefined,
        },
        ...(branches.length > 0 ? [{ claim: 'oidc.circleci.com/vcs-ref', value: list(branches.map((branch) => `refs/heads/${branch}`)) }] : []),
      ],
    };
  },
  buildkite: ({ identity, job }) => {
    const branches = buildkiteBranches(job);
    return {
      issuer: { claim: 'issuers', value: q(BUILDKITE_ISSUER), todo: undefined },
      denies: [],
      match: [
        idLine('buildkite', 'organization_id', identity.ownerId, "the organization's UUID (--owner-id)"),
        idLine('buildkite', 'pipeline_id', identity.repositoryId, "the pipeline's UUID (--repository-id)"),
        // A branch counts only for builds of pushes: any other build names the branch it likes.
        ...(branches.length > 0 ? [{ claim: 'build_branch', value: list(branches) }, { claim: 'build_source', value: 'webhook' }] : []),
      ],
    };
  },
};

/** The refs a workflow's push trigger names: exact branches and tags, or one pattern as a glob; else the default branch. */
function githubRef(workflow: Node | null, defaultBranch: string | undefined): { value: string; todo: boolean } {
  const push = child(child(workflow, 'on'), 'push');
  const refs = [...items(child(push, 'branches')).map((item) => `refs/heads/${text(item)}`), ...items(child(push, 'tags')).map((item) => `refs/tags/${text(item)}`)];
  const fallback = { value: q(`refs/heads/${defaultBranch ?? 'main'}`), todo: defaultBranch === undefined };
  if (refs.length === 0) return fallback;
  if (refs.every((ref) => !/[*?[\]!+]/.test(ref))) return { value: list(refs), todo: false };
  // GitHub's filter patterns read * and ** as the policy's globs do; several are left to the reviewer.
  return refs.length === 1 ? { value: `{glob: ${q(refs[0]!)}}`, todo: false } : fallback;
}

function environmentOf(job: Node | null | undefined): string | undefined {
  const environment = child(job, 'environment');
  const name = isMap(environment) ? text(entries(environment).find((entry) => entry.key === 'name')?.value) : text(environment);
  return name === undefined || /\$/.test(name) ? undefined : name;
}

/**
 * The refs a GitLab job's `rules:` or `only:` limit it to, when every way in names them: branches
 * compared with $CI_COMMIT_BRANCH (or $CI_COMMIT_REF_NAME), the default branch, or tags.
 */
function gitlabRefs(job: Node | null | undefined): { type: 'branch' | 'tag' | undefined; names: string[]; todo: boolean } {
  const unknown = { type: undefined, names: [], todo: false };
  const rules = items(child(job, 'rules')).filter((rule) => text(child(rule, 'when')) !== 'never');
  const only = child(job, 'only');
  const onlyRefs = items(only).length > 0 ? items(only) : items(child(only, 'refs'));
  const conditions = rules.length > 0 ? rules.map((rule) => text(child(rule, 'if')) ?? '') : onlyRefs.map((ref) => `only:${text(ref) ?? ''}`);
  if (conditions.length === 0) return unknown;
  const names: string[] = [];
  let tags = 0;
  let todo = false;
  for (const condition of conditions) {
    const branch = /^\$CI_COMMIT_(?:BRANCH|REF_NAME)\s*==\s*(?:"([^"$]+)"|'([^'$]+)'|(\$CI_DEFAULT_BRANCH))$/.exec(condition.trim());
    const onlyName = /^only:([A-Za-z0-9._/-]+)$/.exec(condition);
    if (branch?.[3] !== undefined) {
      names.push('main');
      todo = true;
    } else if (branch) names.push(branch[1] ?? branch[2]!);
    else if (/^\$CI_COMMIT_TAG$/.test(condition.trim()) || condition === 'only:tags') tags++;
    else if (onlyName && !['branches', 'merge_requests', 'pushes', 'schedules', 'web', 'api', 'triggers', 'pipelines', 'external', 'chat', 'external_pull_requests'].includes(onlyName[1]!)) names.push(onlyName[1]!);
    else return unknown;
  }
  if (tags > 0) return names.length === 0 ? { type: 'tag', names: [], todo: false } : unknown;
  return { type: 'branch', names: [...new Set(names)], todo };
}

/** The branches every use of a CircleCI job in its workflows is filtered to, when each names them outright. */
function circleCiBranches(root: Node | null, jobName: string): string[] {
  const uses = workflowBranches(root, jobName);
  return uses.length > 0 && uses.every((names) => names !== undefined) ? [...new Set(uses.flat() as string[])] : [];
}

/** A Buildkite step's `branches:` when it names branches outright (no pattern, no negation). */
function buildkiteBranches(step: Node | null | undefined): string[] {
  const branches = child(step, 'branches');
  const names = (items(branches).length > 0 ? items(branches).map((item) => text(item) ?? '') : (text(branches) ?? '').split(/\s+/)).filter((name) => name !== '');
  return names.every((name) => /^[A-Za-z0-9._/-]+$/.test(name)) ? names : [];
}
