import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The first backoff; each later one doubles, capped at `maxDelayMs`, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Wall-clock budget for every attempt and wait together. No wait is started that would exceed it. */
  totalTimeoutMs: number;
  /**
   * The least time an attempt must have left in the budget for it to be started at all (default 1 s):
   * an attempt started with almost nothing left could only time out, a failure of our own making
   * that would hide the service's real one.
   */
  minAttemptMs?: number | undefined;
}

const DEFAULT_MIN_ATTEMPT_MS = 1000;

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
  /** The failure of the last attempt made: a real answer or network error, never a wait we cut short. */
  readonly lastError: unknown;
  /** The policy's time budget, named in the message when it is what ran out. */
  readonly budgetMs: number | undefined;

  constructor(attempts: number, elapsedMs: number, timedOut: boolean, lastError: unknown, budgetMs?: number) {
    const budget = timedOut && budgetMs !== undefined ? ` within the ${formatSeconds(budgetMs)} s time budget` : '';
    super(`gave up after ${attempts} attempt(s) in ${elapsedMs} ms${budget}`, { cause: lastError });
    this.attempts = attempts;
    this.elapsedMs = elapsedMs;
    this.timedOut = timedOut;
    this.lastError = lastError;
    this.budgetMs = budgetMs;
  }
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 200,
  maxDelayMs: 3000,
  totalTimeoutMs: 30_000,
  minAttemptMs: DEFAULT_MIN_ATTEMPT_MS,
};

/** Seconds, without a trailing `.0`: "30", "0.5". */
export function formatSeconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

/**
 * Runs `attempt` until it succeeds, `classify` says the failure is final, or the policy's budget is
 * spent. A final failure is rethrown as it is; a spent budget throws RetriesExhaustedError so callers
 * can say how long they tried. `attempt` receives the time left, to bound its own request; another
 * attempt is started only if, after its wait, at least `minAttemptMs` of the budget remain for it.
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
      const minAttemptMs = Math.min(policy.minAttemptMs ?? DEFAULT_MIN_ATTEMPT_MS, policy.totalTimeoutMs);
      const outOfTime = elapsed + wait + minAttemptMs > policy.totalTimeoutMs;
      if (n >= policy.maxAttempts || outOfTime) {
        throw new RetriesExhaustedError(n, elapsed, outOfTime && n < policy.maxAttempts, error, policy.totalTimeoutMs);
      }
      await sleep(wait);
    }
  }
}
