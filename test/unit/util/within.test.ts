import { describe, expect, test } from '@jest/globals';
import { join, resolve } from 'node:path';
import { isWithin } from '../../../src/util/within.ts';

describe('isWithin', () => {
  const root = resolve('/srv/policy');

  test('the folder itself and what lies under it are within', () => {
    expect(isWithin(root, root)).toBe(true);
    expect(isWithin(root, join(root, 'rules', 'ci.yml'))).toBe(true);
  });

  test('a name that only begins with two dots is within (a ConfigMap mount’s ..data link)', () => {
    expect(isWithin(root, join(root, '..data', 'policy.yml'))).toBe(true);
    expect(isWithin(root, join(root, '..2026_12_01_10_00_00.123', 'policy.yml'))).toBe(true);
  });

  test('the parent, a sibling and another tree are not', () => {
    expect(isWithin(root, resolve('/srv'))).toBe(false);
    expect(isWithin(root, resolve('/srv/policy-other/x.yml'))).toBe(false);
    expect(isWithin(root, join(root, '..', 'secrets.yml'))).toBe(false);
    expect(isWithin(root, resolve('/etc/passwd'))).toBe(false);
  });
});
