// The waits and the budget of withRetries, on a fake clock: sleeping only moves the clock forward.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';

let now = 0;
const waits: number[] = [];
jest.unstable_mockModule('node:timers/promises', () => ({
  setTimeout: (ms: number) => {
    waits.push(ms);
    now += ms;
    return Promise.resolve();
  },
}));
const { RetriesExhaustedError, withRetries } = await import('../../../src/util/retry.ts');

beforeEach(() => {
  now = 1_000_000;
  waits.length = 0;
  jest.spyOn(Date, 'now').mockImplementation(() => now);
});
afterEach(() => {
  jest.restoreAllMocks();
});

const retry = () => ({ retry: true as const });

/** An attempt that fails `failures` times, taking `takesMs` each time, then returns 'done'; it records the time left it was given. */
function attempts(failures: number, takesMs = 0) {
  const remaining: number[] = [];
  const attempt = ({ remainingMs }: { attempt: number; remainingMs: number }) => {
    remaining.push(remainingMs);
    now += takesMs;
    return remaining.length <= failures ? Promise.reject(new Error(`failure ${remaining.length}`)) : Promise.resolve('done');
  };
  return { attempt, remaining };
}

async function exhausted(promise: Promise<unknown>): Promise<InstanceType<typeof RetriesExhaustedError>> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RetriesExhaustedError)) throw new Error(`expected RetriesExhaustedError, got ${String(error)}`);
  return error;
}

describe('withRetries backoff', () => {
  it('doubles the backoff from the base up to the cap, scaled by the jitter drawn', async () => {
    const { attempt } = attempts(5);
    const policy = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 300, totalTimeoutMs: 60_000 };
    await expect(withRetries(attempt, retry, policy, () => 0.5)).resolves.toEqual({ value: 'done', attempts: 6 });
    expect(waits).toEqual([50, 100, 150, 150, 150]);
  });

  it('uses full jitter: anywhere from no wait to the whole backoff', async () => {
    const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, totalTimeoutMs: 60_000 };
    await withRetries(attempts(2).attempt, retry, policy, () => 0);
    expect(waits).toEqual([0, 0]);
    waits.length = 0;
    const draws = [0.25, 0.999];
    await withRetries(attempts(2).attempt, retry, policy, () => draws.shift()!);
    expect(waits).toEqual([25, 199.8]);
  });

  it('waits at least as long as the failure asks, as with Retry-After', async () => {
    const policy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, totalTimeoutMs: 60_000 };
    await withRetries(attempts(2).attempt, () => ({ retry: true, afterMs: 2_000 }), policy, () => 1);
    expect(waits).toEqual([2_000, 2_000]);
    waits.length = 0;
    // A shorter request does not cut the backoff.
    await withRetries(attempts(2).attempt, () => ({ retry: true, afterMs: 10 }), policy, () => 1);
    expect(waits).toEqual([100, 200]);
  });

  it('does not wait after a failure that is final', async () => {
    const { attempt } = attempts(3);
    await expect(withRetries(attempt, () => ({ retry: false }), { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000, totalTimeoutMs: 60_000 })).rejects.toThrow('failure 1');
    expect(waits).toEqual([]);
  });

  it('asks the classifier about each failure, and stops at the first it calls final', async () => {
    const { attempt, remaining } = attempts(5);
    const seen: string[] = [];
    const classify = (error: unknown) => {
      seen.push((error as Error).message);
      return seen.length < 2 ? { retry: true as const } : { retry: false as const };
    };
    await expect(withRetries(attempt, classify, { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, totalTimeoutMs: 60_000 })).rejects.toThrow('failure 2');
    expect(seen).toEqual(['failure 1', 'failure 2']);
    expect(remaining).toHaveLength(2);
  });
});

describe('withRetries time budget', () => {
  it('gives each attempt the time left, and stops before a wait that would reach the budget', async () => {
    const { attempt, remaining } = attempts(10, 50);
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 400, totalTimeoutMs: 1_000, minAttemptMs: 0 };
    const error = await exhausted(withRetries(attempt, retry, policy, () => 1));
    // Attempts end at 50, 200, 450 and 900 ms; the waits after them are 100, 200 and 400 ms; the fourth
    // failure at 900 ms would wait 400 ms more, past the budget.
    expect(waits).toEqual([100, 200, 400]);
    expect(remaining).toEqual([1_000, 850, 600, 150]);
    expect(error).toMatchObject({ attempts: 4, elapsedMs: 900, timedOut: true });
    expect((error.lastError as Error).message).toBe('failure 4');
  });

  it('counts a wait that would end exactly at the budget as out of time', async () => {
    const error = await exhausted(withRetries(attempts(5).attempt, retry, { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 100, totalTimeoutMs: 100, minAttemptMs: 1 }, () => 1));
    expect(error).toMatchObject({ attempts: 1, elapsedMs: 0, timedOut: true });
    expect(waits).toEqual([]);
  });

  it('starts no attempt with less than the minimum window left, so the last failure is a real one', async () => {
    // Attempts of 9 s each in a 30 s budget: after the third (27 s and a 100 ms wait) under 3 s would be
    // left, which the default 1 s window allows; with a 5 s window the loop stops after the third.
    const { attempt, remaining } = attempts(10, 9_000);
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 100, totalTimeoutMs: 30_000, minAttemptMs: 5_000 };
    const error = await exhausted(withRetries(attempt, retry, policy, () => 1));
    expect(remaining).toEqual([30_000, 20_900, 11_800]);
    expect(error).toMatchObject({ attempts: 3, timedOut: true, budgetMs: 30_000 });
    expect((error.lastError as Error).message).toBe('failure 3');
  });

  it('by default keeps a 1 s window: the attempt that would start with ~0 ms left is not made', async () => {
    // Each attempt takes 5.8 s and each wait 100 ms: the fifth fails at 29.4 s, and a sixth would have
    // started at 29.5 s with 0.5 s left, only to be cut short by our own timeout.
    const { attempt, remaining } = attempts(10, 5_800);
    const error = await exhausted(withRetries(attempt, retry, { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 100, totalTimeoutMs: 30_000 }, () => 1));
    expect(remaining.every((ms) => ms >= 1_000)).toBe(true);
    expect(error).toMatchObject({ attempts: 5, timedOut: true });
    expect(error.message).toBe('gave up after 5 attempt(s) in 29400 ms within the 30 s time budget');
  });

  it('stops when a slow attempt has used the budget up', async () => {
    const error = await exhausted(withRetries(attempts(5, 2_000).attempt, retry, { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1, totalTimeoutMs: 1_500, minAttemptMs: 0 }, () => 0));
    expect(error).toMatchObject({ attempts: 1, elapsedMs: 2_000, timedOut: true });
  });

  it('says the attempts, not the budget, ran out when they did', async () => {
    const error = await exhausted(withRetries(attempts(5, 10).attempt, retry, { maxAttempts: 2, baseDelayMs: 100, maxDelayMs: 100, totalTimeoutMs: 60_000 }, () => 1));
    expect(error).toMatchObject({ attempts: 2, elapsedMs: 120, timedOut: false });
    expect(waits).toEqual([100]);
  });

  it('makes no second attempt when the policy allows one', async () => {
    const error = await exhausted(withRetries(attempts(1).attempt, retry, { maxAttempts: 1, baseDelayMs: 100, maxDelayMs: 100, totalTimeoutMs: 60_000 }, () => 1));
    expect(error).toMatchObject({ attempts: 1, timedOut: false });
    expect(waits).toEqual([]);
  });
});

describe('RetriesExhaustedError', () => {
  it('names the time budget when that is what ran out', () => {
    expect(new RetriesExhaustedError(4, 29_100, true, new Error('x'), 30_000).message).toBe('gave up after 4 attempt(s) in 29100 ms within the 30 s time budget');
    expect(new RetriesExhaustedError(4, 2_100, false, new Error('x'), 30_000).message).toBe('gave up after 4 attempt(s) in 2100 ms');
  });

  it('says how many attempts over how long, and keeps the last failure as its cause', () => {
    const last = new Error('Rate exceeded');
    const error = new RetriesExhaustedError(3, 700, true, last);
    expect(error.name).toBe('RetriesExhaustedError');
    expect(error.message).toBe('gave up after 3 attempt(s) in 700 ms');
    expect(error.cause).toBe(last);
    expect(error.lastError).toBe(last);
    expect(error).toBeInstanceOf(Error);
  });
});
