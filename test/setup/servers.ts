// Real Redis and PostgreSQL servers for the tests, each on an ephemeral loopback port in a temporary
// folder of its own. jest's global setup starts one of each for the whole run; a test that takes a
// server down (an outage test) starts a private one, so that it never disturbs the tests beside it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where global setup leaves the shared servers' URLs for the tests. */
export const POSTGRES_URL_ENV = 'BROKER_TEST_POSTGRES_URL';
export const REDIS_URL_ENV = 'BROKER_TEST_REDIS_URL';

export const INSTALL_COMMAND = `${process.getuid?.() === 0 ? '' : 'sudo '}apt-get install -y redis-server postgresql`;

export interface LocalServer {
  url: string;
  /** Takes the server down, as an outage would: its clients see connections refused. */
  stop(): Promise<void>;
  /** Brings it back on the same port, with the same data. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder. */
  destroy(): Promise<void>;
}

/** Throws at once, with the command that fixes it, where the Debian packages are missing. */
export function checkServerPackages(): void {
  const missing = [...(postgresBin() ? [] : ['postgresql']), ...(onPath('redis-server') ? [] : ['redis-server'])];
  if (missing.length > 0) throw new Error(`The tests need ${missing.join(' and ')} from Debian, which this machine lacks. Install them with:\n  ${INSTALL_COMMAND}`);
}

export async function startRedis(): Promise<LocalServer> {
  const dir = mkdtempSync(join(tmpdir(), 'broker-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    await listening(port);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise((resolve) => running.once('exit', resolve).kill('SIGKILL'));
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, destroy: async () => (await stop(), rmSync(dir, { recursive: true, force: true })) };
}

/** `durable` keeps fsync on, for figures that compare with a SQLite that syncs; the tests go without. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<LocalServer> {
  const bin = postgresBin();
  if (!bin) throw new Error(`PostgreSQL is not installed; ${INSTALL_COMMAND}`);
  const dir = mkdtempSync(join(tmpdir(), 'broker-postgres-'));
  const data = join(dir, 'data');
  // fsync=off loses nothing when the server alone dies (the kernel still holds the writes), only on a
  // power cut; synchronous commits stay on, since the outage tests kill the server and count its rows.
  const syncing = options.durable ? '' : ' -c fsync=off -c full_page_writes=off';
  // PostgreSQL refuses to run as root: as root, its own Debian user runs it and owns the folder, which
  // also holds the socket.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, uid('postgres'), uid('postgres', 'g'));
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] as const : [join(bin, tool), args] as const;
    const result = spawnSync(command[0], command[1], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${syncing}`;
  const start = async (): Promise<void> => run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = async (): Promise<void> => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  await start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: async () => {
      await stop().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, empty database on the server whose admin URL is given; returns its URL. */
export async function createDatabase(adminUrl: string): Promise<string> {
  const name = `broker_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The shared server's URL from global setup; a test without it fails, as a skipped one would count. */
export function sharedServerUrl(name: typeof POSTGRES_URL_ENV | typeof REDIS_URL_ENV): string {
  const url = process.env[name];
  if (!url) throw new Error(`${name} is not set: run the tests through jest.config.js, whose global setup starts the servers`);
  return url;
}

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

function uid(user: string, kind: 'u' | 'g' = 'u'): number {
  return Number(spawnSync('id', [`-${kind}`, user], { encoding: 'utf8' }).stdout.trim());
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function listening(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true))).once('error', () => resolve(false));
    });
    if (connected) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
