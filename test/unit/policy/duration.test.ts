import { describe, expect, it } from '@jest/globals';
import { parseDuration } from '../../../src/policy/duration.ts';

describe('parseDuration', () => {
  it.each([
    [900, 900],
    ['900', 900],
    ['900s', 900],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2h0m5s', 7205],
  ] as const)('reads %p as %p seconds', (value, seconds) => {
    expect(parseDuration(value)).toBe(seconds);
  });

  it.each(['', '15.0', '1.5h', 'm', '1d', '30m1h', ' 15m', '15M', '-15m', '1h 30m'])('refuses %p', (value) => {
    expect(parseDuration(value)).toBeUndefined();
  });

  it('refuses seconds that are not whole or not finite', () => {
    expect(parseDuration(900.5)).toBeUndefined();
    expect(parseDuration(Number.NaN)).toBeUndefined();
    expect(parseDuration(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('leaves bounds to the caller: zero and negative seconds are read as written', () => {
    // The loader checks STS's 15m..12h range and reports it with the policy's line.
    expect(parseDuration('0s')).toBe(0);
    expect(parseDuration(-900)).toBe(-900);
  });

  it('reads units that overflow into the next one', () => {
    expect(parseDuration('90m')).toBe(5400);
    expect(parseDuration('3600s')).toBe(3600);
  });
});
