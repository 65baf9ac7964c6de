import { isMap } from 'yaml';
import type { Node } from 'yaml';
import { child, entries, items, text } from '../yaml-file.ts';

export interface GrantTargets {
  awsRole?: { value: string; todo: boolean } | undefined;
  gcp?: { provider: string; serviceAccount: string; todo: boolean } | undefined;
}

export interface DraftInputs {
  ruleName: string;
  repositoryId: string | undefined;
  ownerId: string | undefined;
  workflow: Node | null;
  job: Node | null | undefined;
  grant: GrantTargets;
  /** Where the draft comes from, for its header. */
  origin: string;
}

// Events whose runs a pull request controls: the deny rule every draft starts with, so that its lint is clean.
const UNTRUSTED_EVENTS = ['pull_request', 'pull_request_target', 'workflow_run'];
const AWS_AUDIENCE = 'sts.amazonaws.com';
export const TODO_ROLE = (rule: string): string => `arn:aws:iam::000000000000:role/TODO-${rule}`.slice(0, 100);
export const TODO_PROVIDER = 'projects/0/locations/global/workloadIdentityPools/todo-pool/providers/todo-provider';
export const TODO_SERVICE_ACCOUNT = 'todo-service-account@todo-project.iam.gserviceaccount.com';

const q = (value: string): string => JSON.stringify(value);
const todo = (is: boolean, what: string): string => (is ? `   # TODO: ${what}` : '');

/**
 * A policy of one allow rule for a job that now holds static keys, bound to the repository's numeric
 * ids, to the refs its triggers run on and its environment, granting what the keys reached. Every
 * value the scan could not know is a placeholder that validates, marked TODO.
 */
export function draftPolicy(inputs: DraftInputs): string {
  const { grant } = inputs;
  const audiences = [...(grant.awsRole ? [AWS_AUDIENCE] : []), ...(grant.gcp ? [`//iam.googleapis.com/${grant.gcp.provider}`] : [])];
  const ref = refCondition(inputs.workflow);
  const environment = environmentOf(inputs.job);
  const lines = [
    `# A draft written by \`ci-oidc-broker scan --plan\` for ${inputs.origin}.`,
    '# Resolve every TODO, run `ci-oidc-broker policy lint`, then merge the rules into the policy.',
    'version: 1',
    `audiences: [${audiences.map(q).join(', ')}]`,
    'rules:',
    '  - name: no-untrusted-triggers',
    '    effect: deny',
    '    match:',
    `      event_name: [${UNTRUSTED_EVENTS.join(', ')}]`,
    `  - name: ${inputs.ruleName}`,
    '    match:',
    `      repository_owner_id: ${q(inputs.ownerId ?? '0')}${todo(inputs.ownerId === undefined, "the owner's numeric id (--owner-id)")}`,
    `      repository_id: ${q(inputs.repositoryId ?? '0')}${todo(inputs.repositoryId === undefined, "the repository's numeric id (--repository-id)")}`,
    `      ref: ${ref.value}${todo(ref.todo, 'the default branch, which scheduled and dispatched runs use')}`,
    ...(environment === undefined ? [] : [`      environment: ${q(environment)}`]),
    '      runner_environment: github-hosted',
    '    grant:',
    ...(grant.awsRole ? ['      aws:', `        roles: [${q(grant.awsRole.value)}]${todo(grant.awsRole.todo, 'the role that replaces the keys (--map SECRET=ROLE_ARN)')}`] : []),
    ...(grant.gcp
      ? [
          '      gcp:',
          `        workload-identity-provider: ${q(grant.gcp.provider)}${todo(grant.gcp.todo, 'the workload identity pool provider')}`,
          `        service-accounts: [${q(grant.gcp.serviceAccount)}]${todo(grant.gcp.todo, 'the service account whose key the job holds (--map SECRET=EMAIL)')}`,
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The refs a workflow's push trigger names: exact branches and tags, or one pattern as a glob. */
function refCondition(workflow: Node | null): { value: string; todo: boolean } {
  const push = child(child(workflow, 'on'), 'push');
  const refs = [...items(child(push, 'branches')).map((item) => `refs/heads/${text(item)}`), ...items(child(push, 'tags')).map((item) => `refs/tags/${text(item)}`)];
  if (refs.length === 0) return { value: q('refs/heads/main'), todo: true };
  if (refs.every((ref) => !/[*?[\]!+]/.test(ref))) return { value: refs.length === 1 ? q(refs[0]!) : `[${refs.map(q).join(', ')}]`, todo: false };
  // GitHub's filter patterns read * and ** as the policy's globs do; several are left to the reviewer.
  return refs.length === 1 ? { value: `{glob: ${q(refs[0]!)}}`, todo: false } : { value: q('refs/heads/main'), todo: true };
}

function environmentOf(job: Node | null | undefined): string | undefined {
  const environment = child(job, 'environment');
  const name = isMap(environment) ? text(entries(environment).find((entry) => entry.key === 'name')?.value) : text(environment);
  return name === undefined || name.includes('${{') ? undefined : name;
}
