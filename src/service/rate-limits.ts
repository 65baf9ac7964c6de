import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit } from './config.ts';

export type RateScope = 'repository' | 'owner' | 'issuer';

export type RateVerdict = { allowed: true } | { allowed: false; scope: RateScope; retryAfterSeconds: number };

/**
 * Counts exchanges per repository, owner and issuer. In memory on one instance; a shared store (Redis)
 * implements the same interface for several.
 */
export interface ExchangeRateLimiter {
  consume(keys: Readonly<Record<RateScope, string>>): Promise<RateVerdict>;
}

export function memoryRateLimiter(limits: Readonly<Record<RateScope, RateLimit>>): ExchangeRateLimiter {
  const limiters = Object.entries(limits).map(([scope, limit]) => ({
    scope: scope as RateScope,
    limiter: new RateLimiterMemory({ keyPrefix: scope, points: limit.requests, duration: limit.perSeconds }),
  }));
  return {
    async consume(keys) {
      for (const { scope, limiter } of limiters) {
        try {
          await limiter.consume(keys[scope]);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          return { allowed: false, scope, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        }
      }
      return { allowed: true };
    },
  };
}
