import { mkdir, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { isBrokerError } from '../../errors/broker-error.ts';
import { exportAwsTrustPolicy } from '../../policy/export/aws-trust-policy.ts';
import { exportGcpAttributeCondition } from '../../policy/export/gcp-attribute-condition.ts';
import { lintAwsTrustPolicy } from '../../policy/lint/aws-trust-policy-lint.ts';
import { formatFinding, type Finding } from '../../policy/lint/finding.ts';
import { lintPolicy } from '../../policy/lint/policy-lint.ts';
import { parsePolicy } from '../../policy/load.ts';
import type { CiSystem } from '../findings.ts';
import type { RepositoryScan, ScannedJob } from '../scan-result.ts';
import { YamlFile } from '../yaml-file.ts';
import { safeRuleName } from '../trust-import/policy-yaml.ts';
import { draftPolicy, TODO_PROVIDER, TODO_ROLE, TODO_SERVICE_ACCOUNT, type GrantTargets, type JobIdentity } from './draft-policy.ts';
import { patchPipeline, POLICY_PATHS, type PipelineSystem } from './pipeline-patch.ts';
import { patchWorkflow, type JobToPatch } from './workflow-patch.ts';

export interface PlanOptions {
  /** The repository's (GitHub), project's (GitLab, CircleCI) or pipeline's (Buildkite) id, where its form fits. */
  repositoryId?: string | undefined;
  /** The owner's (GitHub), group's (GitLab) or organization's (CircleCI, Buildkite) id, where its form fits. */
  ownerId?: string | undefined;
  /** OWNER/REPO on GitHub, for CircleCI's vcs-origin when the scan did not read it through the API. */
  repository?: string | undefined;
  /** SECRET_NAME → the role ARN or service-account email that replaces what the secret holds. */
  map: ReadonlyMap<string, string>;
}

export interface CloudExport {
  kind: 'aws-trust-policy' | 'gcp-attribute-condition';
  /** The trust policy (JSON) or the CEL condition, when the export succeeds. */
  text?: string | undefined;
  /** Why the export refused the rule, when it does. */
  refused?: string | undefined;
  lint: Finding[];
  /** Where the cloud-side trust differs from the policy: what only the broker checks. */
  notes: string[];
}

export interface JobPlan {
  repository: string;
  system: CiSystem;
  workflow: string;
  job: string;
  rule: string;
  secrets: string[];
  policy: string;
  /** Problems `policy validate` reports; empty for every draft the plan writes. */
  problems: string[];
  lint: Finding[];
  exports: CloudExport[];
  todos: number;
}

export interface WorkflowPlan {
  repository: string;
  system: CiSystem;
  /** The CI file's path in its repository. */
  workflow: string;
  original: string;
  patched: string;
  diff: string;
  manual: string[];
}

export interface MigrationPlan {
  jobs: JobPlan[];
  workflows: WorkflowPlan[];
  /** Jobs with static keys that get no plan, and why. */
  unplanned: Array<{ repository: string; file: string; job: string; reason: string }>;
  migrated: number;
  /** Secrets that no job needs once the patches are applied. */
  deletableSecrets: string[];
}

/**
 * For every job with static AWS or Google keys, in each CI system: a draft rule bound to that system's
 * ids, its cloud-side trust, and a patch to the file that moves the job to its OIDC token.
 */
export async function planMigration(scans: readonly RepositoryScan[], options: PlanOptions): Promise<MigrationPlan> {
  const plan: MigrationPlan = { jobs: [], workflows: [], unplanned: [], migrated: 0, deletableSecrets: [] };
  const stillNeeded = new Set<string>();
  const planned = new Set<string>();
  for (const scan of scans) {
    plan.migrated += scan.jobs.filter((job) => job.migrated && job.clouds.size === 0).length;
    const byFile = new Map<string, ScannedJob[]>();
    for (const job of scan.jobs.filter((candidate) => candidate.clouds.size > 0)) {
      const reason = unplannable(job);
      if (reason) {
        plan.unplanned.push({ repository: scan.repository, file: job.display, job: job.name, reason: reason.text });
        // A template's keys reach the plan through the jobs that extend it.
        if (!reason.template) for (const secret of job.secrets.keys()) stillNeeded.add(secret);
        continue;
      }
      byFile.set(job.path, [...(byFile.get(job.path) ?? []), job]);
    }
    const rules = new Set<string>();
    for (const [path, jobs] of byFile) {
      const file = new YamlFile(jobs[0]!.display, path, (await scan.source.read(path))!);
      const system = jobs[0]!.system;
      const toPatch: JobToPatch[] = [];
      for (const job of jobs) {
        const identity = identityOf(scan, job.system, options);
        const grant = grantFor(job, options.map, uniqueName(rules, ruleName(path, job.name)));
        toPatch.push({ name: job.name, clouds: job.clouds, grant });
        // The patch leaves Azure's secrets in place: the job still logs in with them.
        for (const [secret, cloud] of job.secrets) (cloud === 'azure' ? stillNeeded : planned).add(secret);
        plan.jobs.push(planJob(scan.repository, file, job, grant, identity));
      }
      const patch = system === 'github-actions' ? patchWorkflow(file, toPatch) : patchPipeline(system, file, toPatch, identityOf(scan, system, options));
      plan.workflows.push({ repository: scan.repository, system, workflow: path, original: file.text, patched: patch.patched, diff: patch.diff, manual: patch.manual });
    }
  }
  plan.deletableSecrets = [...planned].filter((secret) => !stillNeeded.has(secret)).sort();
  return plan;
}

/** The ids a job's rule binds: GitHub's from its API when the scan read them there, else those given that fit the system. */
function identityOf(scan: RepositoryScan, system: CiSystem, options: PlanOptions): JobIdentity {
  const github = system === 'github-actions' ? scan.github : undefined;
  return {
    repositoryId: github?.repositoryId ?? options.repositoryId,
    ownerId: github?.ownerId ?? options.ownerId,
    repository: scan.github?.fullName ?? options.repository,
    defaultBranch: github?.defaultBranch,
  };
}

function unplannable(job: ScannedJob): { text: string; template?: boolean } | undefined {
  if (job.system === 'github-actions' && !job.path.startsWith('.github/workflows/')) return { text: 'a composite action: migrate the workflows that use it, and pass the credentials in' };
  if (job.system === 'gitlab' && job.name.startsWith('.')) return { text: 'a template (hidden job): the jobs that extend it are planned, and their patch edits it', template: true };
  if (job.system === 'circleci' && job.name.startsWith('commands/')) return { text: 'a reusable command: migrate the jobs that use it, and drop its key parameters' };
  if (!job.clouds.has('aws') && !job.clouds.has('gcp')) return { text: 'Azure only, which ci-oidc-broker does not issue: log in with a federated credential (azure/login, or az login --federated-token)' };
  return undefined;
}

function ruleName(workflow: string, job: string): string {
  return safeRuleName(`${basename(workflow, extname(workflow))}-${job}`);
}

/** A rule name not yet used in the repository's plan, whose folders are named after its rules. */
function uniqueName(used: Set<string>, name: string): string {
  const free = [name, ...Array.from({ length: used.size }, (_unused, index) => `${name.slice(0, 60)}-${index + 2}`)].find((candidate) => !used.has(candidate))!;
  used.add(free);
  return free;
}

function grantFor(job: ScannedJob, map: ReadonlyMap<string, string>, rule: string): GrantTargets & { rule: string } {
  const mapped = [...job.secrets.keys()].map((secret) => map.get(secret)).filter((value) => value !== undefined);
  const role = mapped.find((value) => value.startsWith('arn:aws'));
  const account = mapped.find((value) => value.endsWith('.iam.gserviceaccount.com'));
  return {
    rule,
    awsRole: job.clouds.has('aws') ? { value: role ?? TODO_ROLE(rule), todo: role === undefined } : undefined,
    gcp: job.clouds.has('gcp') ? { provider: TODO_PROVIDER, serviceAccount: account ?? TODO_SERVICE_ACCOUNT, todo: true } : undefined,
  };
}

function planJob(repository: string, file: YamlFile, job: ScannedJob, grant: GrantTargets & { rule: string }, identity: JobIdentity): JobPlan {
  const policy = draftPolicy({ system: job.system, ruleName: grant.rule, identity, root: file.root, job: job.node, jobName: job.name, grant, origin: `${job.system === 'buildkite' ? 'step' : 'job'} ${job.name} of ${file.path}` });
  const source = `${grant.rule}/policy.yml`;
  const result: JobPlan = { repository, system: job.system, workflow: file.path, job: job.name, rule: grant.rule, secrets: [...job.secrets.keys()].sort(), policy, problems: [], lint: [], exports: [], todos: policy.split('TODO:').length - 1 };
  let parsed;
  try {
    parsed = parsePolicy(policy, source);
  } catch (error) {
    if (!isBrokerError(error)) throw error;
    result.problems = (error.problems ?? []).map((problem) => problem.message);
    return result;
  }
  result.lint = lintPolicy(parsed);
  const attempt = (kind: CloudExport['kind'], run: () => Omit<CloudExport, 'kind'>): void => {
    try {
      result.exports.push({ kind, ...run() });
    } catch (error) {
      if (!isBrokerError(error)) throw error;
      result.exports.push({ kind, refused: error.message, lint: [], notes: [] });
    }
  };
  if (grant.awsRole) {
    attempt('aws-trust-policy', () => {
      // IAM cannot check every claim a lint-clean rule binds (event_name, runner_environment): the trust
      // pins the ids, and the broker's policy the rest; each widening is said.
      const exported = exportAwsTrustPolicy(parsed, { rule: grant.rule, allowBroader: true });
      const text = `${JSON.stringify(exported.document, null, 2)}\n`;
      const lint = lintAwsTrustPolicy(text, `${grant.rule}/trust-policy.json`);
      const notes = [...exported.notes, ...exported.widenings.map((widening) => widening.message)];
      // A widening that lets the trust admit what its lint calls an error is no trust to hand anyone.
      const errors = lint.filter((found) => found.severity === 'error');
      if (errors.length > 0) return { refused: `the trust policy AWS can state for this rule fails its lint (${errors.map((found) => found.id).join(', ')}): ${notes.join(' ')}`, lint, notes };
      return { text, lint, notes };
    });
  }
  if (grant.gcp) {
    attempt('gcp-attribute-condition', () => {
      const exported = exportGcpAttributeCondition(parsed, { rule: grant.rule });
      return { text: `${exported.condition}\n`, lint: [], notes: exported.notes };
    });
  }
  return result;
}

/** The plan's files: per job its draft policy and exports, per workflow its patch, and a summary. */
export async function writePlan(plan: MigrationPlan, dir: string): Promise<string[]> {
  const written: string[] = [];
  const put = async (path: string, text: string): Promise<void> => {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text);
    written.push(path);
  };
  const folder = (repository: string): string => join(dir, basename(resolve(repository)));
  for (const job of plan.jobs) {
    const base = join(folder(job.repository), job.rule);
    await put(join(base, 'policy.yml'), job.policy);
    for (const found of job.exports) {
      if (found.text !== undefined) await put(join(base, found.kind === 'aws-trust-policy' ? 'trust-policy.json' : 'attribute-condition.cel'), found.text);
    }
  }
  for (const workflow of plan.workflows) await put(join(folder(workflow.repository), 'patches', patchName(workflow)), workflow.diff);
  await put(join(dir, 'SUMMARY.md'), planSummary(plan));
  return written;
}

/** A workflow's patch by its file name, as GitHub's folder holds them; other CI files by their whole path. */
export function patchName(workflow: Pick<WorkflowPlan, 'system' | 'workflow'>): string {
  return `${workflow.system === 'github-actions' ? basename(workflow.workflow) : workflow.workflow.split('/').join('-')}.patch`;
}

const TITLES: Record<CiSystem, string> = { 'github-actions': 'GitHub Actions', gitlab: 'GitLab CI', circleci: 'CircleCI', buildkite: 'Buildkite' };

export function planSummary(plan: MigrationPlan): string {
  const systems = (Object.keys(TITLES) as CiSystem[]).filter((system) => plan.jobs.some((job) => job.system === system));
  const bySystem = systems.length > 1 ? ` (${systems.map((system) => `${TITLES[system]} ${plan.jobs.filter((job) => job.system === system).length}`).join(', ')})` : '';
  const policies = systems.filter((system) => system !== 'github-actions').map((system) => `${TITLES[system]} jobs read ${POLICY_PATHS[system as PipelineSystem]}`);
  const lines = [
    '# Migration plan',
    '',
    `${plan.migrated} jobs already on OIDC; ${plan.jobs.length} jobs with static keys have a plan${bySystem}; ${plan.unplanned.length} have none.`,
    ...(policies.length > 0 ? ['', `Merge each draft into the policy its job's exchange reads: ${policies.join('; ')}.`] : []),
    '',
    '## Planned jobs',
    ...plan.jobs.map((job) => {
      const exports = job.exports.map((found) => (found.refused === undefined ? `${found.kind}${found.lint.length > 0 ? ` (${found.lint.length} lint findings)` : ''}` : `${found.kind} refused: ${found.refused.split('\n')[0]}`));
      return `- ${job.workflow} ${job.job}: rule ${job.rule}, ${job.todos} TODO${job.todos === 1 ? '' : 's'}; ${exports.join('; ')}${job.lint.length > 0 ? `\n${job.lint.map((found) => `  - ${formatFinding(found).replace(/\n/g, '\n    ')}`).join('\n')}` : ''}`;
    }),
    ...(plan.unplanned.length > 0 ? ['', '## Without a plan', ...plan.unplanned.map((job) => `- ${job.file} ${job.job}: ${job.reason}`)] : []),
    ...(plan.workflows.some((workflow) => workflow.manual.length > 0) ? ['', '## Left to you', ...plan.workflows.flatMap((workflow) => workflow.manual.map((note) => `- ${note}`))] : []),
    '',
    '## Secrets to delete once the patches are applied',
    ...(plan.deletableSecrets.length > 0 ? plan.deletableSecrets.map((secret) => `- ${secret}`) : ['- none']),
    '',
  ];
  return lines.join('\n');
}
