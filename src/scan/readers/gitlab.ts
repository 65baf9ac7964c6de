import { posix } from 'node:path';
import type { Node } from 'yaml';
import { inherit, scanEnvironment, scanScript } from '../credentials.ts';
import { finding } from '../findings.ts';
import type { ScannedJob } from '../scan-result.ts';
import { child, entries, items, keyNode, scriptLines, text, type YamlFile } from '../yaml-file.ts';
import type { ReaderContext } from './reader.ts';

// Top-level keywords of .gitlab-ci.yml; every other mapping at the top is a job (or a hidden template).
const KEYWORDS = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'spec']);
const SCRIPTS = ['before_script', 'script', 'after_script'];

/** GitLab CI: .gitlab-ci.yml and the local files it includes, transitively. */
export async function readGitLab(context: ReaderContext): Promise<void> {
  const queue = ['.gitlab-ci.yml'];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const file = await context.open(path);
    if (!file) continue;
    queue.push(...(await localIncludes(context, file)));
    scanPipeline(context, file);
  }
  const jobs = context.sink.jobs.filter((job) => job.system === 'gitlab');
  inheritExtended(jobs);
  for (const job of jobs.filter((candidate) => candidate.clouds.size > 0 && !candidate.name.startsWith('.'))) {
    const file = (await context.open(job.path))!;
    const rule = mergeRequestRule(job.node);
    if (!rule) continue;
    const variables = job.secrets.size > 0 ? ` from the CI variables ${[...job.secrets.keys()].join(', ')}` : '';
    context.sink.findings.push(
      finding(
        'static-keys-reachable-from-forks',
        `job ${job.name} holds static ${[...job.clouds].join(' and ')} credentials${variables} and runs in merge request pipelines: one that runs in this project for a fork's merge request gets every variable that is not protected`,
        file.at(rule),
        job.name,
      ),
    );
  }
}

/** The rule (or `only:` entry) that puts a job in merge request pipelines, when one does. */
export function mergeRequestRule(job: Node | null | undefined): Node | undefined {
  const rules = items(child(job, 'rules')).filter((rule) => text(child(rule, 'when')) !== 'never');
  const byRule = rules.find((rule) => /\$CI_PIPELINE_SOURCE\s*==\s*["']merge_request_event["']|\$CI_MERGE_REQUEST_(?:IID|ID)\b/.test(text(child(rule, 'if')) ?? ''));
  if (byRule) return byRule;
  const only = child(job, 'only');
  return [...items(only), ...items(child(only, 'refs'))].find((ref) => text(ref) === 'merge_requests');
}

/** A job that `extends:` a template holds what the template's variables and scripts hold, wherever it is written. */
function inheritExtended(jobs: readonly ScannedJob[]): void {
  const byName = new Map(jobs.map((job) => [job.name, job]));
  const resolve = (job: ScannedJob, seen: Set<string>): void => {
    const node = child(job.node, 'extends');
    const parents = items(node).length > 0 ? items(node).map(text) : [text(node)];
    for (const parent of parents.map((name) => (name === undefined ? undefined : byName.get(name)))) {
      if (!parent || seen.has(parent.name)) continue;
      resolve(parent, new Set([...seen, parent.name]));
      inherit(job, { clouds: [...parent.clouds], secrets: [...parent.secrets] });
      job.migrated ||= parent.migrated;
    }
  };
  for (const job of jobs) resolve(job, new Set([job.name]));
}

function scanPipeline({ sink }: ReaderContext, file: YamlFile): void {
  const shared = scanEnvironment(file, sink, undefined, child(file.root, 'variables'), 'pipeline', 'gitlab');
  const defaults = child(file.root, 'default');
  for (const scripts of [file.root, defaults]) for (const name of SCRIPTS.filter((key) => key !== 'script')) scanScript(file, sink, undefined, scriptLines(child(scripts, name)), 'gitlab');
  for (const { key, keyNode: at, value } of entries(file.root)) {
    if (KEYWORDS.has(key) || !entries(value).length) continue;
    const job = sink.job({ system: 'gitlab', path: file.path, display: file.display, name: key, location: file.at(at), node: value ?? undefined });
    // A hidden job (.name) is a template: what it holds is reported once, where it is written.
    if (!key.startsWith('.')) inherit(job, shared);
    scanEnvironment(file, sink, job, child(value, 'variables'), 'job', 'gitlab');
    for (const name of SCRIPTS) scanScript(file, sink, job, scriptLines(child(value, name)), 'gitlab');
    const tokens = child(value, 'id_tokens');
    if (entries(tokens).length > 0) {
      job.migrated = true;
      sink.findings.push(finding('oidc-migrated', `job ${key} requests OIDC tokens (id_tokens: ${entries(tokens).map((e) => e.key).join(', ')})`, file.at(keyNode(value, 'id_tokens')), key));
    }
  }
}

/** The repository files an `include:` names with `local:` or as a bare path; globs within one folder. */
async function localIncludes(context: ReaderContext, file: YamlFile): Promise<string[]> {
  const include = child(file.root, 'include');
  const nodes: Node[] = items(include).length > 0 ? items(include) : include ? [include] : [];
  const paths = nodes.flatMap((node) => {
    const path = text(node) ?? text(child(node, 'local'));
    return path === undefined || /^https?:/.test(path) ? [] : [path.replace(/^\/+/, '')];
  });
  const expanded: string[] = [];
  for (const path of paths) {
    if (!path.includes('*')) {
      expanded.push(path);
      continue;
    }
    const dir = posix.dirname(path);
    const name = new RegExp(`^${posix.basename(path).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    expanded.push(...(await context.repository.list(dir)).filter((entry) => name.test(entry)).map((entry) => `${dir}/${entry}`));
  }
  return expanded;
}
