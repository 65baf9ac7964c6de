import { describe, expect, it } from '@jest/globals';
import { compileGlob, compileRegex, matches } from '../../../../src/policy/matchers.ts';
import { compileCel, conditionAdmits } from '../../../../src/sandbox/gcp/cel.ts';

const assertion = { sub: 'repo:octo-org/app:ref:refs/heads/main', ref: 'refs/heads/main', run_attempt: 2, 'odd-name': 'x' };

describe('attribute conditions in the sandbox', () => {
  it.each([
    ['assertion.ref == "refs/heads/main"', true],
    ["assertion['odd-name'] == 'x' && has(assertion.sub)", true],
    ['assertion.ref.startsWith("refs/tags/")', false],
    // Google refuses on anything but true: an error, a syntax error, a value of another type.
    ['assertion.environment == "production"', false],
    ['assertion.run_attempt.matches("2")', false],
    ['assertion.ref ==', false],
    ['assertion.ref', false],
  ])('%s admits: %p', (condition, admitted) => {
    expect(conditionAdmits(compileCel(condition), { assertion })).toBe(admitted);
  });

  it('reads a missing claim as an error that || and && may absorb, as CEL does', () => {
    expect(conditionAdmits(compileCel('assertion.environment == "production" || assertion.ref == "refs/heads/main"'), { assertion })).toBe(true);
    expect(conditionAdmits(compileCel('has(assertion.environment) && assertion.environment == "production"'), { assertion })).toBe(false);
  });

  // The cases where a JavaScript regex would decide otherwise: `.` and `\s` on odd line breaks and spaces,
  // `$` before a final newline, RE2's inline flags and Unicode classes.
  it.each([
    ['regex', 'a.b', ['a\u2028b', 'a\nb', 'a\rb', 'a\u{1f600}b']],
    ['regex', 'a\\sb', ['a\u000bb', 'a\u00a0b', 'a\u2003b', 'a\tb', 'a\fb']],
    ['regex', 'a\\Sb', ['a\u00a0b', 'a\u2028b', 'a\u000bb']],
    ['regex', '(?i)k', ['\u212a', 'K', '\u017f']],
    ['regex', '\\pL+', ['caf\u00e9', 'e\u0301', '\u{1d538}']],
    ['regex', 'v[0-9]+', ['v1\n', 'v1', '\nv1']],
    ['glob', 'refs/heads/*', ['refs/heads/a\nb', 'refs/heads/a/b', 'refs/heads/\u2028']],
    ['glob', 'refs/**', ['refs/a\n/b', 'refs/\u2029']],
  ] as const)('decides %s %p as the broker does', (kind, pattern, values) => {
    const matcher = kind === 'glob' ? compileGlob(pattern) : compileRegex(pattern);
    const program = compileCel('value.matches(source)');
    for (const value of values) expect([value, program({ value, source: matcher.source })]).toEqual([value, matches(matcher, value)]);
  });
});
