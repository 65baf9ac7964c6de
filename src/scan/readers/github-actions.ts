import type { Node } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { lintPolicy } from '../../policy/lint/policy-lint.ts';
import { parsePolicy } from '../../policy/load.ts';
import { inherit, referencedSecrets, reportStatic, scanEnvironment, scanScript, type StaticCredentials } from '../credentials.ts';
import { finding, type Cloud } from '../findings.ts';
import type { ScannedJob } from '../scan-result.ts';
import { child, entries, items, keyNode, scriptLines, text, type YamlFile } from '../yaml-file.ts';
import type { ReaderContext } from './reader.ts';

const WORKFLOWS = '.github/workflows';
const DEFAULT_POLICY = '.github/ci-oidc-broker.yml';
// Triggers that run in the base repository's context, with its secrets, for events a fork can cause.
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** GitHub Actions: every workflow, and the local composite actions they use or the repository keeps. */
export async function readGitHubActions(context: ReaderContext): Promise<void> {
  const actions = new Set((await context.repository.folders('.github/actions')).map((name) => `.github/actions/${name}`));
  for (const name of (await context.repository.list(WORKFLOWS)).filter((file) => /\.ya?ml$/.test(file))) {
    const file = await context.open(`${WORKFLOWS}/${name}`);
    if (file) for (const local of await scanWorkflow(context, file)) actions.add(local);
  }
  for (const dir of [...actions].sort()) {
    const file = (await context.open(`${dir}/action.yml`)) ?? (await context.open(`${dir}/action.yaml`));
    if (file && text(child(child(file.root, 'runs'), 'using')) === 'composite') {
      const job = context.sink.job({ system: 'github-actions', path: file.path, display: file.display, name: dir, location: file.at(file.root), node: file.root ?? undefined });
      for (const step of items(child(child(file.root, 'runs'), 'steps'))) await scanStep(context, file, job, step);
    }
  }
}

export function triggersOf(workflow: Node | null): string[] {
  const on = child(workflow, 'on');
  if (isScalar(on)) return [String(on.value)];
  if (isSeq(on)) return items(on).map((item) => text(item) ?? '');
  return entries(on).map((entry) => entry.key);
}

/** Scans one workflow; returns the local actions its steps use. */
async function scanWorkflow(context: ReaderContext, file: YamlFile): Promise<string[]> {
  const { sink } = context;
  const triggers = triggersOf(file.root);
  const privileged = triggers.filter((trigger) => PRIVILEGED_TRIGGERS.includes(trigger));
  const permissions = child(file.root, 'permissions');
  if (text(child(permissions, 'id-token')) === 'write' || text(permissions) === 'write-all') {
    sink.findings.push(finding('id-token-write-workflow-level', 'every job of this workflow may request an OIDC token, not only those that exchange one', file.at(keyNode(file.root, 'permissions')), undefined));
  }
  const shared: StaticCredentials = scanEnvironment(file, sink, undefined, child(file.root, 'env'), 'workflow', 'github-actions');
  const locals: string[] = [];
  for (const { key, keyNode: at, value } of entries(child(file.root, 'jobs'))) {
    const job = sink.job({ system: 'github-actions', path: file.path, display: file.display, name: key, location: file.at(at), node: value ?? undefined });
    inherit(job, shared);
    scanEnvironment(file, sink, job, child(value, 'env'), 'job', 'github-actions');
    for (const step of items(child(value, 'steps'))) {
      const uses = text(child(step, 'uses'));
      if (uses?.startsWith('./')) locals.push(uses.slice(2).replace(/\/+$/, ''));
      await scanStep(context, file, job, step);
    }
    if (privileged.length === 0) continue;
    const used = [...new Set([...referencedSecrets(sourceOf(file, file.root, 'env'), 'github-actions'), ...referencedSecrets(sourceOf(file, value), 'github-actions')])];
    const on = privileged.join(' and ');
    if (used.length > 0) sink.findings.push(finding('secrets-in-privileged-trigger', `job ${key} uses the secrets ${used.join(', ')} on ${on}, which a fork's pull request can start`, file.at(at), key));
    if (job.clouds.size > 0) sink.findings.push(finding('static-keys-reachable-from-forks', `job ${key} holds static ${[...job.clouds].join(' and ')} credentials on ${on}`, file.at(at), key));
  }
  return locals;
}

function sourceOf(file: YamlFile, node: Node | null | undefined, key?: string): string {
  const target = key === undefined ? node : child(node, key);
  return target?.range ? file.text.slice(target.range[0], target.range[2]) : '';
}

/** One step: the cloud login actions, this action, its env and its script. */
async function scanStep(context: ReaderContext, file: YamlFile, job: ScannedJob, step: Node): Promise<void> {
  const { sink } = context;
  scanEnvironment(file, sink, job, child(step, 'env'), 'step', 'github-actions');
  scanScript(file, sink, job, scriptLines(child(step, 'run')), 'github-actions');
  const uses = text(child(step, 'uses'));
  if (uses === undefined || !isMap(step)) return;
  const action = uses.split('@')[0]!.toLowerCase();
  const inputs = child(step, 'with');
  const input = (name: string): string | undefined => text(child(inputs, name));
  const staticInputs = (cloud: Cloud, names: readonly string[]): boolean => {
    const given = names.filter((name) => input(name) !== undefined);
    if (given.length === 0) return false;
    reportStatic(sink, job, cloud, given.flatMap((name) => referencedSecrets(input(name)!, 'github-actions')), `${action} is given ${given.join(' and ')}`, file.at(keyNode(inputs, given[0]!)));
    return true;
  };
  const migrated = (how: string): void => {
    job.migrated = true;
    sink.findings.push(finding('oidc-migrated', `${action} ${how}`, file.at(child(step, 'uses')), job.name));
  };
  if (action === 'aws-actions/configure-aws-credentials') {
    if (!staticInputs('aws', ['aws-access-key-id', 'aws-secret-access-key']) && input('role-to-assume') !== undefined) {
      migrated('assumes its role with the job’s OIDC token');
      await unpoliced(context, file, job, step, `only the trust policy of ${input('role-to-assume')} decides which jobs get it`);
    }
  } else if (action === 'google-github-actions/auth') {
    if (!staticInputs('gcp', ['credentials_json']) && input('workload_identity_provider') !== undefined) {
      migrated('uses workload identity federation');
      await unpoliced(context, file, job, step, 'only the provider’s attribute condition decides which jobs get access');
    }
  } else if (action === 'azure/login') {
    if (!staticInputs('azure', ['creds', 'client-secret']) && input('client-id') !== undefined) migrated('logs in with a federated credential');
  } else if (/(^|\/)ci-oidc-broker$/.test(action)) {
    migrated('exchanges the job’s OIDC token under a policy');
    if ((input('policy-source') ?? 'workspace') === 'workspace') await policed(context, file, job, step, input('policy') ?? DEFAULT_POLICY);
  }
}

/** A federation step outside the broker: noted when the repository has no broker policy either. */
async function unpoliced(context: ReaderContext, file: YamlFile, job: ScannedJob, step: Node, consequence: string): Promise<void> {
  if ((await context.repository.read(DEFAULT_POLICY)) !== undefined) return;
  context.sink.findings.push(finding('oidc-without-policy', `job ${job.name} has no broker policy: ${consequence}`, file.at(child(step, 'uses')), job.name));
}

/** This action's step: its policy must exist, and lint without errors. */
async function policed(context: ReaderContext, file: YamlFile, job: ScannedJob, step: Node, path: string): Promise<void> {
  const at = file.at(child(step, 'uses'));
  const policyText = await context.repository.read(path);
  if (policyText === undefined) {
    context.sink.findings.push(finding('oidc-without-policy', `job ${job.name} names the policy ${path}, which the repository does not hold, so every exchange is refused`, at, job.name));
    return;
  }
  let errors: string[];
  try {
    errors = lintPolicy(parsePolicy(policyText, path)).filter((found) => found.severity !== 'note').map((found) => found.id);
  } catch {
    context.sink.findings.push(finding('oidc-without-policy', `job ${job.name} names the policy ${path}, which does not load (run \`ci-oidc-broker policy validate\`)`, at, job.name));
    return;
  }
  if (errors.length > 0) context.sink.findings.push(finding('oidc-wide-trust', `the policy ${path} that job ${job.name} uses trusts more than it may: policy lint reports ${[...new Set(errors)].join(', ')}`, at, job.name));
}
