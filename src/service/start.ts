import { readFile } from 'node:fs/promises';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';
import type { CredentialMinter } from '../core/issue.ts';
import { buildBrokerApp, type BrokerAppOptions } from './app.ts';
import type { BrokerDeps } from './broker-deps.ts';
import { loadBrokerConfig, type BrokerConfig } from './config.ts';
import { brokerMetrics } from './metrics.ts';
import { brokerAssumeRole, type BrokerAwsOptions } from './minters/aws-assume-role.ts';
import { brokerSessionRevoker } from './minters/aws-session-revoker.ts';
import { brokerGenerateAccessToken } from './minters/gcp-impersonation.ts';
import { PolicyHolder, type ReloadOutcome } from './policy-holder.ts';
import { memoryRateLimiter, redisRateLimiter, type ExchangeRateLimiter } from './rate-limits.ts';
import { notConfigured } from './service-error.ts';
import type { BrokerStore } from './store/broker-store.ts';
import { PostgresStore } from './store/postgres-store.ts';
import { SqliteStore } from './store/sqlite-store.ts';

export interface RunningBroker {
  app: FastifyInstance;
  url: string;
  config: BrokerConfig;
  policy: PolicyHolder;
  close(): Promise<void>;
}

export interface StartOptions extends BrokerAppOptions {
  /** The broker's own AWS credentials, instead of the SDK's standard chain (the sandbox's). */
  awsCredentials?: BrokerAwsOptions['credentials'];
  /** Another port than the configuration's (0: any free one). */
  port?: number;
}

const PURGE_INTERVAL_MS = 60_000;

/**
 * `serve --config FILE`: the broker on its configured address. The policy must load at start; after
 * that a change to its file, or SIGHUP, reloads it, and a bad one never replaces the one in force.
 */
export async function startBroker(configPath: string, options: StartOptions = {}): Promise<RunningBroker> {
  const config = await loadBrokerConfig(configPath);
  const cleanups: Array<() => unknown> = [];
  try {
    const metrics = brokerMetrics();
    // The app, and so its logger, comes after the first load, which reports by throwing instead.
    const logger: { current?: FastifyInstance['log'] } = {};
    const policy = PolicyHolder.forFile(config.policy.file, config.policy.root, (outcome) => reported(outcome, metrics, logger.current));
    const first = await policy.reload();
    if (!first.replaced) throw first.error;
    policy.watchFile(config.policy.file);
    cleanups.push(() => policy.close());
    const onHangup = (): void => void policy.reload();
    process.on('SIGHUP', onHangup);
    cleanups.push(() => process.off('SIGHUP', onHangup));

    const { store, rateLimiter } = await openState(config, () => logger.current);
    cleanups.push(() => store.close(), () => rateLimiter.close());
    const aws = config.aws && { region: config.aws.region, endpoint: config.aws.endpoint, credentials: options.awsCredentials };
    const assumeRole = aws && brokerAssumeRole(aws);
    const revoker = aws && brokerSessionRevoker(aws);
    cleanups.push(() => assumeRole?.destroy(), () => revoker?.destroy());
    const generateAccessToken = config.gcp && brokerGenerateAccessToken(config.gcp);
    const minter: CredentialMinter = {
      aws: (request) => (assumeRole ? assumeRole.mint(request) : Promise.reject(notConfigured('AWS'))),
      gcp: (request) => (generateAccessToken ? generateAccessToken(request) : Promise.reject(notConfigured('Google Cloud'))),
    };
    const timed = stepTimer(metrics.registry);
    const deps: BrokerDeps = {
      store: timed(store, { claimExchange: 'claim', completeExchange: 'complete' }),
      policy,
      minter: timed(minter, { aws: 'mint', gcp: 'mint' }),
      revoker: revoker ?? { denyOnRole: () => Promise.reject(notConfigured('AWS')) },
      rateLimiter: timed(rateLimiter, { consume: 'rate-limit' }),
      metrics,
    };
    const https = config.tls && { cert: await readFile(config.tls.cert), key: await readFile(config.tls.key) };
    const app = buildBrokerApp(config, deps, { ...options, ...(https && { https }) });
    logger.current = app.log;
    cleanups.unshift(() => app.close());
    const purge = setInterval(() => void store.purgeReplayKeys(new Date()).catch((error: unknown) => app.log.error({ err: error }, 'replay key purge failed')), PURGE_INTERVAL_MS);
    purge.unref();
    cleanups.push(() => clearInterval(purge));
    const url = await app.listen({ host: config.listen.host, port: options.port ?? config.listen.port });
    return { app, url, config, policy, close: () => runAll(cleanups) };
  } catch (error) {
    await runAll(cleanups);
    throw error;
  }
}

/**
 * The state the configuration names: a SQLite file or a PostgreSQL database, and rate limits in memory
 * or in Redis. Fails if the database does not answer, or its schema is newer than this broker knows.
 */
export async function openState(config: BrokerConfig, log: () => Pick<FastifyBaseLogger, 'info' | 'warn'> | undefined): Promise<{ store: BrokerStore; rateLimiter: ExchangeRateLimiter }> {
  const store: BrokerStore =
    config.store.kind === 'postgres'
      ? await PostgresStore.open(config.store.url, { onIdleError: (error) => log()?.warn({ err: error }, 'an idle database connection failed; the pool replaces it') })
      : new SqliteStore(config.store.path, config.store.durability);
  const { redis } = config.rateLimits;
  const rateLimiter = redis
    ? redisRateLimiter(config.rateLimits, redis, {
        onChange: (reachable, error) =>
          reachable ? log()?.info('Redis reachable: rate limits are shared by every instance') : log()?.warn({ err: error }, 'Redis unreachable: each instance counts rate limits on its own until it returns'),
      })
    : memoryRateLimiter(config.rateLimits);
  return { store, rateLimiter };
}

/**
 * Times the steps of an exchange that wait outside the broker's own code (the store and its commit, the
 * cloud, the rate-limit store) in `broker_exchange_step_seconds`: beside the exchange's total, it says
 * whether the database, the STS or the broker itself is slow. Returns a wrapper that times the named methods.
 */
function stepTimer(registry: Registry): <T extends object>(target: T, steps: Partial<Record<keyof T, string>>) => T {
  const histogram = new Histogram({
    name: 'broker_exchange_step_seconds',
    help: 'Time an exchange spends in each step that waits outside the broker: rate-limit, claim and complete (the store, commit included), mint (the cloud).',
    labelNames: ['step'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (target, steps) =>
    new Proxy(target, {
      get(object, key) {
        const value: unknown = Reflect.get(object, key);
        if (typeof value !== 'function') return value;
        const step = steps[key as keyof typeof steps];
        if (step === undefined) return value.bind(object);
        return async (...args: unknown[]) => {
          const end = histogram.startTimer({ step });
          try {
            return await value.apply(object, args);
          } finally {
            end();
          }
        };
      },
    });
}

async function runAll(cleanups: ReadonlyArray<() => unknown>): Promise<void> {
  for (const cleanup of cleanups) await cleanup();
}

function reported(outcome: ReloadOutcome, metrics: ReturnType<typeof brokerMetrics>, log: FastifyInstance['log'] | undefined): void {
  metrics.policyReloads.inc({ outcome: outcome.replaced ? 'replaced' : 'kept-last-good' });
  if (outcome.replaced) log?.info({ policy: outcome.policy.source, rules: outcome.policy.rules.length }, 'policy loaded');
  // The policy's own errors name file:line:column and never a secret: the operator sees what to fix.
  else log?.error({ error: outcome.error.message }, 'policy reload failed; the last good policy stays in force');
}

