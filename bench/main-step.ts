// Runs this project's bundled main and post steps (A) against the sandbox, beside another action's
// committed dist (B) doing the same loopback work, and prints for each side the median wall time, CPU
// time (user and system of the step's process) and peak RSS, and the ratios A/B. A and B alternate,
// and swap places every run, so that the drift of a shared machine falls on both alike. Prints
// figures; asserts nothing (targets are for people to judge).
//
//   node bench/main-step.ts [--dist DIR] [--aws-anchor DIR] [--gcp-anchor DIR] [--baseline DIR] [--path aws|gcp|both] [--runs N]
//
// An anchor DIR holds another action's action.yml and dist/ (bench/anchor-dist.ts writes one from a
// git clone, outside this repository). AWS: configure-aws-credentials reaches the sandbox's STS through
// AWS_ENDPOINT_URL_STS, as this action does. Google: google-github-actions/auth has fixed https URLs,
// so it goes through bench/google-front.ts (HTTPS_PROXY and a test CA), and this action is pointed at
// the same TLS front. --baseline adds another build of this action (before a change) on A's inputs.
// Without either, A is compared with `node -e 0` alone.
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, SANDBOX_GCP_PROJECT, startSandbox, type Sandbox } from '../src/sandbox/index.ts';
import { SimulatedRunner, type StepResult } from '../src/sandbox/runner/simulated-runner.ts';
import { startGoogleFront, type GoogleFront } from './google-front.ts';

const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    'aws-anchor': { type: 'string' },
    'gcp-anchor': { type: 'string' },
    baseline: { type: 'string' },
    path: { type: 'string', default: 'both' },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '10' },
  },
});
const RUNS = Number(args.runs);
const DIST = resolve(args.dist);
const preload = fileURLToPath(new URL('report-rss.mjs', import.meta.url));
const NODE_OPTIONS = `--import=${preload}`;
const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const LIFETIME_SECONDS = 600;
// What a runner sets besides the sandbox's job variables, and configure-aws-credentials requires.
const RUNNER_EXTRAS = { GITHUB_ACTION: '__run', GITHUB_ACTOR: 'octocat' };

interface Sample {
  ms: number;
  cpuMs: number;
  rssMiB: number;
}

/** One action's entry points and how to call it for a path. */
interface Side {
  label: string;
  main: string;
  post: string;
  actionYml: string | undefined;
  inputs: () => Record<string, string>;
  env: Record<string, string>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function usageOf(stderr: string): { cpuMs: number; rssMiB: number } {
  const match = /bench-max-rss-kib=(\d+) bench-cpu-us=(\d+)/.exec(stderr);
  if (!match) throw new Error('the measured process did not report its resource usage');
  return { rssMiB: Number(match[1]) / 1024, cpuMs: Number(match[2]) / 1000 };
}

function sampleOf(step: StepResult, what: string): Sample {
  if (step.exitCode !== 0) throw new Error(`${what} failed:\n${step.log.join('\n')}`);
  return { ms: step.endedAt - step.startedAt, ...usageOf(step.stderr) };
}

function runBare(): Promise<Sample> {
  return new Promise((resolvePromise, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', () => resolvePromise({ ms: Date.now() - started, ...usageOf(stderr) }));
  });
}

async function bytesUnder(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, name));
    if (info.isFile()) total += info.size;
  }
  return total;
}

/** An anchor's entry points, from its own action.yml. */
async function anchorSide(dir: string, label: string, inputs: () => Record<string, string>, env: Record<string, string>): Promise<Side> {
  const actionYml = join(resolve(dir), 'action.yml');
  const { runs } = parseYaml(await readFile(actionYml, 'utf8')) as { runs: { main: string; post?: string } };
  if (!runs.post) throw new Error(`${actionYml} has no post step to measure`);
  const commit = await readFile(join(dir, 'COMMIT'), 'utf8').catch(() => '');
  return { label: `${label}${commit ? ` (${commit.trim().split(' ').at(-1)})` : ''}`, main: join(resolve(dir), runs.main), post: join(resolve(dir), runs.post), actionYml, inputs, env };
}

// The demo's grant without its revoker role: neither anchor can revoke, so the post steps do the same work.
function benchPolicy(issuer: string): string {
  return `version: 1
issuers: ["${issuer}"]
rules:
  - name: no-pull-requests
    effect: deny
    match:
      event_name: [pull_request, pull_request_target]
  - name: deploy-from-main
    match:
      repository_owner_id: "1342004"
      repository_id: "8429"
      ref: refs/heads/main
      environment: production
      runner_environment: github-hosted
    grant:
      aws:
        roles: [${ROLE}]
        max-duration: 1h
      gcp:
        workload-identity-provider: ${SANDBOX_GCP_PROVIDER}
        service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}]
        max-lifetime: ${LIFETIME_SECONDS / 60}m
`;
}

/** One job with one step of `side`: its main step, then its post step, in a fresh runner. */
async function runJob(sandbox: Sandbox, side: Side): Promise<{ main: Sample; post: Sample }> {
  const runner = await SimulatedRunner.create({ env: { ...sandbox.runnerEnv(), ...RUNNER_EXTRAS, ...side.env, NODE_OPTIONS }, ...(side.actionYml && { actionYml: side.actionYml }) });
  try {
    await mkdir(join(runner.workspace, '.github'));
    await writeFile(join(runner.workspace, '.github', 'ci-oidc-broker.yml'), benchPolicy(sandbox.issuer.url));
    const main = sampleOf(await runner.runMain(side.main, side.inputs()), `${side.label}: the main step`);
    const post = sampleOf(await runner.runPost(side.post), `${side.label}: the post step`);
    return { main, post };
  } finally {
    await runner.dispose();
  }
}

const fmt = (s: { ms: number; cpuMs: number; rssMiB: number }): string => `${s.ms.toFixed(0).padStart(5)} ms  ${s.cpuMs.toFixed(0).padStart(5)} ms  ${s.rssMiB.toFixed(1).padStart(6)} MiB`;
const medians = (samples: Sample[]): Sample => ({ ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), rssMiB: median(samples.map((s) => s.rssMiB)) });
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

/** Measures A beside every other side, alternating them and reversing their order every run. */
async function comparePath(sandbox: Sandbox, title: string, sides: Side[], bare: Sample[]): Promise<void> {
  const [a] = sides as [Side, ...Side[]];
  const samples = new Map(sides.map((side) => [side, { main: [] as Sample[], post: [] as Sample[] }]));
  // One unmeasured job each warms the file-system cache, as a runner's second job would be.
  for (const side of sides) await runJob(sandbox, side);
  for (let i = 0; i < RUNS; i++) {
    bare.push(await runBare());
    for (const side of i % 2 === 0 ? sides : [...sides].reverse()) {
      const job = await runJob(sandbox, side);
      samples.get(side)!.main.push(job.main);
      samples.get(side)!.post.push(job.post);
    }
  }
  console.log(`\n${title}                            wall       CPU    peak RSS   (medians of ${RUNS})`);
  for (const step of ['main', 'post'] as const) {
    const ma = medians(samples.get(a)![step]);
    sides.forEach((side, index) => console.log(`  ${step.padEnd(4)} ${'ABCD'[index]} ${side.label.padEnd(42)} ${fmt(medians(samples.get(side)![step]))}`));
    sides.slice(1).forEach((side, index) => {
      const mb = medians(samples.get(side)![step]);
      console.log(`  ${step.padEnd(4)} A/${'BCD'[index]} ${''.padEnd(41)} ${ratio(ma.ms, mb.ms).padStart(5)} ${ratio(ma.cpuMs, mb.cpuMs).padStart(9)} ${ratio(ma.rssMiB, mb.rssMiB).padStart(11)}`);
    });
  }
  const main = medians(samples.get(a)!.main);
  const post = medians(samples.get(a)!.post);
  console.log(`  A's post step / A's main step: wall ${ratio(post.ms, main.ms)} (target <= 1×)`);
}

const sandbox = await startSandbox();
const front: GoogleFront = await startGoogleFront(sandbox.google.url);
try {
  const tls = { NODE_EXTRA_CA_CERTS: front.caFile, NO_PROXY: '127.0.0.1,localhost' };
  const ours = (inputs: () => Record<string, string>, env: Record<string, string> = {}, dist = args.dist): Side => ({
    label: `this action (${dist})`,
    main: join(resolve(dist), 'main', 'index.js'),
    post: join(resolve(dist), 'post', 'index.js'),
    actionYml: undefined,
    inputs,
    env,
  });
  const awsInputs = (): Record<string, string> => ({ issuer: sandbox.issuer.url, 'aws-region': 'us-east-1', 'role-to-assume': ROLE });
  const gcpInputs = (): Record<string, string> => ({ issuer: sandbox.issuer.url, ...sandbox.gcpInputs(), 'gcp-token-url': `${front.url}/v1/token`, 'gcp-iam-credentials-url': front.url });
  // Another build of this action (before a change, say) on the same inputs.
  const baseline = (inputs: () => Record<string, string>, env: Record<string, string> = {}): Side[] => (args.baseline ? [ours(inputs, env, args.baseline)] : []);
  const awsB = args['aws-anchor'] ? await anchorSide(args['aws-anchor'], 'configure-aws-credentials', () => ({ 'aws-region': 'us-east-1', 'role-to-assume': ROLE }), {}) : undefined;
  const gcpB = args['gcp-anchor']
    ? await anchorSide(
        args['gcp-anchor'],
        'google-github-actions/auth',
        () => ({
          workload_identity_provider: SANDBOX_GCP_PROVIDER,
          service_account: SANDBOX_GCP_SERVICE_ACCOUNT,
          project_id: SANDBOX_GCP_PROJECT,
          token_format: 'access_token',
          access_token_lifetime: `${LIFETIME_SECONDS}s`,
        }),
        { ...tls, HTTPS_PROXY: front.proxyUrl },
      )
    : undefined;

  console.log(`Node ${process.version} on ${process.platform}/${process.arch}; sandbox and Google TLS front on 127.0.0.1; ${RUNS} runs, A and B alternating`);
  const bare: Sample[] = [];
  if (args.path !== 'gcp') await comparePath(sandbox, 'AWS path   ', [ours(awsInputs), ...(awsB ? [awsB] : []), ...baseline(awsInputs)], bare);
  if (args.path !== 'aws') await comparePath(sandbox, 'Google path', [ours(gcpInputs, tls), ...(gcpB ? [gcpB] : []), ...baseline(gcpInputs, tls)], bare);
  console.log(`\nnode -e 0 (the floor)                                ${fmt(medians(bare))}`);
  const mainBytes = (await stat(join(DIST, 'main', 'index.js'))).size;
  console.log(`${args.dist}/main/index.js ${(mainBytes / 1e6).toFixed(3)} MB; ${args.dist}/main/ in all ${((await bytesUnder(join(DIST, 'main'))) / 1e6).toFixed(3)} MB; ${args.dist}/post/ in all ${((await bytesUnder(join(DIST, 'post'))) / 1e6).toFixed(3)} MB`);
  console.log('Targets: main step wall A/B <= 0.5×, peak RSS A/B <= 0.8×, post no slower than main.');
} finally {
  await front.close();
  await sandbox.close();
}
