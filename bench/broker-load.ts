// Load on the broker service: exchanges per second and p50/p99 latency at a fixed concurrency, and the
// broker's own CPU time per exchange, with the broker in a child process of its own and the sandbox
// (issuer, STS) and the load generator (autocannon) in this one, all on loopback. Prints figures;
// asserts nothing.
//   npx node bench/broker-load.ts   (BENCH_EXCHANGES, BENCH_CONNECTIONS to change the load; BENCH_DURABILITY
//   full or process, the store's durability, full by default as in the broker's own default)
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REVOKER_ACTIONS } from '../src/providers/aws/session-denial.ts';
import { SANDBOX_ACCOUNT_ID, startSandbox } from '../src/sandbox/index.ts';
import { startBroker } from '../src/service/start.ts';

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
  url: string;
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

async function measure(): Promise<void> {
  const sandbox = await startSandbox({
    roles: [
      { name: 'ci-oidc-broker', trustPolicy: { Statement: [] }, permissions: { revoke: { Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: DEPLOY_ROLE }] } } },
      { name: 'deploy', trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { AWS: BROKER_ROLE }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] }] } },
    ],
  });
  const dir = mkdtempSync(join(tmpdir(), 'broker-bench-'));
  try {
    writeFileSync(join(dir, 'policy.yml'), `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: deploy\n    match: {repository: octo-org/app}\n    grant: {aws: {roles: [${DEPLOY_ROLE}]}}\n`);
    const unlimited = `{requests: ${EXCHANGES * 10}, per: 1h}`;
    writeFileSync(
      join(dir, 'broker.yml'),
      `audience: ${AUDIENCE}\nissuers: ["${sandbox.issuer.url}"]\npolicy: {file: policy.yml}\naws: {region: us-east-1, endpoint: "${sandbox.aws.url}"}\nstore: {sqlite: broker.db, durability: ${DURABILITY}}\nbehind-proxy: true\nlog-level: warn\nrate-limits: {repository: ${unlimited}, owner: ${unlimited}, issuer: ${unlimited}}\n`,
    );
    const credentials = sandbox.aws.issueRoleCredentials('ci-oidc-broker');
    // Every exchange needs a token of its own: a second use is refused as a replay.
    const tokens = await Promise.all(Array.from({ length: EXCHANGES }, () => sandbox.issuer.mint({ audience: AUDIENCE, lifetimeSeconds: 3600 })));
    const child = fork(import.meta.filename, ['--serve', join(dir, 'broker.yml')], {
      env: { ...process.env, BENCH_BROKER_CREDENTIALS: JSON.stringify({ accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // BENCH_PROFILE=DIR writes the broker's CPU profile there, to see where its time goes.
      execArgv: process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
    });
    const next = (): Promise<FromBroker> => new Promise((resolve, reject) => child.once('message', (m) => resolve(m as FromBroker)).once('exit', (code) => reject(new Error(`the broker exited with ${code}`))));
    const ready = await next();
    if (!('url' in ready)) throw new Error('the broker did not say where it listens');

    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    let sent = 0;
    const result = await autocannon({
      url: ready.url,
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
    child.send('report' satisfies ToBroker);
    const usage = await next();
    if (!('cpuMicros' in usage)) throw new Error('the broker did not report its CPU time');
    const ok = result.requests.total - result.non2xx - result.errors;
    console.log(`broker load, ${CONNECTIONS} connections, ${result.requests.total} exchanges (${ok} issued, ${result.non2xx} non-2xx, ${result.errors} errors), store durability ${DURABILITY}, everything on loopback`);
    console.log(`  exchanges/s          ${(ok / result.duration).toFixed(0)}`);
    console.log(`  latency p50 / p99    ${result.latency.p50} ms / ${result.latency.p99} ms`);
    console.log(`  broker CPU/exchange  ${(usage.cpuMicros / 1000 / Math.max(ok, 1)).toFixed(2)} ms (user + system, the broker's process only)`);
  } finally {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
