import { isLoopbackHost } from './issuer-url.ts';

/**
 * The CI systems whose OIDC tokens the broker knows: how to recognise their issuer, which claims their
 * tokens carry (and which of those are safe to bind a policy to), and where a job finds its token.
 */
export type CiSystem = 'github-actions' | 'gitlab' | 'circleci' | 'buildkite';

export interface CiClaim {
  name: string;
  /** Whether a policy may rely on it alone: stable, not chosen by whoever can push a branch or open a fork. */
  safeToBind: boolean;
  /**
   * What the claim holds when it is not one string. A list of strings: a condition on it holds when any
   * element matches. Anything else: a condition never holds, since claims are compared as strings.
   */
  type?: 'list' | 'number' | 'boolean' | 'object';
  note: string;
}

/** Claims whose names the issuer's customers choose, under a prefix: known only once a policy declares them. */
export interface CustomClaimFamily {
  prefix: string;
  /** What such a claim is, for the message that asks for its declaration. */
  what: string;
}

export interface CiSystemProfile {
  system: CiSystem;
  title: string;
  /** The issuer of every token, or undefined when it depends on the instance or organisation. */
  defaultIssuer: string | undefined;
  /** Whether an issuer URL belongs to this CI system. */
  recognises: (issuer: string) => boolean;
  /** Environment variables that hold the job's token, in order of preference. */
  tokenVariables: readonly string[];
  /**
   * Every claim its tokens are documented to carry, besides the JWT claims every token has. The safe ones
   * come first; the others a policy may match, but not rely on alone.
   */
  claims: readonly CiClaim[];
  customClaims?: CustomClaimFamily;
}

const GITLAB_COM = 'https://gitlab.com';
const BUILDKITE = 'https://agent.buildkite.com';

/** The registered JWT claims, which every CI system's tokens carry (some leave out nbf or jti). */
export const JWT_CLAIMS: readonly CiClaim[] = [
  { name: 'iss', safeToBind: false, note: 'the issuer; name it with the rule’s `issuer:`' },
  { name: 'sub', safeToBind: false, note: 'the subject, built from other claims in a form each CI system chooses' },
  { name: 'aud', safeToBind: false, note: 'the audience; the policy’s `audiences:` checks it' },
  { name: 'jti', safeToBind: false, note: 'a unique id of the token' },
  { name: 'exp', safeToBind: false, type: 'number', note: 'when the token expires, checked by the verifier' },
  { name: 'iat', safeToBind: false, type: 'number', note: 'when the token was issued, checked by the verifier' },
  { name: 'nbf', safeToBind: false, type: 'number', note: 'when the token becomes valid, checked by the verifier' },
];

export const CI_SYSTEMS: Readonly<Record<CiSystem, CiSystemProfile>> = {
  'github-actions': {
    system: 'github-actions',
    title: 'GitHub Actions',
    defaultIssuer: 'https://token.actions.githubusercontent.com',
    // github.com (with an enterprise's own path), GHE.com data residency, and GitHub Enterprise Server.
    recognises: (issuer) =>
      issuer.startsWith('https://token.actions.githubusercontent.com') || /^https:\/\/token\.actions\.[a-z0-9-]+\.ghe\.com(\/|$)/.test(issuer) || /^https:\/\/[^/]+\/_services\/token$/.test(issuer),
    tokenVariables: [],
    claims: [
      { name: 'repository_id', safeToBind: true, note: 'numeric; survives renames and cannot be re-registered' },
      { name: 'repository_owner_id', safeToBind: true, note: 'numeric organisation or user id' },
      { name: 'job_workflow_ref', safeToBind: true, note: 'the reusable workflow that ran, with its ref' },
      { name: 'environment', safeToBind: true, note: 'only with protection rules on the environment' },
      { name: 'ref', safeToBind: true, note: 'with branch protection; a pull request has refs/pull/N/merge' },
      { name: 'repository', safeToBind: false, note: 'a name: bind repository_id with it' },
      { name: 'workflow', safeToBind: false, note: 'the workflow name, which any branch can set' },
      { name: 'repository_owner', safeToBind: false, note: 'a name: bind repository_owner_id with it' },
      { name: 'repository_visibility', safeToBind: false, note: 'public, private or internal' },
      { name: 'enterprise', safeToBind: false, note: 'the enterprise’s slug, on enterprise accounts' },
      { name: 'enterprise_id', safeToBind: false, note: 'the enterprise’s numeric id, on enterprise accounts' },
      { name: 'event_name', safeToBind: false, note: 'the event that started the run: deny pull_request, pull_request_target and workflow_run' },
      { name: 'ref_type', safeToBind: false, note: 'branch or tag' },
      { name: 'ref_protected', safeToBind: false, note: '"true" when a branch protection rule or ruleset covers the ref' },
      { name: 'head_ref', safeToBind: false, note: 'a pull request’s source branch, chosen by its author; empty otherwise' },
      { name: 'base_ref', safeToBind: false, note: 'a pull request’s target branch; empty otherwise' },
      { name: 'sha', safeToBind: false, note: 'the commit the run is for' },
      { name: 'workflow_ref', safeToBind: false, note: 'the calling workflow with its ref, which the repository edits' },
      { name: 'workflow_sha', safeToBind: false, note: 'the commit of the calling workflow' },
      { name: 'job_workflow_sha', safeToBind: false, note: 'the commit of the reusable workflow that ran' },
      { name: 'environment_node_id', safeToBind: false, note: 'the environment’s global node id' },
      { name: 'runner_environment', safeToBind: false, note: 'github-hosted or self-hosted' },
      { name: 'actor', safeToBind: false, note: 'the account that started the run, by name' },
      { name: 'actor_id', safeToBind: false, note: 'the account that started the run, by numeric id' },
      { name: 'run_id', safeToBind: false, note: 'one workflow run' },
      { name: 'run_number', safeToBind: false, note: 'the run’s number in its workflow' },
      { name: 'run_attempt', safeToBind: false, note: 'how many times the run was attempted' },
      { name: 'check_run_id', safeToBind: false, note: 'the check run of the job' },
    ],
    customClaims: { prefix: 'repo_property_', what: 'a custom property of the repository, which the organisation chooses to add to its tokens' },
  },
  gitlab: {
    system: 'gitlab',
    title: 'GitLab CI',
    defaultIssuer: GITLAB_COM,
    // Self-managed instances have their own URL; those are named by the policy's issuers.
    recognises: (issuer) => issuer === GITLAB_COM || /^https:\/\/gitlab\./.test(issuer),
    tokenVariables: ['GITLAB_OIDC_TOKEN', 'ID_TOKEN'],
    claims: [
      { name: 'project_id', safeToBind: true, note: 'numeric; in fork merge-request pipelines it is the fork' },
      { name: 'namespace_id', safeToBind: true, note: 'numeric group or user id' },
      { name: 'ref_protected', safeToBind: true, note: '"true" only on protected branches and tags' },
      { name: 'environment_protected', safeToBind: true, note: '"true" only for protected environments' },
      { name: 'ci_config_ref_uri', safeToBind: true, note: 'the pipeline definition that ran, with its ref' },
      { name: 'ci_config_sha', safeToBind: true, note: 'the commit of that definition' },
      { name: 'ref', safeToBind: false, note: 'bind with ref_protected and ref_type' },
      { name: 'project_path', safeToBind: false, note: 'a name that can be re-registered: bind project_id' },
      { name: 'namespace_path', safeToBind: false, note: 'a name: bind namespace_id' },
      { name: 'pipeline_source', safeToBind: false, note: 'useful to deny merge_request_event' },
      { name: 'ref_type', safeToBind: false, note: 'branch or tag' },
      { name: 'ref_path', safeToBind: false, note: 'the full ref, refs/heads/NAME or refs/tags/NAME' },
      { name: 'job_project_id', safeToBind: false, note: 'the project the job runs in: the parent in a fork’s merge-request pipeline, whose code is the fork’s' },
      { name: 'job_project_path', safeToBind: false, note: 'the path of the project the job runs in' },
      { name: 'job_namespace_id', safeToBind: false, note: 'the group or user of the project the job runs in' },
      { name: 'job_namespace_path', safeToBind: false, note: 'the path of that group or user' },
      { name: 'project_visibility', safeToBind: false, note: 'public, internal or private' },
      { name: 'environment', safeToBind: false, note: 'the environment the job deploys to: bind environment_protected with it' },
      { name: 'deployment_tier', safeToBind: false, note: 'the tier of that environment' },
      { name: 'environment_action', safeToBind: false, note: 'the job’s environment:action' },
      { name: 'user_id', safeToBind: false, note: 'the user who runs the job' },
      { name: 'user_login', safeToBind: false, note: 'that user’s name, which they can change' },
      { name: 'user_email', safeToBind: false, note: 'that user’s email, which they can change' },
      { name: 'user_access_level', safeToBind: false, note: 'that user’s role in the project' },
      { name: 'groups_direct', safeToBind: false, type: 'list', note: 'the groups the user belongs to directly (a list; left out past 200)' },
      { name: 'user_identities', safeToBind: false, type: 'object', note: 'the user’s external identities, as objects' },
      { name: 'pipeline_id', safeToBind: false, note: 'one pipeline' },
      { name: 'job_id', safeToBind: false, note: 'one job' },
      { name: 'job_source', safeToBind: false, note: 'what created the job' },
      { name: 'job_config', safeToBind: false, type: 'object', note: 'where a policy job’s configuration came from, as an object' },
      { name: 'runner_id', safeToBind: false, type: 'number', note: 'the runner, as a number' },
      { name: 'runner_environment', safeToBind: false, note: 'gitlab-hosted or self-hosted' },
      { name: 'sha', safeToBind: false, note: 'the commit the job runs' },
    ],
  },
  circleci: {
    system: 'circleci',
    title: 'CircleCI',
    defaultIssuer: undefined,
    recognises: (issuer) => /^https:\/\/oidc\.circleci\.com\/org\/[0-9a-f-]+$/.test(issuer),
    tokenVariables: ['CIRCLE_OIDC_TOKEN_V2', 'CIRCLE_OIDC_TOKEN'],
    claims: [
      { name: 'oidc.circleci.com/project-id', safeToBind: true, note: 'the project UUID' },
      { name: 'oidc.circleci.com/vcs-origin', safeToBind: true, note: 'the repository URL: bind it, or a fork builds as the project' },
      { name: 'oidc.circleci.com/context-ids', safeToBind: true, type: 'list', note: 'restricted contexts the job may use (an array)' },
      { name: 'oidc.circleci.com/vcs-ref', safeToBind: false, note: 'the branch; any pusher chooses it' },
      { name: 'sub', safeToBind: false, note: 'org/ORG/project/PROJECT/user/USER: names the triggering user' },
      { name: 'oidc.circleci.com/ssh-rerun', safeToBind: false, type: 'boolean', note: 'whether the job is an SSH rerun, as a boolean' },
    ],
  },
  buildkite: {
    system: 'buildkite',
    title: 'Buildkite',
    defaultIssuer: BUILDKITE,
    recognises: (issuer) => issuer === BUILDKITE,
    tokenVariables: ['BUILDKITE_OIDC_TOKEN'],
    claims: [
      { name: 'organization_id', safeToBind: true, note: 'the issuer is shared by every organisation: always bind this or organization_slug' },
      { name: 'pipeline_id', safeToBind: true, note: 'the pipeline UUID' },
      { name: 'organization_slug', safeToBind: false, note: 'a name; bind organization_id with it where you can' },
      { name: 'pipeline_slug', safeToBind: false, note: 'a name' },
      { name: 'build_branch', safeToBind: false, note: 'chosen by whoever triggers the build' },
      { name: 'build_tag', safeToBind: false, note: 'the build’s tag, when it has one' },
      { name: 'build_commit', safeToBind: false, note: 'the commit, also chosen by whoever triggers the build' },
      { name: 'build_source', safeToBind: false, note: 'ui, api, webhook, trigger_job or schedule' },
      { name: 'build_number', safeToBind: false, type: 'number', note: 'the build’s number, as a number' },
      { name: 'step_key', safeToBind: false, note: 'the step’s key, null when it has none' },
      { name: 'job_id', safeToBind: false, note: 'the job UUID' },
      { name: 'agent_id', safeToBind: false, note: 'the agent UUID' },
      { name: 'runner_environment', safeToBind: false, note: 'buildkite-hosted or self-hosted' },
      { name: 'build_id', safeToBind: false, note: 'the build UUID, when requested with --claim' },
      { name: 'cluster_id', safeToBind: false, note: 'the cluster UUID, when requested with --claim' },
      { name: 'cluster_name', safeToBind: false, note: 'the cluster’s name, when requested with --claim' },
      { name: 'queue_id', safeToBind: false, note: 'the queue UUID, when requested with --claim' },
      { name: 'queue_key', safeToBind: false, note: 'the queue’s key, when requested with --claim' },
      { name: 'https://aws.amazon.com/tags', safeToBind: false, type: 'object', note: 'AWS session tags, as an object' },
    ],
    customClaims: { prefix: 'agent_tag:', what: 'an agent tag, which whoever runs the agent chooses' },
  },
};

/** Claims that CI systems write as lists of strings; every other claim is one string. */
export const LIST_CLAIMS: ReadonlySet<string> = new Set(Object.values(CI_SYSTEMS).flatMap((profile) => profile.claims.filter((claim) => claim.type === 'list').map((claim) => claim.name)));

/** The CI system an issuer belongs to, when the broker knows it. */
export function ciSystemOf(issuer: string): CiSystemProfile | undefined {
  return Object.values(CI_SYSTEMS).find((profile) => profile.recognises(issuer));
}

/**
 * The CI systems whose claims an issuer's tokens may carry: its own; every one for an issuer on loopback
 * (the sandbox and local tests, which stand in for any of them); none for an issuer the broker does not know.
 */
export function ciSystemsFor(issuer: string): CiSystemProfile[] {
  const known = ciSystemOf(issuer);
  if (known) return [known];
  return URL.canParse(issuer) && isLoopbackHost(new URL(issuer).hostname) ? Object.values(CI_SYSTEMS) : [];
}

/**
 * A claim that tokens of the CI system carry, or a JWT claim; undefined when the broker does not know
 * it. Without a profile (an issuer the broker does not model) only the JWT claims are known.
 */
export function knownClaim(profile: CiSystemProfile | undefined, name: string): CiClaim | undefined {
  return profile?.claims.find((claim) => claim.name === name) ?? JWT_CLAIMS.find((claim) => claim.name === name);
}

/** Every claim name known for the CI system (or, without one, the JWT claims). */
export function knownClaimNames(profile: CiSystemProfile | undefined): string[] {
  return [...new Set([...(profile?.claims ?? []), ...JWT_CLAIMS].map((claim) => claim.name))];
}
