import { isSeq, type Node } from 'yaml';
import { credentialCloud, STATIC_COMMANDS } from '../credentials.ts';
import type { Cloud } from '../findings.ts';
import { child, entries, items, keyNode, text, type YamlFile } from '../yaml-file.ts';
import type { GrantTargets } from './draft-policy.ts';
import { LineEditor, range, type FilePatch } from './line-edits.ts';

export const THIS_ACTION = 'ci-oidc-broker/ci-oidc-broker@v1';

export interface JobToPatch {
  name: string;
  clouds: ReadonlySet<Cloud>;
  grant: GrantTargets;
}

const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'];

/**
 * The workflow with its planned jobs on this action: the static keys taken out of env, of the cloud
 * login steps and of scripts, this action in their place with the grant of the job's draft rule, and
 * `id-token: write` in the job's permissions.
 */
export function patchWorkflow(file: YamlFile, jobs: readonly JobToPatch[]): FilePatch {
  const editor = new LineEditor(file);
  const inputsFor = (grant: GrantTargets, clouds: readonly Cloud[], awsRegion: string | undefined): string[] => [
    ...(clouds.includes('aws') && grant.awsRole ? [`role-to-assume: ${grant.awsRole.value}${grant.awsRole.todo ? '   # TODO: the role (--map SECRET=ROLE_ARN)' : ''}`, ...(awsRegion ? [`aws-region: ${awsRegion}`] : [])] : []),
    ...(clouds.includes('gcp') && grant.gcp
      ? [`workload_identity_provider: ${grant.gcp.provider}${grant.gcp.todo ? '   # TODO: the provider' : ''}`, `service_account: ${grant.gcp.serviceAccount}`, 'create_credentials_file: true']
      : []),
  ];

  const workflowClouds = new Set(jobs.flatMap((job) => [...plannedClouds(job.clouds)]));
  dropVariables(editor, file.root, 'env', workflowClouds);
  const jobNodes = entries(child(file.root, 'jobs'));
  for (const job of jobs) {
    const entry = jobNodes.find((candidate) => candidate.key === job.name);
    if (!entry) continue;
    const node = entry.value;
    const awsRegion = literalRegion([child(node, 'env'), child(file.root, 'env')]);
    const clouds = plannedClouds(job.clouds);
    dropVariables(editor, node, 'env', clouds);
    const covered = new Set<Cloud>();
    const steps = items(child(node, 'steps'));
    for (const step of steps) {
      dropVariables(editor, step, 'env', clouds);
      const replaced = replaceLoginStep(step, job, editor, inputsFor);
      if (replaced) covered.add(replaced);
      const run = child(step, 'run');
      if (run) dropKeyFileLogins(editor, run, keyNode(step, 'run')!, job.name, file.path, false);
    }
    const needed = [...clouds].filter((cloud) => !covered.has(cloud));
    if (steps.length > 0 && needed.length > 0) {
      const first = editor.lineOf(steps[0]!.range![0]);
      const dash = /^ *- /.exec(editor.lines[first]!)?.[0] ?? `${editor.indentOf(first)}- `;
      const inner = ' '.repeat(dash.length);
      editor.insertBefore(first, [`${dash}uses: ${THIS_ACTION}`, `${inner}with:`, ...inputsFor(job.grant, needed, awsRegion).map((input) => `${inner}  ${input}`)]);
    }
    if (job.clouds.has('azure')) editor.manual.push(azureLeft(job.name));
    permissionsEdit(editor, node, entry.keyNode);
  }
  return editor.finish();
}

/** The clouds a plan moves to OIDC: Azure keys stay, since the broker issues no Azure credentials. */
export function plannedClouds(clouds: ReadonlySet<Cloud>): Set<Cloud> {
  return new Set([...clouds].filter((cloud) => cloud !== 'azure'));
}

export function azureLeft(job: string): string {
  return `job ${job}: Azure is outside ci-oidc-broker; log in with a federated credential (azure/login, or az login --federated-token, with client-id, tenant-id and subscription-id), and delete the client secret`;
}

/** Deletes the credential variables of `clouds` from a variables mapping; the whole mapping when nothing else is left. */
export function dropVariables(editor: LineEditor, owner: Node | null | undefined, key: string, clouds: ReadonlySet<Cloud>): void {
  const variables = child(owner, key);
  const all = entries(variables);
  const dropped = all.filter((entry) => {
    const cloud = credentialCloud(entry.key);
    return cloud !== undefined && clouds.has(cloud);
  });
  if (dropped.length === 0) return;
  if (dropped.length === all.length) editor.delete(keyNode(owner, key)!, variables);
  else for (const entry of dropped) editor.delete(entry.keyNode, entry.value);
}

/** The region that variables name outright, for the new login's region. */
export function literalRegion(variables: ReadonlyArray<Node | null | undefined>): string | undefined {
  return variables.flatMap((owner) => REGION_VARIABLES.map((name) => text(child(owner, name)))).find((value) => value !== undefined && !value.includes('$'));
}

/**
 * The logins with keys, and the lines that write the key file a login reads (`echo "$KEY" > key.json`):
 * without the login that file serves nothing but a leak. With `mayEmpty`, a list left empty goes with
 * its key, since GitLab refuses an empty script; a script the exchange goes into is never left empty.
 */
export function dropKeyFileLogins(editor: LineEditor, script: Node, key: Node, job: string, path: string, mayEmpty: boolean): number[] {
  const logins = scriptLogins(editor, script, key, job, path);
  if (logins.length === 0) return [];
  const keyLine = editor.lineOf(key.range![0]);
  const keyFiles = logins.flatMap((line) => /--key-file[=\s]+["']?([^\s"']+)/.exec(editor.lines[line]!)?.[1] ?? []);
  const writes = range(editor.lineOf(script.range![0]), editor.lastLineOf(script) + 1).filter(
    (line) => line !== keyLine && keyFiles.some((keyFile) => new RegExp(`(?:>>?|\\btee)\\s*["']?${keyFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?(?:\\s|$)`).test(editor.lines[line]!)),
  );
  const dropped = new Set([...logins, ...writes]);
  const itemLines = items(script).map((item) => editor.lineOf(item.range![0]));
  if (mayEmpty && isSeq(script) && !script.flow && itemLines.every((line) => dropped.has(line))) editor.delete(key, script);
  else for (const line of dropped) editor.replaceLine(line, []);
  return [...dropped];
}

/**
 * The lines of a script (a block, or a list of one-line commands) that log in with static keys; a
 * command on its key's own line is left to the user, with a note.
 */
function scriptLogins(editor: LineEditor, script: Node, key: Node, job: string, path: string): number[] {
  const keyLine = editor.lineOf(key.range![0]);
  const found: number[] = [];
  for (let line = editor.lineOf(script.range![0]); line <= editor.lastLineOf(script); line++) {
    const command = editor.lines[line]!.trim().replace(/^-\s+/, '').replace(/^["']/, '');
    if (!STATIC_COMMANDS.some((candidate) => candidate.pattern.test(command))) continue;
    if (line === keyLine) editor.manual.push(`job ${job}: ${path}:${line + 1} logs in with static keys in a one-line script; remove that command`);
    else found.push(line);
  }
  return found;
}

/** configure-aws-credentials or google-github-actions/auth given keys becomes this action; returns the cloud it now covers. */
function replaceLoginStep(step: Node, job: JobToPatch, editor: LineEditor, inputsFor: (grant: GrantTargets, clouds: readonly Cloud[], region: string | undefined) => string[]): Cloud | undefined {
  const uses = child(step, 'uses');
  const action = text(uses)?.split('@')[0]?.toLowerCase();
  const keys = action === 'aws-actions/configure-aws-credentials' ? ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'] : action === 'google-github-actions/auth' ? ['credentials_json'] : [];
  const cloud: Cloud = action === 'google-github-actions/auth' ? 'gcp' : 'aws';
  const inputs = child(step, 'with');
  const given = entries(inputs).filter((entry) => keys.includes(entry.key));
  if (given.length === 0) return undefined;
  const usesLine = editor.lineOf(uses!.range![0]);
  editor.replaceLine(usesLine, [editor.lines[usesLine]!.replace(/uses:\s*\S+/, `uses: ${THIS_ACTION}`)]);
  const first = editor.lineOf(given[0]!.keyNode.range![0]);
  given.forEach((entry, index) => {
    // The region stays an input of its own; the first key's line carries the grant.
    const replacement = index === 0 ? inputsFor(job.grant, [cloud], undefined).map((input) => `${editor.indentOf(first)}${input}`) : [];
    editor.replaceLine(editor.lineOf(entry.keyNode.range![0]), replacement);
  });
  return cloud;
}

/** `id-token: write` in the job's own permissions (which replace the workflow's for that job). */
function permissionsEdit(editor: LineEditor, job: Node | null, jobKey: Node): void {
  const lineOf = (offset: number): number => editor.lineOf(offset);
  const indentOf = (line: number): string => editor.indentOf(line);
  const permissions = child(job, 'permissions');
  const permissionsKey = keyNode(job, 'permissions');
  const idToken = entries(permissions).find((entry) => entry.key === 'id-token');
  if (idToken) {
    const line = lineOf(idToken.keyNode.range![0]);
    if (text(idToken.value) !== 'write') editor.replaceLine(line, [`${indentOf(line)}id-token: write`]);
    return;
  }
  if (permissionsKey && entries(permissions).length > 0) {
    const first = lineOf(entries(permissions)[0]!.keyNode.range![0]);
    editor.insertBefore(first, [`${indentOf(first)}id-token: write`]);
    return;
  }
  const firstKey = entries(job)[0]!.keyNode;
  const indent = indentOf(lineOf(firstKey.range![0]));
  const block = [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  id-token: write`];
  if (permissionsKey) editor.replaceLine(lineOf(permissionsKey.range![0]), block);
  else editor.insertBefore(lineOf(jobKey.range![0]) + 1, block);
}
