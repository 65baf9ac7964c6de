import type { Node } from 'yaml';
import { inherit, scanEnvironment, scanScript, type StaticCredentials } from '../credentials.ts';
import { finding } from '../findings.ts';
import { child, entries, items, scriptLines, text, type YamlFile } from '../yaml-file.ts';
import type { ReaderContext } from './reader.ts';

const PIPELINES = ['.buildkite/pipeline.yml', '.buildkite/pipeline.yaml', 'buildkite.yml', 'pipeline.yml'];
// Plugins that trade the agent's OIDC token for cloud credentials.
const OIDC_PLUGINS = /^(?:[\w-]+\/)?(?:aws-assume-role-with-web-identity|gcp-workload-identity-federation)(?:#|$)/;

// A step condition that keeps builds of pull requests from forks out.
const FORK_GUARD = /!\s*build\.pull_request\.repository\.fork\b|build\.pull_request\.repository\.fork\s*==\s*false|build\.pull_request\.id\s*==\s*null/;

/** Buildkite: the steps of pipeline.yml, inside groups too. */
export async function readBuildkite(context: ReaderContext): Promise<void> {
  for (const path of PIPELINES) {
    const file = await context.open(path);
    if (!file) continue;
    const shared = scanEnvironment(file, context.sink, undefined, child(file.root, 'env'), 'pipeline', 'buildkite');
    const steps = items(child(file.root, 'steps')).length > 0 ? child(file.root, 'steps') : file.root;
    items(steps).forEach((step, index) => scanStep(context, file, shared, step, index));
  }
}

function scanStep(context: ReaderContext, file: YamlFile, shared: StaticCredentials, step: Node, index: number): void {
  const group = child(step, 'steps');
  if (group) {
    items(group).forEach((inner, at) => scanStep(context, file, shared, inner, at));
    return;
  }
  const command = child(step, 'command') ?? child(step, 'commands');
  if (!command && !child(step, 'plugins')) return;
  const name = text(child(step, 'key')) ?? text(child(step, 'label')) ?? `step ${index + 1}`;
  const { sink } = context;
  const job = sink.job({ system: 'buildkite', path: file.path, display: file.display, name, location: file.at(step), node: step });
  inherit(job, shared);
  scanEnvironment(file, sink, job, child(step, 'env'), 'step', 'buildkite');
  scanScript(file, sink, job, scriptLines(command), 'buildkite');
  if (job.clouds.size > 0 && !FORK_GUARD.test(text(child(step, 'if')) ?? '')) {
    sink.findings.push(
      finding(
        'static-keys-forks-by-setting',
        `step ${name} holds static ${[...job.clouds].join(' and ')} credentials and no if: keeps it from pull requests of forks, which Buildkite builds when the pipeline builds pull requests from third-party forked repositories`,
        file.at(step),
        name,
      ),
    );
  }
  for (const plugin of items(child(step, 'plugins'))) {
    const pluginName = text(plugin) ?? entries(plugin)[0]?.key ?? '';
    if (!OIDC_PLUGINS.test(pluginName)) continue;
    job.migrated = true;
    sink.findings.push(finding('oidc-migrated', `the plugin ${pluginName.split('#')[0]} exchanges the agent’s OIDC token`, file.at(plugin), name));
  }
}
