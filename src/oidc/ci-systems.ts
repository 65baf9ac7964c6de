/**
 * The CI systems whose OIDC tokens the broker knows: how to recognise their issuer, which claims their
 * tokens carry (and which of those are safe to bind a policy to), and where a job finds its token.
 */
export type CiSystem = 'github-actions' | 'gitlab' | 'circleci' | 'buildkite';

export interface CiClaim {
  name: string;
  /** Whether a policy may rely on it alone: stable, not chosen by whoever can push a branch or open a fork. */
  safeToBind: boolean;
  /** A list of strings rather than one string: a condition on it holds when any element matches. */
  list?: true;
  note: string;
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
  claims: readonly CiClaim[];
}

const GITLAB_COM = 'https://gitlab.com';
const BUILDKITE = 'https://agent.buildkite.com';

export const CI_SYSTEMS: Readonly<Record<CiSystem, CiSystemProfile>> = {
  'github-actions': {
    system: 'github-actions',
    title: 'GitHub Actions',
    defaultIssuer: 'https://token.actions.githubusercontent.com',
    recognises: (issuer) => issuer.startsWith('https://token.actions.githubusercontent.com'),
    tokenVariables: [],
    claims: [
      { name: 'repository_id', safeToBind: true, note: 'numeric; survives renames and cannot be re-registered' },
      { name: 'repository_owner_id', safeToBind: true, note: 'numeric organisation or user id' },
      { name: 'job_workflow_ref', safeToBind: true, note: 'the reusable workflow that ran, with its ref' },
      { name: 'environment', safeToBind: true, note: 'only with protection rules on the environment' },
      { name: 'ref', safeToBind: true, note: 'with branch protection; a pull request has refs/pull/N/merge' },
      { name: 'repository', safeToBind: false, note: 'a name: bind repository_id with it' },
      { name: 'workflow', safeToBind: false, note: 'the workflow name, which any branch can set' },
    ],
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
      { name: 'oidc.circleci.com/context-ids', safeToBind: true, list: true, note: 'restricted contexts the job may use (an array)' },
      { name: 'oidc.circleci.com/vcs-ref', safeToBind: false, note: 'the branch; any pusher chooses it' },
      { name: 'sub', safeToBind: false, note: 'org/ORG/project/PROJECT/user/USER: names the triggering user' },
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
    ],
  },
};

/** Claims that CI systems write as lists of strings; every other claim is one string. */
export const LIST_CLAIMS: ReadonlySet<string> = new Set(Object.values(CI_SYSTEMS).flatMap((profile) => profile.claims.filter((claim) => claim.list).map((claim) => claim.name)));

/** The CI system an issuer belongs to, when the broker knows it. */
export function ciSystemOf(issuer: string): CiSystemProfile | undefined {
  return Object.values(CI_SYSTEMS).find((profile) => profile.recognises(issuer));
}
