// Load on the broker service, in three layouts: one instance on SQLite, one on PostgreSQL, and two on
// one PostgreSQL behind a round-robin client (autocannon spreads its connections over both), the
// PostgreSQL layouts with their rate limits in Redis. For each: exchanges per second and p50/p99 latency
// at a fixed concurrency; the brokers' own CPU time per exchange; where an exchange's time goes (the
// steps that wait outside the broker, from its broker_exchange_step_seconds histogram, and, profiled,
// how its CPU time splits between verification, the store, the mint, HTTP...); and the STS emulator's
// CPU time per exchange. Every broker runs in a child process of its own, and so does the sandbox
// (issuer and STS emulator), so that each CPU figure is its owner's alone; this process is the load
// generator. All on loopback. Prints figures; asserts nothing.
//
//   npm run bench:broker
//   BENCH_LAYOUTS     sqlite,postgres,postgres-2 (the default: all three), or some of them
//   BENCH_EXCHANGES   exchanges measured per run (3000), after BENCH_WARMUP more (300) that warm the JIT,
//                     the connection pools and the JWKS cache
//   BENCH_CONNECTIONS concurrent clients (16)
//   BENCH_DURABILITY  SQLite's: full (the broker's default) or process; PostgreSQL syncs its commits too
//   BENCH_LOG_LEVEL   the brokers' log-level: info (the default, as in production), or warn to see what
//                     the per-request log lines cost; the logs go to /dev/null
//   BENCH_PROFILE=DIR profiles the brokers during the measured part, splits their CPU time by part and
//                     leaves the profiles in DIR, for Chrome's DevTools
//   BENCH_BASELINE=DIR another checkout of this project (`git archive REV | tar -x -C DIR`, with a
//                     node_modules link): each layout then runs alternately on it (A) and on this one (B),
//                     BENCH_ROUNDS times (3), and a last table compares the medians. On a machine that
//                     others load too, only such alternating ratios mean much.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { REVOKER_ACTIONS } from '../src/providers/aws/session-denial.ts';
import { SANDBOX_ACCOUNT_ID, startSandbox } from '../src/sandbox/index.ts';
import { createDatabase, startPostgres, startRedis } from '../test/setup/servers.ts';

const EXCHANGES = Number(process.env.BENCH_EXCHANGES ?? 3000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURABILITY = process.env.BENCH_DURABILITY ?? 'full';
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'info';
const PROFILE = process.env.BENCH_PROFILE && resolve(process.env.BENCH_PROFILE);
const BASELINE = process.env.BENCH_BASELINE && resolve(process.env.BENCH_BASELINE);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (BASELINE ? 3 : 1));
const LAYOUT_NAMES = (process.env.BENCH_LAYOUTS ?? 'sqlite,postgres,postgres-2').split(',');
const AUDIENCE = 'https://broker.bench';
const DEPLOY_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/deploy`;
const BROKER_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-oidc-broker`;
const THIS_CHECKOUT = resolve(import.meta.dirname, '..');

/** The slice of autocannon's API used here; the package ships no types. */
interface LoadResult {
  duration: number;
  non2xx: number;
  errors: number;
  latency: { p50: number; p99: number };
  requests: { total: number };
}
type Autocannon = (options: {
  url: string[];
  connections: number;
  amount: number;
  requests: Array<{ method: 'POST'; path: string; body: string; headers: Record<string, string>; setupRequest: (request: { headers: Record<string, string> }) => { headers: Record<string, string> } }>;
}) => PromiseLike<LoadResult> & { on(event: 'response', listener: () => void): void };

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };
/** What this process asks of a child: to start counting (after the warm-up), or to report and exit. */
type Request = { do: 'start' } | { do: 'report' } | { do: 'mint'; count: number };
type SandboxReply = { issuer: string; sts: string; credentials: Credentials } | { tokens: string[] } | { cpuMicros: number };
type BrokerReply = { url: string } | { started: true } | { cpuMicros: number; metrics: string; profile: string | undefined };

const role = process.argv[2];
if (role === '--broker') await brokerChild(process.argv[3]!, process.argv[4]!);
else if (role === '--sandbox') await sandboxChild();
else await measure();

/** A broker alone in its process, so that its CPU time is its own; started from `checkout`. */
async function brokerChild(checkout: string, configPath: string): Promise<void> {
  const { startBroker } = (await import(pathToFileURL(join(checkout, 'src/service/start.ts')).href)) as typeof import('../src/service/start.ts');
  const broker = await startBroker(configPath, { awsCredentials: JSON.parse(process.env.BENCH_BROKER_CREDENTIALS!) as Credentials, port: 0 });
  const profiler = new Session();
  let baseline = process.cpuUsage();
  const metrics = async (): Promise<string> => (await fetch(`${broker.url}/metrics`)).text();
  let before = '';
  reply<BrokerReply>({ url: broker.url });
  process.on('message', (message: Request) =>
    void (async () => {
      if (message.do === 'start') {
        if (PROFILE) {
          profiler.connect();
          await profiler.post('Profiler.enable');
          await profiler.post('Profiler.start');
        }
        before = await metrics();
        baseline = process.cpuUsage();
        reply<BrokerReply>({ started: true });
      } else if (message.do === 'report') {
        const used = process.cpuUsage(baseline);
        const profile = PROFILE ? JSON.stringify((await profiler.post('Profiler.stop')).profile) : undefined;
        const after = await metrics();
        await broker.close();
        reply<BrokerReply>({ cpuMicros: used.user + used.system, metrics: diffMetrics(before, after), profile }, () => process.exit(0));
      }
    })(),
  );
}

/** The issuer and the STS emulator, in their own process so that the emulator's CPU time can be told apart. */
async function sandboxChild(): Promise<void> {
  const sandbox = await startSandbox({
    roles: [
      { name: 'ci-oidc-broker', trustPolicy: { Statement: [] }, permissions: { revoke: { Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: DEPLOY_ROLE }] } } },
      { name: 'deploy', trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: BROKER_ROLE }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }] } },
    ],
  });
  const issued = sandbox.aws.issueRoleCredentials('ci-oidc-broker');
  let baseline = process.cpuUsage();
  reply<SandboxReply>({ issuer: sandbox.issuer.url, sts: sandbox.aws.url, credentials: { accessKeyId: issued.accessKeyId, secretAccessKey: issued.secretAccessKey, sessionToken: issued.sessionToken } });
  process.on('message', (message: Request) =>
    void (async () => {
      if (message.do === 'mint') {
        // Every exchange needs a token of its own: a second use is refused as a replay.
        const tokens = await Promise.all(Array.from({ length: message.count }, () => sandbox.issuer.mint({ audience: AUDIENCE, lifetimeSeconds: 3600 })));
        // The issuer keeps what it minted, for leak scans; a long bench would hold them all.
        sandbox.issuer.minted.length = 0;
        reply<SandboxReply>({ tokens });
      } else if (message.do === 'start') {
        baseline = process.cpuUsage();
      } else {
        const used = process.cpuUsage(baseline);
        reply<SandboxReply>({ cpuMicros: used.user + used.system });
      }
    })(),
  );
  process.once('disconnect', () => void sandbox.close());
}

function reply<T>(message: T, then?: () => void): void {
  process.send!(message, undefined, {}, () => then?.());
}

/** A child process and the next message it sends. */
function child<T>(args: string[], env: NodeJS.ProcessEnv = {}): { process: ChildProcess; next: () => Promise<T>; ask: (request: Request) => Promise<T> } {
  // A broker's stdout is its JSON log: written, as in production, and dropped.
  const forked = fork(import.meta.filename, args, { env: { ...process.env, ...env }, stdio: ['ignore', args[0] === '--broker' ? 'ignore' : 'inherit', 'inherit', 'ipc'] });
  const next = (): Promise<T> =>
    new Promise((resolve, reject) => {
      const exited = (code: number | null): void => reject(new Error(`a bench child (${args[0]}) exited with ${code}`));
      forked.once('exit', exited);
      forked.once('message', (message) => {
        forked.off('exit', exited);
        resolve(message as T);
      });
    });
  return { process: forked, next, ask: (request) => (forked.send(request), next()) };
}

interface Layout {
  name: string;
  instances: number;
  store: string;
  redis: boolean;
  /** The PostgreSQL database, whose WAL says how much each exchange writes. */
  database?: string;
}

interface Figures {
  /** Exchanges refused or failed: a run with any is left out of the medians. */
  refused: number;
  exchangesPerSecond: number;
  p50: number;
  p99: number;
  brokerCpuMs: number;
  emulatorCpuMs: number;
}

async function measure(): Promise<void> {
  const sandbox = child<SandboxReply>(['--sandbox']);
  const started = await sandbox.next();
  if (!('issuer' in started)) throw new Error('the sandbox did not start');
  const needsServers = LAYOUT_NAMES.some((name) => name.startsWith('postgres'));
  const [postgres, redis] = needsServers ? await Promise.all([startPostgres({ durable: true }), startRedis()]) : [];
  const dir = mkdtempSync(join(tmpdir(), 'broker-bench-'));
  try {
    writeFileSync(join(dir, 'policy.yml'), `version: 1\nissuers: ["${started.issuer}"]\nrules:\n  - name: deploy\n    match: {repository: octo-org/app}\n    grant: {aws: {roles: [${DEPLOY_ROLE}]}}\n`);
    const all: Record<string, () => Promise<Layout>> = {
      sqlite: async () => ({ name: 'one SQLite instance', instances: 1, store: `{sqlite: broker-${Date.now()}.db, durability: ${DURABILITY}}`, redis: false }),
      postgres: async () => postgresLayout('one PostgreSQL instance', 1, await createDatabase(postgres!.url)),
      'postgres-2': async () => postgresLayout('two PostgreSQL instances, round-robin', 2, await createDatabase(postgres!.url)),
    };
    const unknown = LAYOUT_NAMES.filter((name) => !(name in all));
    if (unknown.length > 0) throw new Error(`BENCH_LAYOUTS: unknown ${unknown.join(', ')}; the layouts are ${Object.keys(all).join(', ')}`);
    console.log(
      `broker load: ${CONNECTIONS} connections, ${EXCHANGES} exchanges per run after ${WARMUP} to warm up, SQLite durability ${DURABILITY}, log-level ${LOG_LEVEL}, all on loopback with the sandbox's STS emulator` +
        (BASELINE ? `; A = ${BASELINE}, B = ${THIS_CHECKOUT}, alternately, ${ROUNDS} rounds` : ''),
    );
    const results = new Map<string, Figures[]>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of LAYOUT_NAMES) {
        // A then B, then B then A: a drift in the machine's load weighs on both alike.
        const variants = BASELINE ? (round % 2 === 0 ? [['A', BASELINE], ['B', THIS_CHECKOUT]] : [['B', THIS_CHECKOUT], ['A', BASELINE]]) : [['', THIS_CHECKOUT]];
        for (const [variant, checkout] of variants as Array<[string, string]>) {
          const layout = await all[name]!();
          const label = `${layout.name}${variant && ` (${variant})`}`;
          const figures = await run(layout, label, checkout, { dir, sandbox, started, redisUrl: redis?.url });
          results.set(label, [...(results.get(label) ?? []), figures]);
        }
      }
    }
    if (ROUNDS > 1) summarise(results);
  } finally {
    sandbox.process.disconnect();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

function postgresLayout(name: string, instances: number, database: string): Layout {
  return { name, instances, store: `{postgres: "${database}"}`, redis: true, database };
}

/** Where the database's write-ahead log ends: what every commit, on any database of the server, has written. */
async function walPosition(database: string): Promise<bigint> {
  const client = new pg.Client(database);
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes");
    return BigInt(rows[0]!.bytes);
  } finally {
    await client.end();
  }
}

async function run(
  layout: Layout,
  label: string,
  checkout: string,
  context: { dir: string; sandbox: ReturnType<typeof child<SandboxReply>>; started: Extract<SandboxReply, { issuer: string }>; redisUrl: string | undefined },
): Promise<Figures> {
  const { dir, sandbox, started } = context;
  // Far above any run's count: every run of a bench shares one Redis, and so its counters.
  const unlimited = '{requests: 1000000000, per: 1h}';
  const config = join(dir, `${label.replace(/\W+/g, '-')}.yml`);
  writeFileSync(
    config,
    `audience: ${AUDIENCE}\nissuers: ["${started.issuer}"]\npolicy: {file: policy.yml}\naws: {region: us-east-1, endpoint: "${started.sts}"}\nstore: ${layout.store}\nbehind-proxy: true\nlog-level: ${LOG_LEVEL}\nrate-limits: {${layout.redis ? `redis: "${context.redisUrl}", ` : ''}repository: ${unlimited}, owner: ${unlimited}, issuer: ${unlimited}}\n`,
  );
  const minted = await sandbox.ask({ do: 'mint', count: EXCHANGES + WARMUP });
  if (!('tokens' in minted)) throw new Error('the sandbox minted no tokens');
  const brokers = Array.from({ length: layout.instances }, () => child<BrokerReply>(['--broker', checkout, config], { BENCH_BROKER_CREDENTIALS: JSON.stringify(started.credentials) }));
  // Started one after the other, so that the second finds the schema migrated.
  const urls: string[] = [];
  for (const broker of brokers) {
    const ready = await broker.next();
    if (!('url' in ready)) throw new Error('a broker did not say where it listens');
    urls.push(ready.url);
  }
  const tokens = minted.tokens;
  // autocannon notices that `amount` is done only at its next one-second tick, so its own duration is
  // rounded up to whole seconds; the rate is taken from the first request to the last answer instead.
  const load = async (amount: number): Promise<LoadResult & { seconds: number }> => {
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    const body = JSON.stringify({ aws: {} });
    const started = performance.now();
    let answered = started;
    const run = autocannon({
      url: urls,
      connections: CONNECTIONS,
      amount,
      requests: [{ method: 'POST', path: '/v1/exchange', body, headers: { 'content-type': 'application/json' }, setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens.pop()}` } }) }],
    });
    run.on('response', () => {
      answered = performance.now();
    });
    const result = await run;
    return { ...result, seconds: (answered - started) / 1000 };
  };
  if (WARMUP > 0) await load(WARMUP);
  for (const broker of brokers) await broker.ask({ do: 'start' });
  sandbox.process.send({ do: 'start' } satisfies Request);
  const walBefore = layout.database && (await walPosition(layout.database));
  const result = await load(EXCHANGES);
  const walBytes = layout.database && walBefore !== undefined && (await walPosition(layout.database)) - BigInt(walBefore);
  const emulator = await sandbox.ask({ do: 'report' });
  const reports = [];
  for (const broker of brokers) {
    const report = await broker.ask({ do: 'report' });
    if (!('cpuMicros' in report)) throw new Error('a broker did not report its CPU time');
    reports.push(report);
  }
  const ok = result.requests.total - result.non2xx - result.errors;
  const perExchange = (micros: number): number => micros / 1000 / Math.max(ok, 1);
  const figures: Figures = {
    refused: result.non2xx + result.errors,
    exchangesPerSecond: ok / result.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    brokerCpuMs: perExchange(reports.reduce((sum, r) => sum + r.cpuMicros, 0)),
    emulatorCpuMs: 'cpuMicros' in emulator ? perExchange(emulator.cpuMicros) : Number.NaN,
  };
  console.log(`${label}: ${result.requests.total} exchanges (${ok} issued, ${result.non2xx} non-2xx, ${result.errors} errors)`);
  console.log(`  exchanges/s            ${figures.exchangesPerSecond.toFixed(0)}`);
  console.log(`  latency p50 / p99      ${figures.p50} ms / ${figures.p99} ms`);
  console.log(`  broker CPU/exchange    ${figures.brokerCpuMs.toFixed(2)} ms (user + system, the brokers' processes, summed)`);
  console.log(`  emulator CPU/exchange  ${figures.emulatorCpuMs.toFixed(2)} ms (the sandbox's process: STS emulator and issuer)`);
  console.log(`  time in the broker     ${stepTimes(reports.map((r) => r.metrics))}`);
  if (typeof walBytes === 'bigint') console.log(`  PostgreSQL WAL         ${(Number(walBytes) / Math.max(ok, 1) / 1024).toFixed(1)} KiB per exchange, its commits and rows (this server holds nothing else)`);
  const profiles = reports.flatMap((r) => (r.profile ? [JSON.parse(r.profile) as CpuProfile] : []));
  if (PROFILE) {
    mkdirSync(PROFILE, { recursive: true });
    reports.forEach((r, index) => writeFileSync(join(PROFILE, `${label.replace(/\W+/g, '-')}-${Date.now()}-${index}.cpuprofile`), r.profile ?? ''));
  }
  // Sampled time on the brokers' main threads, so a blocking call (SQLite's fsync) counts as its caller's.
  if (profiles.length > 0) console.log(`  broker busy time       ${breakdown(profiles)}`);
  return figures;
}

/** The exchange's mean wall time in all, and in each step that waits outside the broker. */
function stepTimes(reports: readonly string[]): string {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const text of reports) {
    for (const match of text.matchAll(/^(broker_exchange_(?:step|duration)_seconds)_(sum|count)\{([^}]*)\} (\S+)$/gm)) {
      const [, series, kind, labels, value] = match as unknown as [string, string, 'sum' | 'count', string, string];
      if (series.includes('duration') && labels !== 'outcome="issued"') continue;
      const step = series.includes('duration') ? 'exchange' : /step="([^"]+)"/.exec(labels)![1]!;
      const entry = sums.get(step) ?? { sum: 0, count: 0 };
      entry[kind] += Number(value);
      sums.set(step, entry);
    }
  }
  const mean = (step: string): string => {
    const entry = sums.get(step);
    return entry && entry.count > 0 ? `${((entry.sum / entry.count) * 1000).toFixed(2)} ms` : 'n/a';
  };
  const steps = [...sums.keys()].filter((step) => step !== 'exchange');
  if (steps.length === 0) return `${mean('exchange')} per exchange (this broker times no steps)`;
  return `${mean('exchange')} per exchange, of which ${steps.map((step) => `${step} ${mean(step)}`).join(', ')}; the rest is verification, policy and waiting for the event loop`;
}

/** The histograms' sums and counts at the end, less those at the start: the measured part alone. */
function diffMetrics(before: string, after: string): string {
  const start = new Map([...before.matchAll(/^(\S+_(?:sum|count)\{[^}]*\}) (\S+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
  return [...after.matchAll(/^(\S+_(?:sum|count)\{[^}]*\}) (\S+)$/gm)].map((m) => `${m[1]} ${Number(m[2]) - (start.get(m[1]!) ?? 0)}`).join('\n');
}

function summarise(results: Map<string, Figures[]>): void {
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`\nmedians over ${ROUNDS} rounds`);
  console.log('layout'.padEnd(48) + 'exch/s'.padStart(8) + 'p50 ms'.padStart(8) + 'p99 ms'.padStart(8) + 'broker CPU ms'.padStart(15) + 'emulator CPU ms'.padStart(17));
  for (const [label, all] of results) {
    const runs = all.filter((figures) => figures.refused === 0);
    if (runs.length < all.length) console.log(`${label}: ${all.length - runs.length} of ${all.length} runs left out, with exchanges refused or failed`);
    if (runs.length === 0) continue;
    const m = (pick: (f: Figures) => number, digits = 0): string => median(runs.map(pick)).toFixed(digits);
    console.log(label.padEnd(48) + m((f) => f.exchangesPerSecond).padStart(8) + m((f) => f.p50).padStart(8) + m((f) => f.p99).padStart(8) + m((f) => f.brokerCpuMs, 2).padStart(15) + m((f) => f.emulatorCpuMs, 2).padStart(17));
  }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** The brokers' CPU profiles, summed by part: how much of the busy time each took. */
function breakdown(profiles: readonly CpuProfile[]): string {
  // Where a sample of the brokers' CPU belongs: the innermost frame on its stack from a part named here;
  // Node's own frames (sockets, timers) count for whoever called them.
  const PARTS: ReadonlyArray<[string, RegExp]> = [
    ['verification', /node_modules\/jose\/|\/src\/oidc\//],
    ['store', /node_modules\/pg(-[a-z]+)?\/|\/src\/service\/store\//],
    ['rate limits', /node_modules\/(ioredis|rate-limiter-flexible)\/|\/src\/service\/rate-limits/],
    ['mint (AWS SDK)', /node_modules\/@(aws-sdk|smithy)\/|\/src\/providers\/aws\/|\/src\/service\/minters\/|\/src\/util\/aws-/],
    ['policy', /\/src\/(policy|core)\/|node_modules\/(@bufbuild|re2js)\//],
    ['metrics', /node_modules\/prom-client\//],
    ['HTTP, JSON and logs', /node_modules\/(fastify|@fastify|find-my-way|avvio|pino|fast-json-stringify|secure-json-parse|light-my-request)\/|\/src\/service\/(app|bearer|schemas)\.ts/],
  ];
  const totals = new Map<string, number>();
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const partOf = new Map<number, string>();
    // Iterative, since a deep stack would overflow a recursive walk; a stack is at most as deep as the tree.
    const classify = (start: number): string => {
      const path: number[] = [];
      let part: string | undefined;
      for (let id: number | undefined = start; id !== undefined && path.length <= profile.nodes.length; id = parent.get(id)) {
        part = partOf.get(id);
        if (part) break;
        const { url, functionName } = byId.get(id)!.callFrame;
        part = functionName === '(idle)' ? 'idle' : functionName === '(garbage collector)' ? 'garbage collection' : PARTS.find(([, pattern]) => pattern.test(url))?.[0];
        path.push(id);
        if (part) break;
      }
      part ??= 'Node alone (its HTTP server, sockets, timers)';
      for (const id of path) partOf.set(id, part);
      return part;
    };
    profile.samples.forEach((id, index) => totals.set(classify(id), (totals.get(classify(id)) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  }
  totals.delete('idle');
  const busy = [...totals.values()].reduce((sum, micros) => sum + micros, 0);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([part, micros]) => `${part} ${((micros / busy) * 100).toFixed(0)}%`)
    .join(', ');
}
