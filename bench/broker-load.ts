// Load on the broker service, in three layouts: one instance on SQLite, one on PostgreSQL, and two on
// one PostgreSQL behind a round-robin client (autocannon spreads its connections over both), the
// PostgreSQL layouts with their rate limits in Redis. For each: exchanges per second and p50/p99 latency
// at a fixed concurrency, and the brokers' own CPU time per exchange, each broker in a child process of
// its own; the sandbox (issuer, STS emulator) and the load generator share this one, all on loopback.
// Prints figures; asserts nothing.
//   npx node bench/broker-load.ts   (BENCH_EXCHANGES, BENCH_CONNECTIONS to change the load; BENCH_DURABILITY
//   full or process, SQLite's durability, full by default as in the broker's own default; PostgreSQL
//   syncs its commits too. BENCH_PROFILE=DIR profiles the brokers and says where their CPU time goes.)
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REVOKER_ACTIONS } from '../src/providers/aws/session-denial.ts';
import { SANDBOX_ACCOUNT_ID, startSandbox } from '../src/sandbox/index.ts';
import { startBroker } from '../src/service/start.ts';
import { createDatabase, startPostgres, startRedis } from '../test/setup/servers.ts';

const EXCHANGES = Number(process.env.BENCH_EXCHANGES ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const DURABILITY = process.env.BENCH_DURABILITY ?? 'full';
const AUDIENCE = 'https://broker.bench';
const DEPLOY_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/deploy`;
const BROKER_ROLE = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-oidc-broker`;

/** The slice of autocannon's API used here; the package ships no types. */
interface LoadResult {
  duration: number;
  non2xx: number;
  errors: number;
  latency: { p50: number; p99: number; average: number };
  requests: { total: number };
}
type Autocannon = (options: {
  url: string[];
  connections: number;
  amount: number;
  requests: Array<{ method: 'POST'; path: string; body: string; headers: Record<string, string>; setupRequest: (request: { headers: Record<string, string> }) => { headers: Record<string, string> } }>;
}) => Promise<LoadResult>;

type ToBroker = 'report';
type FromBroker = { url: string } | { cpuMicros: number };

if (process.argv[2] === '--serve') await serve(process.argv[3]!);
else await measure();

/** The child: the broker alone in its process, so that its CPU time is its own. */
async function serve(configPath: string): Promise<void> {
  const broker = await startBroker(configPath, { awsCredentials: JSON.parse(process.env.BENCH_BROKER_CREDENTIALS!) as { accessKeyId: string; secretAccessKey: string; sessionToken: string }, port: 0 });
  const baseline = process.cpuUsage();
  process.send!({ url: broker.url } satisfies FromBroker);
  process.on('message', (message: ToBroker) => {
    if (message !== 'report') return;
    const used = process.cpuUsage(baseline);
    process.send!({ cpuMicros: used.user + used.system } satisfies FromBroker, () => void broker.close().then(() => process.exit(0)));
  });
}

interface Layout {
  name: string;
  instances: number;
  store: string;
  redis: boolean;
}

async function measure(): Promise<void> {
  const sandbox = await startSandbox({
    roles: [
      { name: 'ci-oidc-broker', trustPolicy: { Statement: [] }, permissions: { revoke: { Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: DEPLOY_ROLE }] } } },
      { name: 'deploy', trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: BROKER_ROLE }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }] } },
    ],
  });
  const [postgres, redis] = await Promise.all([startPostgres({ durable: true }), startRedis()]);
  const dir = mkdtempSync(join(tmpdir(), 'broker-bench-'));
  try {
    writeFileSync(join(dir, 'policy.yml'), `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: deploy\n    match: {repository: octo-org/app}\n    grant: {aws: {roles: [${DEPLOY_ROLE}]}}\n`);
    const credentials = sandbox.aws.issueRoleCredentials('ci-oidc-broker');
    const layouts: Layout[] = [
      { name: 'one SQLite instance', instances: 1, store: `{sqlite: broker.db, durability: ${DURABILITY}}`, redis: false },
      { name: 'one PostgreSQL instance', instances: 1, store: `{postgres: "${await createDatabase(postgres.url)}"}`, redis: true },
      { name: 'two PostgreSQL instances, round-robin', instances: 2, store: `{postgres: "${await createDatabase(postgres.url)}"}`, redis: true },
    ];
    console.log(`broker load, ${CONNECTIONS} connections, ${EXCHANGES} exchanges per layout, SQLite durability ${DURABILITY}, everything on loopback with the sandbox's STS emulator`);
    for (const layout of layouts) await run(layout, { dir, sandbox, credentials, redisUrl: redis.url });
  } finally {
    await Promise.all([postgres.destroy(), redis.destroy(), sandbox.close()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(layout: Layout, context: { dir: string; sandbox: Awaited<ReturnType<typeof startSandbox>>; credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string }; redisUrl: string }): Promise<void> {
  const { dir, sandbox, credentials } = context;
  const unlimited = `{requests: ${EXCHANGES * 10}, per: 1h}`;
  const config = join(dir, `${layout.name.replace(/\W+/g, '-')}.yml`);
  writeFileSync(
    config,
    `audience: ${AUDIENCE}\nissuers: ["${sandbox.issuer.url}"]\npolicy: {file: policy.yml}\naws: {region: us-east-1, endpoint: "${sandbox.aws.url}"}\nstore: ${layout.store}\nbehind-proxy: true\nlog-level: warn\nrate-limits: {${layout.redis ? `redis: "${context.redisUrl}", ` : ''}repository: ${unlimited}, owner: ${unlimited}, issuer: ${unlimited}}\n`,
  );
  // Every exchange needs a token of its own: a second use is refused as a replay.
  const tokens = await Promise.all(Array.from({ length: EXCHANGES }, () => sandbox.issuer.mint({ audience: AUDIENCE, lifetimeSeconds: 3600 })));
  const profiles = process.env.BENCH_PROFILE && join(process.env.BENCH_PROFILE, config.replace(/.*\//, '').replace('.yml', ''));
  if (profiles) mkdirSync(profiles, { recursive: true });
  const brokers = Array.from({ length: layout.instances }, () => {
    const child = fork(import.meta.filename, ['--serve', config], {
      env: { ...process.env, BENCH_BROKER_CREDENTIALS: JSON.stringify({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: profiles ? ['--cpu-prof', `--cpu-prof-dir=${profiles}`] : [],
    });
    const next = (): Promise<FromBroker> => new Promise((resolve, reject) => child.once('message', (m) => resolve(m as FromBroker)).once('exit', (code) => reject(new Error(`a broker exited with ${code}`))));
    return { child, next };
  });
  // Started one after the other, so that the second finds the schema migrated.
  const urls: string[] = [];
  for (const broker of brokers) {
    const ready = await broker.next();
    if (!('url' in ready)) throw new Error('a broker did not say where it listens');
    urls.push(ready.url);
  }

  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  let sent = 0;
  const benchCpu = process.cpuUsage();
  const result = await autocannon({
    url: urls,
    connections: CONNECTIONS,
    amount: EXCHANGES,
    requests: [
      {
        method: 'POST',
        path: '/v1/exchange',
        body: JSON.stringify({ aws: {} }),
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[sent++ % tokens.length]}` } }),
      },
    ],
  });
  const benchUsed = process.cpuUsage(benchCpu);
  let cpuMicros = 0;
  for (const broker of brokers) {
    const reported = broker.next();
    broker.child.send('report' satisfies ToBroker);
    const usage = await reported;
    if (!('cpuMicros' in usage)) throw new Error('a broker did not report its CPU time');
    cpuMicros += usage.cpuMicros;
    await new Promise((resolve) => broker.child.once('exit', resolve));
  }
  const ok = result.requests.total - result.non2xx - result.errors;
  const perExchange = (micros: number): string => `${(micros / 1000 / Math.max(ok, 1)).toFixed(2)} ms`;
  console.log(`${layout.name}: ${result.requests.total} exchanges (${ok} issued, ${result.non2xx} non-2xx, ${result.errors} errors)`);
  console.log(`  exchanges/s          ${(ok / result.duration).toFixed(0)}`);
  console.log(`  latency p50 / p99    ${result.latency.p50} ms / ${result.latency.p99} ms`);
  console.log(`  broker CPU/exchange  ${perExchange(cpuMicros)} (user + system, the brokers' processes only, summed)`);
  console.log(`  bench CPU/exchange   ${perExchange(benchUsed.user + benchUsed.system)} (this process: the load client and the STS emulator)`);
  // Sampled time on the brokers' main threads, so a blocking call (SQLite's fsync) counts as its caller's.
  if (profiles) console.log(`  broker busy time     ${breakdown(profiles)}`);
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** The brokers' CPU profiles, summed by part: how much of the busy time each took. */
function breakdown(folder: string): string {
  // Where a sample of the brokers' CPU belongs: the innermost frame on its stack from a part named here;
  // Node's own frames (sockets, timers) count for whoever called them.
  const PARTS: ReadonlyArray<[string, RegExp]> = [
    ['verification', /node_modules\/jose\/|\/src\/oidc\//],
    ['store', /node_modules\/pg(-[a-z]+)?\/|\/src\/service\/store\//],
    ['rate limits', /node_modules\/(ioredis|rate-limiter-flexible)\/|\/src\/service\/rate-limits/],
    ['mint (AWS SDK)', /node_modules\/@(aws-sdk|smithy)\/|\/src\/providers\/aws\/|\/src\/service\/minters\//],
    ['policy', /\/src\/(policy|core)\/|node_modules\/(@bufbuild|re2js)\//],
    ['HTTP, JSON and logs', /node_modules\/(fastify|@fastify|find-my-way|avvio|pino|fast-json-stringify|secure-json-parse|light-my-request)\/|\/src\/service\/(app|bearer|schemas)\.ts/],
  ];
  const totals = new Map<string, number>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(folder, file), 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const partOf = new Map<number, string>();
    const classify = (id: number): string => {
      const known = partOf.get(id);
      if (known) return known;
      const { url, functionName } = byId.get(id)!.callFrame;
      const part = functionName === '(idle)' ? 'idle' : functionName === '(garbage collector)' ? 'garbage collection' : (PARTS.find(([, pattern]) => pattern.test(url))?.[0] ?? (parent.has(id) ? classify(parent.get(id)!) : 'Node alone (its HTTP server, sockets, timers)'));
      partOf.set(id, part);
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
