import { createHash } from 'node:crypto';

export type Severity = 'error' | 'warning' | 'note';
export type CiSystem = 'github-actions' | 'gitlab' | 'circleci' | 'buildkite';
export type Cloud = 'aws' | 'gcp' | 'azure';

export interface Position {
  /** The file as the user named it: the scanned path joined with its path in the repository. */
  file: string;
  line: number;
  column: number;
}

/** What `scan` reports. Messages name secrets and variables, never a value: key material goes by fingerprint. */
export interface ScanFinding {
  rule: RuleId;
  severity: Severity;
  message: string;
  fix: string;
  location: Position;
  /** The job (or composite action) the finding is about, when it is about one. */
  job: string | undefined;
  /** A fingerprint of committed key material, `sha256:` and 16 hex digits. */
  fingerprint?: string | undefined;
}

interface RuleDefinition {
  severity: Severity;
  title: string;
  fix: string;
  /** What the CI files cannot show, so what the rule cannot know: said wherever the rule is described. */
  limits?: string;
}

/**
 * The rule ids are a contract: SARIF consumers (GitHub code scanning among them) track alerts by them,
 * so an id is never renamed or reused.
 */
export const RULES = {
  'static-aws-keys': {
    severity: 'error',
    title: 'Static AWS access keys in a CI job',
    fix: 'Give the job `permissions: id-token: write` and exchange its OIDC token for a short-lived role session (this action, or configure-aws-credentials with role-to-assume); then delete the keys and the secrets that hold them.',
  },
  'static-gcp-key': {
    severity: 'error',
    title: 'A Google service-account key in a CI job',
    fix: 'Trust the CI issuer in a workload identity pool and exchange the job’s OIDC token (this action, or google-github-actions/auth with workload_identity_provider); then delete the key.',
  },
  'static-azure-secret': {
    severity: 'error',
    title: 'An Azure client secret in a CI job',
    fix: 'Add a federated credential for the CI issuer to the app registration and log in with client-id, tenant-id and subscription-id only; then delete the client secret.',
  },
  'committed-aws-access-key-id': {
    severity: 'error',
    title: 'An AWS access key id committed to the repository',
    fix: 'Deactivate and delete the access key in IAM (it stays in the history), remove it from the file, and move the job to OIDC.',
  },
  'committed-gcp-service-account-key': {
    severity: 'error',
    title: 'A Google service-account key committed to the repository',
    fix: 'Delete the key in IAM (it stays in the history), remove it from the repository, and move the job to workload identity federation.',
  },
  'committed-private-key': {
    severity: 'error',
    title: 'A private key committed to the repository',
    fix: 'Revoke or rotate the key wherever it is trusted (it stays in the history), and remove it from the repository.',
  },
  'committed-credential': {
    severity: 'error',
    title: 'A credential written into CI configuration',
    fix: 'Revoke the credential (it stays in the history), and replace it with short-lived credentials from the job’s OIDC token.',
  },
  'oidc-migrated': {
    severity: 'note',
    title: 'A job already on OIDC',
    fix: 'Nothing to migrate; keep its trust narrow.',
  },
  'oidc-without-policy': {
    severity: 'warning',
    title: 'An OIDC job that no broker policy covers',
    fix: 'Only the cloud-side trust decides for this job: write a policy (`ci-oidc-broker policy init` from the existing trust) and lint it, or lint the trust itself (`ci-oidc-broker lint aws-trust-policy`).',
  },
  'oidc-wide-trust': {
    severity: 'warning',
    title: 'An OIDC job whose trust is wider than it looks',
    fix: 'Run `ci-oidc-broker policy lint` on the policy and narrow the rules it flags.',
  },
  'id-token-write-workflow-level': {
    severity: 'warning',
    title: '`id-token: write` granted to every job of a workflow',
    fix: 'Grant `id-token: write` in `permissions:` of the jobs that exchange a token, and nothing at workflow level.',
  },
  'secrets-in-privileged-trigger': {
    severity: 'error',
    title: 'Secrets used under pull_request_target or workflow_run',
    fix: 'Do not hand secrets to jobs that a pull request from a fork can start: move the work to a `pull_request` workflow, or gate it behind an environment with required reviewers.',
  },
  'static-keys-reachable-from-forks': {
    severity: 'error',
    title: 'Static cloud keys reachable from forks',
    fix: 'A fork’s pull request can run this job with the keys: move it to OIDC with a policy that admits only protected refs, and delete the keys.',
    limits:
      'Reported where the files alone show the way in: GitHub Actions jobs on pull_request_target or workflow_run, and GitLab jobs whose rules run them in merge request pipelines. Whether a fork’s merge request pipeline runs in the parent project (a member starts it) and whether the variables are protected (protected ones stay out of it) are project settings that no CI file shows.',
  },
  'static-keys-forks-by-setting': {
    severity: 'warning',
    title: 'Static cloud keys that forks reach if a project setting allows',
    fix: 'Move the job to OIDC and delete the keys; until then, keep the setting that passes secrets to builds of forks off, and limit the job to protected branches in the file.',
    limits:
      'The setting is not in any CI file. CircleCI builds a fork’s pull request on a branch named pull/N, with the project’s secrets only when "Pass secrets to builds from forked pull requests" is on: jobs that every workflow limits to named branches (filters: branches: only) are not reported. Buildkite builds pull requests from forks when the pipeline’s "Build pull requests from third-party forked repositories" is on: steps whose if: refuses build.pull_request.repository.fork are not reported.',
  },
} as const satisfies Record<string, RuleDefinition>;

export type RuleId = keyof typeof RULES;

export function finding(rule: RuleId, message: string, location: Position, job: string | undefined, fingerprint?: string): ScanFinding {
  return { rule, severity: RULES[rule].severity, message, fix: RULES[rule].fix, location, job, ...(fingerprint === undefined ? {} : { fingerprint }) };
}

/** Enough to tell two keys apart and to find one again in a key inventory; nothing to recover it from. */
export function fingerprint(material: string): string {
  return `sha256:${createHash('sha256').update(material).digest('hex').slice(0, 16)}`;
}

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, note: 2 };

export function sortScanFindings(findings: readonly ScanFinding[]): ScanFinding[] {
  return [...findings].sort(
    (a, b) => a.location.file.localeCompare(b.location.file) || a.location.line - b.location.line || a.location.column - b.location.column || a.rule.localeCompare(b.rule),
  );
}
