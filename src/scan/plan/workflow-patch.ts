import { createTwoFilesPatch } from 'diff';
import type { Node } from 'yaml';
import { credentialCloud, isLiteralCredential, STATIC_COMMANDS } from '../credentials.ts';
import { keyMaterialSpans } from '../key-material.ts';
import type { Cloud } from '../findings.ts';
import { child, entries, items, keyNode, text, type YamlFile } from '../yaml-file.ts';
import type { GrantTargets } from './draft-policy.ts';

export const THIS_ACTION = 'ci-oidc-broker/ci-oidc-broker@v1';

export interface JobToPatch {
  name: string;
  clouds: ReadonlySet<Cloud>;
  grant: GrantTargets;
}

export interface WorkflowPatch {
  /** The workflow as the patch leaves it. */
  patched: string;
  /** A unified diff from the file as it is, with a/ and b/ paths from the repository root. */
  diff: string;
  /** What the patch leaves to the user. */
  manual: string[];
}

/** Lines [from, to) of the file replaced by `lines` (an insertion when from = to). */
interface Edit {
  from: number;
  to: number;
  lines: string[];
}

const REGION_VARIABLES = ['AWS_REGION', 'AWS_DEFAULT_REGION'];

/**
 * The workflow with its planned jobs on this action: the static keys taken out of env, of the cloud
 * login steps and of scripts, this action in their place with the grant of the job's draft rule, and
 * `id-token: write` in the job's permissions. Edits are by whole lines, so the rest of the file,
 * comments and layout included, is left exactly as it was.
 */
export function patchWorkflow(file: YamlFile, jobs: readonly JobToPatch[]): WorkflowPatch {
  const lines = file.text.split('\n');
  const lineOf = (offset: number): number => file.atOffset(offset).line - 1;
  const indentOf = (line: number): string => /^ */.exec(lines[line]!)![0];
  const edits: Edit[] = [];
  const manual: string[] = [];
  const spanOf = (key: Node, value: Node | null): Edit => {
    const end = Math.max(key.range![1], (value?.range?.[1] ?? key.range![1]) - 1);
    return { from: lineOf(key.range![0]), to: lineOf(end) + 1, lines: [] };
  };
  /** Deletes the credential variables of the planned clouds; the whole `env:` when nothing else is left. */
  const dropCredentials = (owner: Node | null | undefined, clouds: ReadonlySet<Cloud>): void => {
    const env = child(owner, 'env');
    const all = entries(env);
    const dropped = all.filter((entry) => {
      const cloud = credentialCloud(entry.key);
      return cloud !== undefined && clouds.has(cloud);
    });
    if (dropped.length === 0) return;
    if (dropped.length === all.length) edits.push(spanOf(keyNode(owner, 'env')!, env ?? null));
    else for (const entry of dropped) edits.push(spanOf(entry.keyNode, entry.value));
  };
  const region = (...owners: Array<Node | null | undefined>): string | undefined =>
    owners.flatMap((owner) => REGION_VARIABLES.map((name) => text(child(child(owner, 'env'), name)))).find((value) => value !== undefined && !value.includes('$'));
  const inputsFor = (grant: GrantTargets, clouds: readonly Cloud[], awsRegion: string | undefined): string[] => [
    ...(clouds.includes('aws') && grant.awsRole ? [`role-to-assume: ${grant.awsRole.value}${grant.awsRole.todo ? '   # TODO: the role (--map SECRET=ROLE_ARN)' : ''}`, ...(awsRegion ? [`aws-region: ${awsRegion}`] : [])] : []),
    ...(clouds.includes('gcp') && grant.gcp
      ? [`gcp-workload-identity-provider: ${grant.gcp.provider}${grant.gcp.todo ? '   # TODO: the provider' : ''}`, `gcp-service-account: ${grant.gcp.serviceAccount}`, 'gcp-create-credentials-file: true']
      : []),
  ];

  const workflowClouds = new Set(jobs.flatMap((job) => [...job.clouds].filter((cloud) => cloud !== 'azure')));
  dropCredentials(file.root, workflowClouds);
  const jobNodes = entries(child(file.root, 'jobs'));
  for (const job of jobs) {
    const entry = jobNodes.find((candidate) => candidate.key === job.name);
    if (!entry) continue;
    const node = entry.value;
    const awsRegion = region(node, file.root);
    // Azure keys stay: the broker issues no Azure credentials, so the job still needs them until moved by hand.
    const clouds = new Set([...job.clouds].filter((cloud) => cloud !== 'azure'));
    dropCredentials(node, clouds);
    const covered = new Set<Cloud>();
    const steps = items(child(node, 'steps'));
    for (const step of steps) {
      dropCredentials(step, clouds);
      const replaced = replaceLoginStep(step, job, { lines, lineOf, indentOf, edits, inputsFor });
      if (replaced) covered.add(replaced);
      const run = child(step, 'run');
      if (run) dropScriptLines(run, lineOf(keyNode(step, 'run')!.range![0]), { lines, lineOf, edits, manual, job: job.name, file });
    }
    const needed = [...clouds].filter((cloud) => !covered.has(cloud));
    if (steps.length > 0 && needed.length > 0) {
      const first = lineOf(steps[0]!.range![0]);
      const dash = /^ *- /.exec(lines[first]!)?.[0] ?? `${indentOf(first)}- `;
      const inner = ' '.repeat(dash.length);
      edits.push({ from: first, to: first, lines: [`${dash}uses: ${THIS_ACTION}`, `${inner}with:`, ...inputsFor(job.grant, needed, awsRegion).map((input) => `${inner}  ${input}`)] });
    }
    if (job.clouds.has('azure')) manual.push(`job ${job.name}: Azure is outside ci-oidc-broker; log in with azure/login and client-id, tenant-id and subscription-id (a federated credential), and delete the client secret`);
    edits.push(...permissionsEdit(node, entry.keyNode, { lines, lineOf, indentOf }));
  }

  // A patch that deletes a committed key, or shows one as context, copies it into the plan: such lines
  // are left to the user, and the context shrinks until none shows.
  const sensitive = sensitiveLines(file);
  const safe = edits.filter((edit) => !range(edit.from, edit.to).some((line) => sensitive.has(line)));
  for (const edit of edits.filter((candidate) => !safe.includes(candidate))) manual.push(`${file.path}:${edit.from + 1}${edit.to - edit.from > 1 ? `-${edit.to}` : ''} holds a committed credential: delete it yourself (the patch does not copy it), then revoke it`);
  const patched = applyEdits(lines, safe).join('\n');
  const texts = new Set([...sensitive].map((line) => lines[line]!));
  const shows = (diff: string): boolean => diff.split('\n').some((line) => texts.has(line.slice(1)));
  const [context, diff] = [3, 2, 1, 0].map((lines): [number, string] => [lines, createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.text, patched, '', '', { context: lines })]).find(([, candidate]) => !shows(candidate))!;
  if (context === 0 && safe.length > 0) manual.push(`${file.path}: the patch has no context lines, so that it copies no committed credential; apply it with \`git apply --unidiff-zero\``);
  return { patched, diff, manual };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(to - from, 0) }, (_unused, index) => from + index);
}

/** The lines that hold key material, or a credential written into env: what no plan file may copy. */
function sensitiveLines(file: YamlFile): Set<number> {
  const lineOf = (offset: number): number => file.atOffset(offset).line - 1;
  const lines = new Set<number>();
  for (const [start, end] of keyMaterialSpans(file.text)) for (const line of range(lineOf(start), lineOf(end - 1) + 1)) lines.add(line);
  const visit = (owner: Node | null | undefined): void => {
    for (const entry of entries(child(owner, 'env'))) {
      const value = text(entry.value);
      if (value !== undefined && isLiteralCredential(entry.key, value)) for (const line of range(lineOf(entry.keyNode.range![0]), lineOf(entry.value!.range![1] - 1) + 1)) lines.add(line);
    }
  };
  visit(file.root);
  for (const { value: job } of entries(child(file.root, 'jobs'))) {
    visit(job);
    for (const step of items(child(job, 'steps'))) visit(step);
  }
  return lines;
}

interface Lines {
  lines: string[];
  lineOf: (offset: number) => number;
  indentOf: (line: number) => string;
}

/** configure-aws-credentials or google-github-actions/auth given keys becomes this action; returns the cloud it now covers. */
function replaceLoginStep(
  step: Node,
  job: JobToPatch,
  context: Lines & { edits: Edit[]; inputsFor: (grant: GrantTargets, clouds: readonly Cloud[], region: string | undefined) => string[] },
): Cloud | undefined {
  const uses = child(step, 'uses');
  const action = text(uses)?.split('@')[0]?.toLowerCase();
  const keys = action === 'aws-actions/configure-aws-credentials' ? ['aws-access-key-id', 'aws-secret-access-key', 'aws-session-token'] : action === 'google-github-actions/auth' ? ['credentials_json'] : [];
  const cloud: Cloud = action === 'google-github-actions/auth' ? 'gcp' : 'aws';
  const inputs = child(step, 'with');
  const given = entries(inputs).filter((entry) => keys.includes(entry.key));
  if (given.length === 0) return undefined;
  const { lines, lineOf, indentOf, edits } = context;
  const usesLine = lineOf(uses!.range![0]);
  edits.push({ from: usesLine, to: usesLine + 1, lines: [lines[usesLine]!.replace(/uses:\s*\S+/, `uses: ${THIS_ACTION}`)] });
  const first = lineOf(given[0]!.keyNode.range![0]);
  given.forEach((entry, index) => {
    const line = lineOf(entry.keyNode.range![0]);
    // The region stays an input of its own; the first key's line carries the grant.
    const replacement = index === 0 ? context.inputsFor(job.grant, [cloud], undefined).map((input) => `${indentOf(first)}${input}`) : [];
    edits.push({ from: line, to: line + 1, lines: replacement });
  });
  return cloud;
}

/** Deletes the lines of a block script that log in with static keys; a one-line script is left to the user. */
function dropScriptLines(run: Node, runLine: number, context: { lines: string[]; lineOf: (offset: number) => number; edits: Edit[]; manual: string[]; job: string; file: YamlFile }): void {
  const { lines, lineOf, edits } = context;
  const end = lineOf(Math.max(run.range![0], run.range![1] - 1));
  for (let line = lineOf(run.range![0]); line <= end; line++) {
    if (!STATIC_COMMANDS.some((command) => command.pattern.test(lines[line]!.trim()))) continue;
    if (line === runLine) context.manual.push(`job ${context.job}: ${context.file.path}:${line + 1} logs in with static keys in a one-line run; remove that command`);
    else edits.push({ from: line, to: line + 1, lines: [] });
  }
}

/** `id-token: write` in the job's own permissions (which replace the workflow's for that job). */
function permissionsEdit(job: Node | null, jobKey: Node, { lineOf, indentOf }: Lines): Edit[] {
  const permissions = child(job, 'permissions');
  const permissionsKey = keyNode(job, 'permissions');
  const idToken = entries(permissions).find((entry) => entry.key === 'id-token');
  if (idToken) {
    const line = lineOf(idToken.keyNode.range![0]);
    return text(idToken.value) === 'write' ? [] : [{ from: line, to: line + 1, lines: [`${indentOf(line)}id-token: write`] }];
  }
  if (permissionsKey && entries(permissions).length > 0) {
    const first = lineOf(entries(permissions)[0]!.keyNode.range![0]);
    return [{ from: first, to: first, lines: [`${indentOf(first)}id-token: write`] }];
  }
  const firstKey = entries(job)[0]!.keyNode;
  const indent = indentOf(lineOf(firstKey.range![0]));
  const block = [`${indent}permissions:`, `${indent}  contents: read`, `${indent}  id-token: write`];
  if (permissionsKey) {
    const line = lineOf(permissionsKey.range![0]);
    return [{ from: line, to: line + 1, lines: block }];
  }
  const after = lineOf(jobKey.range![0]) + 1;
  return [{ from: after, to: after, lines: block }];
}

function applyEdits(lines: readonly string[], edits: readonly Edit[]): string[] {
  const result = [...lines];
  // Bottom-up, so that earlier line numbers stay true; at one line, deletions before insertions.
  for (const edit of [...edits].sort((a, b) => b.from - a.from || b.to - a.to)) result.splice(edit.from, edit.to - edit.from, ...edit.lines);
  return result;
}
