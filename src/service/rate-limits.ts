import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimit } from './config.ts';

export type RateScope = 'repository' | 'owner' | 'issuer';
const RATE_SCOPES: readonly RateScope[] = ['repository', 'owner', 'issuer'];

export type RateVerdict = { allowed: true } | { allowed: false; scope: RateScope; retryAfterSeconds: number };

/** Where the counts are kept now: readiness reports it. */
export type RateLimitState = 'memory' | 'redis' | 'memory, Redis unreachable';

/**
 * Counts exchanges per repository, owner and issuer. In memory on one instance; in Redis for several.
 */
export interface ExchangeRateLimiter {
  consume(keys: Readonly<Record<RateScope, string>>): Promise<RateVerdict>;
  state(): RateLimitState;
  close(): Promise<void>;
}

type Limits = Readonly<Record<RateScope, RateLimit>>;

export function memoryRateLimiter(limits: Limits): ExchangeRateLimiter {
  return {
    consume: consumeAll((scope) => memoryLimiter(scope, limits[scope])),
    state: () => 'memory',
    close: async () => {},
  };
}

// An exchange never waits on Redis longer than this: past it, the per-instance count decides.
const REDIS_COMMAND_TIMEOUT_MS = 250;
const REDIS_RECONNECT_MAX_MS = 2000;

/**
 * Counts in Redis, shared by every instance. Redis is never the replay authority (its replication is
 * asynchronous; the database holds the replay keys), so its outage need not stop the broker: while it
 * is out of reach each instance counts on its own, against the same limits, so that a fleet of N lets
 * through at most N times the configured rate until Redis answers again, and then counting is shared again.
 * `onChange` hears each transition, for the log.
 */
export function redisRateLimiter(limits: Limits, url: string, options: { onChange?: (reachable: boolean, error?: Error) => void } = {}): ExchangeRateLimiter {
  const client = new Redis(url, {
    // Queued commands would hold exchanges while Redis is away; refused at once, they fall to memory.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, REDIS_RECONNECT_MAX_MS),
  });
  let reachable = false;
  client.on('ready', () => {
    reachable = true;
    options.onChange?.(true);
  });
  client.on('error', (error: Error) => {
    if (reachable) options.onChange?.(false, error);
    reachable = false;
  });
  client.on('close', () => {
    if (reachable) options.onChange?.(false);
    reachable = false;
  });
  return {
    consume: consumeAll(
      (scope) =>
        new RateLimiterRedis({
          storeClient: client,
          keyPrefix: `ci-oidc-broker:${scope}`,
          points: limits[scope].requests,
          duration: limits[scope].perSeconds,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memoryLimiter(scope, limits[scope]),
        }),
    ),
    state: () => (client.status === 'ready' ? 'redis' : 'memory, Redis unreachable'),
    close: async () => {
      client.disconnect();
    },
  };
}

function memoryLimiter(scope: RateScope, limit: RateLimit): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix: scope, points: limit.requests, duration: limit.perSeconds });
}

/**
 * Consumes one point in every scope at once (one round trip to Redis, not one per scope); the first
 * scope out of points, in the order repository, owner, issuer, is the verdict. A refused exchange counts
 * only against the scopes that refused it: the others get their point back, so that a repository over
 * its limit does not use up its owner's.
 */
function consumeAll(build: (scope: RateScope) => RateLimiterAbstract): ExchangeRateLimiter['consume'] {
  const limiters = RATE_SCOPES.map((scope) => ({ scope, limiter: build(scope) }));
  return async (keys) => {
    const results = await Promise.allSettled(limiters.map(({ scope, limiter }) => limiter.consume(keys[scope])));
    const refusals = results.flatMap((result, index) => (result.status === 'rejected' ? [{ scope: limiters[index]!.scope, reason: result.reason as unknown }] : []));
    if (refusals.length === 0) return { allowed: true };
    const failure = refusals.find(({ reason }) => !(reason instanceof RateLimiterRes));
    if (failure) throw failure.reason;
    await Promise.all(limiters.map(({ scope, limiter }, index) => (results[index]!.status === 'fulfilled' ? limiter.reward(keys[scope]) : undefined)));
    const { scope, reason } = refusals[0]!;
    return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil((reason as RateLimiterRes).msBeforeNext / 1000)) };
  };
}
