// Measures the bundled main step against the sandbox beside a bare `node -e 0`: median wall time,
// peak RSS, and the bundle's size. Prints figures; asserts nothing (targets are for people to judge).
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox } from '../src/sandbox/index.ts';
import { SimulatedRunner } from '../src/sandbox/runner/simulated-runner.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const preload = fileURLToPath(new URL('report-rss.mjs', import.meta.url));
const NODE_OPTIONS = `--import=${preload}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function peakRssMiB(stderr: string): number {
  const match = /bench-max-rss-kib=(\d+)/.exec(stderr);
  if (!match) throw new Error('the measured process did not report its RSS');
  return Number(match[1]) / 1024;
}

function runBare(): Promise<{ ms: number; rss: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_OPTIONS }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', () => resolve({ ms: performance.now() - started, rss: peakRssMiB(stderr) }));
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

const sandbox = await startSandbox();
const runner = await SimulatedRunner.create({ env: { ...sandbox.runnerEnv(), NODE_OPTIONS } });
try {
  const policy = (await readFile(new URL('../demo/policy.yml', import.meta.url), 'utf8')).replaceAll('{{issuer}}', sandbox.issuer.url);
  await mkdir(join(runner.workspace, '.github'));
  await writeFile(join(runner.workspace, '.github', 'ci-oidc-broker.yml'), policy);
  const inputs = { issuer: sandbox.issuer.url, 'aws-region': 'us-east-1', 'role-to-assume': 'arn:aws:iam::111122223333:role/ci-deploy' };

  const bare = { ms: [] as number[], rss: [] as number[] };
  const main = { ms: [] as number[], rss: [] as number[] };
  // One unmeasured run of each warms the file-system cache, as a runner's second job would be.
  await runBare();
  await runner.runMain('dist/main/index.js', inputs);
  for (let i = 0; i < RUNS; i++) {
    const b = await runBare();
    bare.ms.push(b.ms);
    bare.rss.push(b.rss);
    const started = performance.now();
    const step = await runner.runMain('dist/main/index.js', inputs);
    main.ms.push(performance.now() - started);
    if (step.exitCode !== 0) throw new Error(`main step failed on run ${i + 1}:\n${step.log.join('\n')}`);
    main.rss.push(peakRssMiB(step.stderr));
  }

  const mainBytes = (await stat('dist/main/index.js')).size;
  const mainDirBytes = await bytesUnder('dist/main');
  const overhead = median(main.ms) - median(bare.ms);
  console.log(`runs: ${RUNS} (Node ${process.version}, sandbox on 127.0.0.1)`);
  console.log(`node -e 0            median ${median(bare.ms).toFixed(1)} ms   peak RSS ${Math.max(...bare.rss).toFixed(1)} MiB`);
  console.log(`dist/main (AWS path) median ${median(main.ms).toFixed(1)} ms   peak RSS ${Math.max(...main.rss).toFixed(1)} MiB`);
  console.log(`main step above node -e 0: ${overhead.toFixed(1)} ms (target <= 90 ms)`);
  console.log(`peak RSS of the main step: ${Math.max(...main.rss).toFixed(1)} MiB (target <= 60 MiB)`);
  console.log(`dist/main/index.js: ${(mainBytes / 1e6).toFixed(3)} MB; dist/main/ in all (lazy chunks included): ${(mainDirBytes / 1e6).toFixed(3)} MB (target <= 1.2 MB)`);
} finally {
  await runner.dispose();
  await sandbox.close();
}
