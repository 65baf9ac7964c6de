import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first backoff; each later one doubles, capped at `maxDelayMs`, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wall-clock budget for every attempt and wait together. No wait is started that would exceed it. */
  totalTimeoutMs: number;
}

/** What a failed attempt says about trying again. */
export type RetryVerdict = { retry: false } | { retry: true; afterMs?: number | undefined };

export interface RetryOutcome<T> {
  value: T;
  attempts: number;
}

export class RetriesExhaustedError extends Error {
  override readonly name = 'RetriesExhaustedError';
  readonly attempts: number;
  readonly elapsedMs: number;
  /** True when the time budget, rather than the attempt count, ended the retries. */
  readonly timedOut: boolean;
  readonly lastError: unknown;

  constructor(attempts: number, elapsedMs: number, timedOut: boolean, lastError: unknown) {
    super(`gave up after ${attempts} attempt(s) in ${elapsedMs} ms`, { cause: lastError });
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
    this.timedOut = timedOut;
    this.lastError = lastError;
  }
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 3000,
  totalTimeoutMs: 30_000,
};

/**
 * Runs `attempt` until it succeeds, `classify` says the failure is final, or the policy's budget is
 * spent. A final failure is rethrown as it is; a spent budget throws RetriesExhaustedError so callers
 * can say how long they tried. `attempt` receives the time left, to bound its own request.
 */
export async function withRetries<T>(
  attempt: (context: { attempt: number; remainingMs: number }) => Promise<T>,
  classify: (error: unknown) => RetryVerdict,
  policy: RetryPolicy,
  random: () => number = Math.random,
): Promise<RetryOutcome<T>> {
  const started = Date.now();
  for (let n = 1; ; n++) {
    const remainingMs = policy.totalTimeoutMs - (Date.now() - started);
    try {
      return { value: await attempt({ attempt: n, remainingMs }), attempts: n };
    } catch (error) {
      const verdict = classify(error);
      if (!verdict.retry) throw error;
      const elapsed = Date.now() - started;
      const backoff = random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
      const wait = Math.max(backoff, verdict.afterMs ?? 0);
      const outOfTime = elapsed + wait >= policy.totalTimeoutMs;
      if (n >= policy.maxAttempts || outOfTime) {
        throw new RetriesExhaustedError(n, elapsed, outOfTime, error);
      }
      await sleep(wait);
    }
  }
}
