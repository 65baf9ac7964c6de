import { describe, expect, it } from '@jest/globals';
import { parseDuration } from '../../../src/policy/duration.ts';

describe('parseDuration', () => {
  it.each([
    [900, 900],
    ['900s', 900],
    ['15m', 900],
    ['1h', 3600],
    ['1h30m', 5400],
    ['2h0m5s', 7205],
  ] as const)('reads %p as %p seconds', (value, seconds) => {
    expect(parseDuration(value)).toBe(seconds);
  });

  it.each(['', '15', '1.5h', 'm', '1d', '30m1h', ' 15m'])('refuses %p', (value) => {
    expect(parseDuration(value)).toBeUndefined();
  });

  it('refuses seconds that are not whole', () => {
    expect(parseDuration(900.5)).toBeUndefined();
  });
});
