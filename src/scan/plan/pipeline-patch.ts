import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { credentialCloud } from '../credentials.ts';
import { mergeRequestRule } from '../readers/gitlab.ts';
import type { CiSystem, Cloud } from '../findings.ts';
import { child, entries, items, keyNode, text, type YamlFile } from '../yaml-file.ts';
import { AWS_AUDIENCE, circleCiIssuer, idFor, TODO_UUID, type GrantTargets, type JobIdentity } from './draft-policy.ts';
import { LineEditor, type FilePatch } from './line-edits.ts';
import { azureLeft, dropKeyFileLogins, dropVariables, literalRegion, plannedClouds, type JobToPatch } from './workflow-patch.ts';

export type PipelineSystem = Exclude<CiSystem, 'github-actions'>;

/** Where each system's jobs find the policy the exchange reads: beside the CI file, by convention. */
export const POLICY_PATHS: Record<PipelineSystem, string> = {
  gitlab: '.gitlab/ci-oidc-broker.yml',
  circleci: '.circleci/ci-oidc-broker.yml',
  buildkite: '.buildkite/ci-oidc-broker.yml',
};

const GITLAB_SCRIPTS = ['before_script', 'script', 'after_script'];
// GitLab's variables for the job's ID tokens: the preset reads the first; a Google exchange beside an AWS one needs its own audience.
const GITLAB_TOKENS: Record<'aws' | 'gcp', string> = { aws: 'GITLAB_OIDC_TOKEN', gcp: 'GITLAB_GCP_OIDC_TOKEN' };

interface Exchange {
  /** The shell command, one line, that exports the credentials of the job's grant. */
  command: string;
  /** What the user must resolve in it, for a YAML comment beside it. */
  todo: string | undefined;
}

/**
 * The exchange commands that replace a job's keys with credentials from its own OIDC token, per cloud
 * where each needs a token of its own audience (GitLab, Buildkite), in one where the token is one (CircleCI).
 */
export function exchangeCommands(system: PipelineSystem, clouds: ReadonlySet<Cloud>, grant: GrantTargets, region: string | undefined, identity: JobIdentity): Exchange[] {
  const base = `ci-oidc-broker exchange --preset ${system}`;
  const policy = `--policy ${POLICY_PATHS[system]}`;
  const aws = clouds.has('aws') && grant.awsRole ? `--aws-role ${grant.awsRole.value} --aws-region ${region ?? 'us-east-1'}` : undefined;
  const gcp = clouds.has('gcp') && grant.gcp ? `--gcp-provider ${grant.gcp.provider} --gcp-service-account ${grant.gcp.serviceAccount}` : undefined;
  const todos = (forAws: boolean, forGcp: boolean): string | undefined => {
    const open = [
      ...(forAws && grant.awsRole?.todo ? ['the role (--map SECRET=ROLE_ARN)'] : []),
      ...(forAws && region === undefined ? ['the region'] : []),
      ...(forGcp && grant.gcp?.todo ? ['the provider and service account'] : []),
      ...(system === 'circleci' && idFor('circleci', identity.ownerId) === undefined ? ['the organization id'] : []),
    ];
    return open.length > 0 ? open.join('; ') : undefined;
  };
  if (system === 'circleci') {
    const org = idFor('circleci', identity.ownerId) ?? TODO_UUID;
    // One token, whose audience is the organization; the credentials reach later steps through $BASH_ENV.
    return [{ command: `${base} --issuer ${circleCiIssuer(identity)} --audience ${org} ${policy} ${[aws, gcp].filter(Boolean).join(' ')} >> "$BASH_ENV"`, todo: todos(aws !== undefined, gcp !== undefined) }];
  }
  const gcpToken = system === 'gitlab' && aws !== undefined ? ` --token-env ${GITLAB_TOKENS.gcp}` : '';
  return [
    ...(aws ? [{ command: `eval "$(${base} ${policy} ${aws})"`, todo: todos(true, false) }] : []),
    ...(gcp ? [{ command: `eval "$(${base}${gcpToken} ${policy} ${gcp})"`, todo: todos(false, true) }] : []),
  ];
}

/** The ID tokens a GitLab job declares for its exchanges, each with the audience its cloud expects. */
function gitlabTokens(clouds: ReadonlySet<Cloud>, grant: GrantTargets): Array<[string, string]> {
  return [
    ...(clouds.has('aws') ? [[GITLAB_TOKENS.aws, AWS_AUDIENCE] as [string, string]] : []),
    ...(clouds.has('gcp') && grant.gcp ? [[clouds.has('aws') ? GITLAB_TOKENS.gcp : GITLAB_TOKENS.aws, `//iam.googleapis.com/${grant.gcp.provider}`] as [string, string]] : []),
  ];
}

/**
 * A GitLab, CircleCI or Buildkite file with its planned jobs moved to `ci-oidc-broker exchange`: the
 * credential variables and the commands that log in with keys taken out, the exchange put before the
 * job's own commands, and what the system needs to hand the job a token (GitLab's `id_tokens:`).
 */
export function patchPipeline(system: PipelineSystem, file: YamlFile, jobs: readonly JobToPatch[], identity: JobIdentity): FilePatch {
  const editor = new LineEditor(file);
  const shared = new Set(jobs.flatMap((job) => [...plannedClouds(job.clouds)]));
  if (system !== 'circleci') dropVariables(editor, file.root, system === 'gitlab' ? 'variables' : 'env', shared);
  for (const job of jobs) {
    const clouds = plannedClouds(job.clouds);
    if (job.clouds.has('azure')) editor.manual.push(azureLeft(job.name));
    if (clouds.size === 0) continue;
    if (system === 'gitlab') patchGitLabJob(editor, file, job, clouds, identity);
    else if (system === 'circleci') patchCircleCiJob(editor, file, job, clouds, identity);
    else patchBuildkiteStep(editor, file, job, clouds, identity);
  }
  return editor.finish();
}

function patchGitLabJob(editor: LineEditor, file: YamlFile, job: JobToPatch, clouds: ReadonlySet<Cloud>, identity: JobIdentity): void {
  const entry = entries(file.root).find((candidate) => candidate.key === job.name);
  if (!entry) return;
  const node = entry.value;
  // The templates it extends in this file hold keys and logins too; those in other files are the user's.
  const templates = extendedTemplates(file, node);
  for (const owner of [node, ...templates]) dropVariables(editor, owner, 'variables', clouds);
  for (const owner of [node, ...templates, file.root, child(file.root, 'default')]) {
    for (const name of GITLAB_SCRIPTS) {
      const script = child(owner, name);
      // The job's own script is where the exchange goes, so it is never left empty.
      if (script) dropKeyFileLogins(editor, script, keyNode(owner, name)!, job.name, file.path, owner !== node || name !== 'script');
    }
  }
  if (mergeRequestRule(node)) editor.manual.push(`job ${job.name}: it runs in merge request pipelines, where the draft's deny rule refuses every exchange (a fork's merge request must get no credentials): deploy from a protected branch instead, or narrow that deny to forks by a rule of your own`);
  const region = literalRegion([child(node, 'variables'), child(file.root, 'variables')]);
  const exchanges = exchangeCommands('gitlab', clouds, job.grant, region, identity);
  if (!prependCommands(editor, node, 'script', exchanges)) {
    editor.manual.push(`job ${job.name}: ${file.path} has no script of its own that the exchange can open; put \`${exchanges.map((exchange) => exchange.command).join('` and `')}\` first in the script it runs`);
  }
  const declared = child(node, 'id_tokens');
  const tokens = gitlabTokens(clouds, job.grant).filter(([name]) => !entries(declared).some((token) => token.key === name));
  const tokenLines = (indent: string): string[] => tokens.flatMap(([name, audience]) => [`${indent}${name}:`, `${indent}  aud: ${JSON.stringify(audience)}`]);
  const first = entries(declared)[0];
  if (first) {
    const line = editor.lineOf(first.keyNode.range![0]);
    editor.insertBefore(line, tokenLines(editor.indentOf(line)));
  } else {
    const indent = editor.indentOf(editor.lineOf(entries(node)[0]!.keyNode.range![0]));
    editor.insertBefore(editor.lineOf(entry.keyNode.range![0]) + 1, [`${indent}id_tokens:`, ...tokenLines(`${indent}  `)]);
  }
}

/** The hidden jobs (templates) a GitLab job extends, transitively, that this file holds. */
function extendedTemplates(file: YamlFile, job: Node | null): Node[] {
  const found: Node[] = [];
  const pending = [job];
  // A template extends others; bounded by the file's own jobs, each taken once.
  while (pending.length > 0 && found.length < entries(file.root).length) {
    const node = child(pending.pop(), 'extends');
    const names = items(node).length > 0 ? items(node).map(text) : [text(node)];
    for (const name of names) {
      const template = entries(file.root).find((entry) => entry.key === name)?.value;
      if (template && !found.includes(template)) {
        found.push(template);
        pending.push(template);
      }
    }
  }
  return found;
}

function patchCircleCiJob(editor: LineEditor, file: YamlFile, job: JobToPatch, clouds: ReadonlySet<Cloud>, identity: JobIdentity): void {
  const entry = entries(child(file.root, 'jobs')).find((candidate) => candidate.key === job.name);
  if (!entry) return;
  const node = entry.value;
  const region = literalRegion([child(node, 'environment')]);
  dropVariables(editor, node, 'environment', clouds);
  // What the steps still need once the keys are gone; an image pulled from ECR needs only its own role.
  const needed = new Set<Cloud>(holdsKeys(child(node, 'environment'), clouds) ? clouds : []);
  let pulls = false;
  for (const image of items(child(node, 'docker'))) {
    const auth = child(image, 'aws_auth');
    const keys = entries(auth).filter((candidate) => /^aws_(?:access_key_id|secret_access_key)$/.test(candidate.key));
    if (keys.length === 0 || !clouds.has('aws') || !job.grant.awsRole) continue;
    // CircleCI pulls the image with the job's OIDC token itself, before any step runs.
    pulls = true;
    editor.manual.push(`job ${job.name}: CircleCI pulls its image with the job's own OIDC token (aws_auth: oidc_role_arn), without the broker: give that role the plan's trust-policy.json`);
    keys.forEach((key, index) => {
      const line = editor.lineOf(key.keyNode.range![0]);
      const role = `${editor.indentOf(line)}oidc_role_arn: ${job.grant.awsRole!.value}${job.grant.awsRole!.todo ? '   # TODO: the role (--map SECRET=ROLE_ARN)' : ''}`;
      editor.replaceLine(line, index === 0 ? [role] : []);
    });
  }
  const steps = items(child(node, 'steps'));
  let after: Node | undefined;
  for (const step of steps) {
    const named = text(step);
    const [use] = named === undefined ? entries(step) : [{ key: named, keyNode: step, value: null }];
    if (!use) continue;
    if (use.key === 'run') {
      if (isMap(use.value)) {
        if (holdsKeys(child(use.value, 'environment'), clouds)) for (const cloud of clouds) needed.add(cloud);
        dropVariables(editor, use.value, 'environment', clouds);
      }
      const script = isScalar(use.value) ? use.value : child(use.value, 'command');
      if (script && dropKeyFileLogins(editor, script, isScalar(use.value) ? use.keyNode : keyNode(use.value, 'command')!, job.name, file.path, false).length > 0) for (const cloud of clouds) needed.add(cloud);
    } else if (/^aws-cli\/setup$|^aws-ecr\//.test(use.key) && clouds.has('aws')) {
      const keys = entries(use.value).filter((parameter) => /^aws_(?:access_key_id|secret_access_key)$/.test(parameter.key));
      if (keys.length === 0) continue;
      needed.add('aws');
      after = step;
      if (keys.length === entries(use.value).length) editor.replaceLine(editor.lineOf(use.keyNode.range![0]), [editor.lines[editor.lineOf(use.keyNode.range![0])]!.replace(/:\s*$/, '')]);
      for (const key of keys) editor.delete(key.keyNode, key.value);
    } else if (use.key === 'gcp-cli/setup' && clouds.has('gcp') && text(child(use.value, 'use_oidc')) !== 'true') {
      // The orb's setup logs in with GCLOUD_SERVICE_KEY; its install only puts gcloud on the PATH.
      needed.add('gcp');
      after = step;
      const line = editor.lineOf(use.keyNode.range![0]);
      editor.replaceLine(line, [editor.lines[line]!.replace('gcp-cli/setup', 'gcp-cli/install').replace(/:\s*$/, '')]);
      for (const parameter of entries(use.value)) editor.delete(parameter.keyNode, parameter.value);
    }
  }
  // Keys that reach the job some other way (a reusable command's parameters, say) are replaced all the same.
  if (needed.size === 0 && !pulls) for (const cloud of clouds) needed.add(cloud);
  if (needed.size === 0 || steps.length === 0) return;
  const [exchange] = exchangeCommands('circleci', needed, job.grant, region, identity);
  const anchor = after ?? steps[0]!;
  const line = after ? editor.lastLineOf(anchor) + 1 : editor.lineOf(anchor.range![0]);
  const dash = /^ *- /.exec(editor.lines[editor.lineOf(anchor.range![0])]!)?.[0] ?? '- ';
  const inner = ' '.repeat(dash.length);
  editor.insertBefore(line, [`${dash}run:${exchange!.todo ? `   # TODO: ${exchange!.todo}` : ''}`, `${inner}  name: Exchange the job's OIDC token for short-lived credentials`, `${inner}  command: |`, `${inner}    ${exchange!.command}`]);
}

function holdsKeys(variables: Node | null | undefined, clouds: ReadonlySet<Cloud>): boolean {
  return entries(variables).some((variable) => {
    const cloud = credentialCloud(variable.key);
    return cloud !== undefined && clouds.has(cloud);
  });
}

function patchBuildkiteStep(editor: LineEditor, file: YamlFile, job: JobToPatch, clouds: ReadonlySet<Cloud>, identity: JobIdentity): void {
  const step = findStep(file.root, job.name);
  if (!step) return;
  dropVariables(editor, step, 'env', clouds);
  const key = keyNode(step, 'commands') ? 'commands' : 'command';
  const script = child(step, key);
  if (script) dropKeyFileLogins(editor, script, keyNode(step, key)!, job.name, file.path, false);
  const region = literalRegion([child(step, 'env'), child(file.root, 'env')]);
  const exchanges = exchangeCommands('buildkite', clouds, job.grant, region, identity);
  if (!prependCommands(editor, step, key, exchanges)) {
    editor.manual.push(`step ${job.name}: ${file.path} runs no command that the exchange can open; add \`${exchanges.map((exchange) => exchange.command).join('` and `')}\` before its commands`);
  }
}

/** A Buildkite step by the name the reader gave it: its key, its label, or `step N` within its group. */
function findStep(root: Node | null, name: string): Node | undefined {
  const top = items(child(root, 'steps')).length > 0 ? child(root, 'steps') : root;
  const walk = (steps: Node | null | undefined): Node | undefined => {
    let found: Node | undefined;
    items(steps).forEach((step, index) => {
      if (found) return;
      if (child(step, 'steps')) found = walk(child(step, 'steps'));
      else if ((text(child(step, 'key')) ?? text(child(step, 'label')) ?? `step ${index + 1}`) === name && (child(step, 'command') || child(step, 'commands') || child(step, 'plugins'))) found = step;
    });
    return found;
  };
  return walk(top);
}

/**
 * Puts the exchanges first among an owner's commands: before the first item of a list, or first in a
 * literal block; a one-line command becomes a list. False when the commands are not there to open.
 */
function prependCommands(editor: LineEditor, owner: Node | null | undefined, key: string, exchanges: readonly Exchange[]): boolean {
  const script = child(owner, key);
  const comment = (exchange: Exchange): string => (exchange.todo ? `   # TODO: ${exchange.todo}` : '');
  if (isSeq(script) && !script.flow && items(script).length > 0) {
    const line = editor.lineOf(items(script)[0]!.range![0]);
    const dash = /^ *- /.exec(editor.lines[line]!)?.[0] ?? `${editor.indentOf(line)}- `;
    editor.insertBefore(line, exchanges.map((exchange) => `${dash}${exchange.command}${comment(exchange)}`));
    return true;
  }
  if (isScalar(script) && script.type === 'BLOCK_LITERAL') {
    const line = editor.lineOf(script.range![0]) + 1;
    const keyLine = editor.lineOf(keyNode(owner, key)!.range![0]);
    editor.replaceLine(keyLine, [`${editor.lines[keyLine]!}${exchanges.some((exchange) => exchange.todo) ? `   # TODO: ${exchanges.flatMap((exchange) => exchange.todo ?? []).join('; ')}` : ''}`]);
    editor.insertBefore(line, exchanges.map((exchange) => `${editor.indentOf(line)}${exchange.command}`));
    return true;
  }
  const keyLine = keyNode(owner, key) ? editor.lineOf(keyNode(owner, key)!.range![0]) : undefined;
  if (isScalar(script) && ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'].includes(String(script.type)) && keyLine === editor.lineOf(script.range![0]) && keyLine === editor.lastLineOf(script)) {
    const source = editor.lines[keyLine]!.slice(editor.lines[keyLine]!.indexOf(':', editor.indentOf(keyLine).length) + 1).trim();
    const prefix = /^ *(?:- )?/.exec(editor.lines[keyLine]!)![0];
    const indent = ' '.repeat(prefix.length);
    editor.replaceLine(keyLine, [`${prefix}${key}:`, ...exchanges.map((exchange) => `${indent}  - ${exchange.command}${comment(exchange)}`), `${indent}  - ${source}`]);
    return true;
  }
  return false;
}
