import { describe, expect, it } from '@jest/globals';
import { RetriesExhaustedError, withRetries, type RetryPolicy } from '../../../src/util/retry.ts';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 4, totalTimeoutMs: 5_000 };
const always = () => ({ retry: true as const });
const never = () => ({ retry: false as const });

/** An attempt that fails `failures` times, then returns 'done'; it records what it was given. */
function flaky(failures: number) {
  const seen: { attempt: number; remainingMs: number }[] = [];
  const attempt = (context: { attempt: number; remainingMs: number }) => {
    seen.push(context);
    return seen.length <= failures ? Promise.reject(new Error(`failure ${seen.length}`)) : Promise.resolve('done');
  };
  return { attempt, seen };
}

describe('withRetries', () => {
  it('returns the first success and how many attempts it took', async () => {
    const { attempt, seen } = flaky(2);
    await expect(withRetries(attempt, always, policy)).resolves.toEqual({ value: 'done', attempts: 3 });
    expect(seen.map((c) => c.attempt)).toEqual([1, 2, 3]);
    expect(seen.every((c) => c.remainingMs > 0 && c.remainingMs <= policy.totalTimeoutMs)).toBe(true);
  });

  it('rethrows a final failure as it is, without retrying', async () => {
    const { attempt, seen } = flaky(5);
    await expect(withRetries(attempt, never, policy)).rejects.toThrow('failure 1');
    expect(seen).toHaveLength(1);
  });

  it('gives up after the last attempt and keeps the last error', async () => {
    const { attempt } = flaky(10);
    const error = (await withRetries(attempt, always, policy).catch((e: unknown) => e)) as RetriesExhaustedError;
    expect(error).toBeInstanceOf(RetriesExhaustedError);
    expect(error.attempts).toBe(4);
    expect(error.timedOut).toBe(false);
    expect((error.lastError as Error).message).toBe('failure 4');
  });

  it('does not start a wait that would overrun the time budget', async () => {
    const { attempt, seen } = flaky(10);
    // The server asks for a 10 s pause; the budget is 50 ms, so the loop stops at once and says why.
    const error = (await withRetries(attempt, () => ({ retry: true, afterMs: 10_000 }), { ...policy, totalTimeoutMs: 50 }).catch((e: unknown) => e)) as RetriesExhaustedError;
    expect(error.timedOut).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it('draws a fresh jitter for every wait', async () => {
    const fractions: number[] = [];
    const random = () => {
      fractions.push(1);
      return 1;
    };
    const { attempt } = flaky(3);
    await withRetries(attempt, always, policy, random);
    expect(fractions).toHaveLength(3);
  });
});
