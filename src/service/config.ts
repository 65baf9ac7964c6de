import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { BrokerError, ErrorCode, type LocatedProblem } from '../errors/broker-error.ts';
import { parseDuration, STS_SESSION_SECONDS } from '../policy/duration.ts';
import { GOOGLE_ENDPOINTS } from '../providers/gcp/exchange.ts';

export type StoreDurability = 'full' | 'process';

/**
 * Where the broker keeps its state: one SQLite file (the default, for one instance), or a PostgreSQL
 * database that several instances share. SQLite's `durability: full` (the default) syncs every commit to
 * disk before the broker answers, so an audit row survives a power cut; `process` (WAL with
 * synchronous=NORMAL) leaves the sync to the OS: a commit still survives a crash of the broker, but a
 * power cut or a kernel crash can lose the last commits, audit rows of credentials already issued among them.
 */
export type StoreConfig = { kind: 'sqlite'; path: string; durability: StoreDurability } | { kind: 'postgres'; url: string };

/** How many requests a key may make per window. */
export interface RateLimit {
  requests: number;
  perSeconds: number;
}

/** The broker's configuration, checked, with paths made absolute (relative to the file). */
export interface BrokerConfig {
  /** The broker's own URL: the audience every token must be minted for. */
  audience: string;
  issuers: readonly string[];
  listen: { host: string; port: number };
  /** A file now; a central repository polled through the GitHub API is the next source. */
  policy: { file: string; root: string | undefined };
  aws: { region: string; endpoint: string | undefined; defaultDurationSeconds: number } | undefined;
  gcp: { iamCredentialsUrl: string; credentialsFile: string | undefined } | undefined;
  store: StoreConfig;
  /** Counted in this process, or with `redis`, in a Redis that several instances share. */
  rateLimits: { repository: RateLimit; owner: RateLimit; issuer: RateLimit; redis: string | undefined };
  /** Undefined only with `behindProxy`: a terminating proxy in front holds the certificate. */
  tls: { cert: string; key: string } | undefined;
  behindProxy: boolean;
  logLevel: string;
}

type Path = readonly (string | number)[];
interface Problem {
  path: Path;
  message: string;
}

const DEFAULT_RATE_LIMITS = { repository: { requests: 60, perSeconds: 60 }, owner: { requests: 600, perSeconds: 60 }, issuer: { requests: 6000, perSeconds: 60 } };
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const HINT = 'The broker configuration is YAML or JSON; its keys are described in the README section on the service.';

/** Reads and checks the `serve --config` file. Every problem is reported at once, at its file:line:column. */
export async function loadBrokerConfig(path: string): Promise<BrokerConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BrokerError(ErrorCode.InputInvalid, `The broker configuration ${path} could not be read.`, { hint: 'Give the path of an existing, readable file to --config.', cause: error });
  }
  return parseBrokerConfig(text, path);
}

export function parseBrokerConfig(text: string, path: string): BrokerConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const locate = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: path, line, column: col };
  };
  if (document.errors.length > 0) {
    throw invalid(path, document.errors.map((error) => ({ location: locate(error.pos[0]), code: 'yaml-syntax', message: error.message.split('\n')[0]!, hint: HINT })));
  }
  const data: unknown = document.toJS();
  const problems: Problem[] = [];
  const config = read(data, dirname(resolve(path)), problems);
  if (problems.length > 0 || config === undefined) {
    const located = problems.map((problem) => ({ location: locate(offsetOf(document, problem.path)), code: 'config', message: `${problem.path.join('.') || '(top level)'}: ${problem.message}`, hint: HINT }));
    throw invalid(path, located.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column));
  }
  return config;
}

function read(data: unknown, base: string, problems: Problem[]): BrokerConfig | undefined {
  const report = (path: Path, message: string): undefined => void problems.push({ path, message });
  const root = object(data, [], problems, ['audience', 'issuers', 'listen', 'policy', 'aws', 'gcp', 'store', 'rate-limits', 'tls', 'behind-proxy', 'log-level']);
  if (!root) return undefined;
  const file = (value: unknown, path: Path): string => (typeof value === 'string' && value !== '' ? resolve(base, value) : (report(path, 'must be a path'), ''));
  const optionalFile = (value: unknown, path: Path): string | undefined => (value === undefined ? undefined : file(value, path));

  const issuers = Array.isArray(root.issuers) && root.issuers.length > 0 ? root.issuers.map((issuer, index) => url(issuer, ['issuers', index], problems, true) ?? '') : (report(['issuers'], 'list at least one issuer whose tokens the broker accepts'), []);
  const listen = root.listen === undefined ? {} : object(root.listen, ['listen'], problems, ['host', 'port']);
  const port = listen?.port ?? 8443;
  if (!Number.isInteger(port) || (port as number) < 0 || (port as number) > 65535) report(['listen', 'port'], 'must be a port number, 0 to 65535');
  const policy = object(root.policy, ['policy'], problems, ['file', 'root', 'github']);
  if (policy?.github !== undefined) report(['policy', 'github'], 'a policy polled from a central repository is not supported yet; give policy.file');

  const aws = root.aws === undefined ? undefined : object(root.aws, ['aws'], problems, ['region', 'endpoint', 'default-duration']);
  const duration = aws?.['default-duration'] === undefined ? STS_SESSION_SECONDS.default : parseDuration(aws['default-duration'] as string | number);
  if (duration === undefined || duration < STS_SESSION_SECONDS.min || duration > STS_SESSION_SECONDS.max) report(['aws', 'default-duration'], 'must be from 15m (900 s) to 12h');
  if (aws && (typeof aws.region !== 'string' || aws.region === '')) report(['aws', 'region'], 'must name the region whose STS the broker calls');
  const gcp = root.gcp === undefined ? undefined : object(root.gcp, ['gcp'], problems, ['iam-credentials-url', 'credentials-file']);

  const store = readStore(root.store, file, problems);
  const limits = root['rate-limits'] === undefined ? {} : object(root['rate-limits'], ['rate-limits'], problems, ['repository', 'owner', 'issuer', 'redis']);
  const redis = limits?.redis === undefined ? undefined : connectionUrl(limits.redis, ['rate-limits', 'redis'], problems, ['redis', 'rediss']);

  const tls = root.tls === undefined ? undefined : object(root.tls, ['tls'], problems, ['cert', 'key']);
  const behindProxy = root['behind-proxy'] ?? false;
  if (typeof behindProxy !== 'boolean') report(['behind-proxy'], 'must be true or false');
  if (tls === undefined && behindProxy !== true) report([], 'give tls (cert and key), or state `behind-proxy: true` when a terminating proxy holds the certificate');
  if (tls !== undefined && behindProxy === true) report(['behind-proxy'], 'give tls or behind-proxy, not both');
  const logLevel = root['log-level'] ?? 'info';
  if (typeof logLevel !== 'string' || !LOG_LEVELS.includes(logLevel)) report(['log-level'], `must be one of ${LOG_LEVELS.join(', ')}`);

  const config: BrokerConfig = {
    audience: url(root.audience, ['audience'], problems, true) ?? '',
    issuers,
    listen: { host: typeof listen?.host === 'string' ? listen.host : '127.0.0.1', port: port as number },
    policy: { file: file(policy?.file, ['policy', 'file']), root: optionalFile(policy?.root, ['policy', 'root']) },
    aws: aws && { region: String(aws.region), endpoint: url(aws.endpoint, ['aws', 'endpoint'], problems, false), defaultDurationSeconds: duration ?? STS_SESSION_SECONDS.default },
    gcp: gcp && { iamCredentialsUrl: url(gcp['iam-credentials-url'], ['gcp', 'iam-credentials-url'], problems, false) ?? GOOGLE_ENDPOINTS.iamCredentialsUrl, credentialsFile: optionalFile(gcp['credentials-file'], ['gcp', 'credentials-file']) },
    store,
    rateLimits: {
      repository: rateLimit(limits?.repository, ['rate-limits', 'repository'], problems, DEFAULT_RATE_LIMITS.repository),
      owner: rateLimit(limits?.owner, ['rate-limits', 'owner'], problems, DEFAULT_RATE_LIMITS.owner),
      issuer: rateLimit(limits?.issuer, ['rate-limits', 'issuer'], problems, DEFAULT_RATE_LIMITS.issuer),
      redis,
    },
    tls: tls && { cert: file(tls.cert, ['tls', 'cert']), key: file(tls.key, ['tls', 'key']) },
    behindProxy: behindProxy === true,
    logLevel: String(logLevel),
  };
  return problems.length > 0 ? undefined : config;
}

/** The SQLite file a configuration names, for what opens the store beside the broker (tests, tools). */
export function sqliteFile(config: BrokerConfig): string {
  if (config.store.kind !== 'sqlite') throw new BrokerError(ErrorCode.InputInvalid, 'The broker configuration names a PostgreSQL store, not a SQLite file.', { hint: 'Open the PostgreSQL database at store.postgres instead.' });
  return config.store.path;
}

/** `{sqlite: FILE, durability?}` or `{postgres: URL}`: one or the other, each with only its own settings. */
function readStore(value: unknown, file: (value: unknown, path: Path) => string, problems: Problem[]): StoreConfig {
  const store = object(value, ['store'], problems, ['sqlite', 'durability', 'postgres']);
  const report = (path: Path, message: string): void => void problems.push({ path, message });
  if (store?.postgres !== undefined) {
    if (store.sqlite !== undefined) report(['store'], 'give sqlite or postgres, not both');
    if (store.durability !== undefined) report(['store', 'durability'], 'applies to sqlite only; PostgreSQL’s own settings (fsync, synchronous_commit) decide its durability');
    return { kind: 'postgres', url: connectionUrl(store.postgres, ['store', 'postgres'], problems, ['postgres', 'postgresql']) ?? '' };
  }
  if (store && store.sqlite === undefined) report(['store'], 'give sqlite: FILE (one instance) or postgres: URL (instances that share a database)');
  const durability = store?.durability ?? 'full';
  if (durability !== 'full' && durability !== 'process') report(['store', 'durability'], 'must be full (every commit synced to disk) or process (survives a crash of the broker, not of the machine)');
  return { kind: 'sqlite', path: store?.sqlite === undefined ? '' : file(store.sqlite, ['store', 'sqlite']), durability: durability as StoreDurability };
}

function object(value: unknown, path: Path, problems: Problem[], keys: readonly string[]): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push({ path, message: value === undefined ? 'is required' : 'must be a mapping' });
    return undefined;
  }
  for (const key of Object.keys(value)) if (!keys.includes(key)) problems.push({ path: [...path, key], message: `unknown key; expected one of ${keys.join(', ')}` });
  return value as Record<string, unknown>;
}

function url(value: unknown, path: Path, problems: Problem[], required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)) return value;
  problems.push({ path, message: value === undefined ? 'is required' : 'must be an http(s) URL' });
  return undefined;
}

/**
 * A database's or Redis's URL, written out or as `{env: NAME}`, read from that environment variable so
 * that its password can come from a secret store (a Kubernetes Secret) rather than the file. It may hold
 * a password, so no message repeats it.
 */
function connectionUrl(value: unknown, path: Path, problems: Problem[], schemes: readonly string[]): string | undefined {
  const variable = typeof value === 'object' && value !== null && Object.keys(value).join() === 'env' ? (value as { env: unknown }).env : undefined;
  const text = typeof variable === 'string' ? process.env[variable] : value;
  if (typeof text === 'string' && URL.canParse(text) && schemes.includes(new URL(text).protocol.slice(0, -1))) return text;
  const wanted = `a ${schemes.map((scheme) => `${scheme}://`).join(' or ')} URL`;
  problems.push({ path, message: typeof variable === 'string' ? `names the environment variable ${variable}, which must hold ${wanted}` : `must be ${wanted}, or {env: NAME} for one held in an environment variable` });
  return undefined;
}

function rateLimit(value: unknown, path: Path, problems: Problem[], fallback: RateLimit): RateLimit {
  if (value === undefined) return fallback;
  const limit = object(value, path, problems, ['requests', 'per']);
  const requests = limit?.requests;
  const per = limit?.per === undefined ? 60 : parseDuration(limit.per as string | number);
  if (!Number.isInteger(requests) || (requests as number) < 1) problems.push({ path: [...path, 'requests'], message: 'must be a whole number of requests, at least 1' });
  if (per === undefined || per < 1) problems.push({ path: [...path, 'per'], message: 'must be a duration: seconds (60) or 1m, 1h' });
  return { requests: requests as number, perSeconds: per ?? 60 };
}

/** Where a path points in the file; a key that is missing points at its nearest present parent. */
function offsetOf(document: Document, path: Path): number {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function invalid(path: string, problems: LocatedProblem[]): BrokerError {
  const lines = problems.map((p) => `${p.location.file}:${p.location.line}:${p.location.column}: ${p.message}`);
  return new BrokerError(ErrorCode.InputInvalid, `The broker configuration ${path} is invalid:\n${lines.join('\n')}`, { hint: HINT, problems, location: problems[0]?.location });
}
