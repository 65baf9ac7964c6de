import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compileGlob as glob, compileRegex as regex, globProblem, globSource, matches, regexProblem } from '../../../src/policy/matchers.ts';

describe('globs', () => {
  it.each([
    ['refs/heads/*', 'refs/heads/main', true],
    ['refs/heads/*', 'refs/heads/feature/x', false],
    ['refs/heads/*', 'refs/heads/', true],
    ['refs/heads/**', 'refs/heads/feature/x', true],
    ['refs/heads/**', 'refs/heads/', true],
    ['repo:octo-org/app:**', 'repo:octo-org/app:ref:refs/heads/main', true],
    ['repo:octo-org/app:*', 'repo:octo-org/app:ref:refs/heads/main', false],
    ['octo-org/.github/.github/workflows/deploy.yml@refs/tags/v*', 'octo-org/.github/.github/workflows/deploy.yml@refs/tags/v1.2.3', true],
    ['octo-org/.github/.github/workflows/deploy.yml@refs/tags/v*', 'octo-org/.github/.github/workflows/deploy.yml@refs/tags/v1/x', false],
    ['a/**/b', 'a/b', false],
    ['a/**/b', 'a//b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['app*', 'app-evil', true],
    ['a.b', 'aXb', false],
    ['prod-[ab]', 'prod-a', false],
    ['prod-[ab]', 'prod-[ab]', true],
    ['v?', 'v1', false],
    ['(a|b)', 'a', false],
    ['{a,b}', '{a,b}', true],
    ['**', 'anything/at/all', true],
  ])('%p against %p: %p', (pattern, value, expected) => {
    expect(matches(glob(pattern), value)).toBe(expected);
  });

  it('refuses empty patterns and runs of three stars', () => {
    expect(globProblem('')).toBe('is empty');
    expect(globProblem('refs/***')).toContain('three or more `*` in a row');
    expect(globProblem('refs/**/x*')).toBeUndefined();
  });

  it('never matches a value that differs in a literal part', () => {
    // A pattern of literal pieces joined by wildcards; change one character of a literal piece in a matching value.
    const piece = fc.stringMatching(/^[a-z0-9.:@_-]{1,8}$/);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom('*', '**'), { minLength: 3, maxLength: 3 }), fc.nat(), (pieces, stars, pick) => {
        const pattern = pieces.map((p, i) => (i === 0 ? p : `${stars[(i - 1) % 3]}${p}`)).join('');
        const value = pieces.join('');
        expect(matches(glob(pattern), value)).toBe(true);
        const index = pick % value.length;
        const changed = value.slice(0, index) + (value[index] === 'x' ? 'y' : 'x') + value.slice(index + 1);
        // The first and last pieces are anchored: a change there always breaks the match.
        if (index < pieces[0]!.length || index >= value.length - pieces.at(-1)!.length) expect(matches(glob(pattern), changed)).toBe(false);
      }),
    );
  });

  it('without wildcards, matches exactly the string itself', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((s) => !s.includes('*')), fc.string(), (literal, other) => {
        expect(matches(glob(literal), literal)).toBe(true);
        if (other !== literal) expect(matches(glob(literal), other)).toBe(false);
      }),
    );
  });

  it('lets `*` never cross a `/`', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{0,5}\/[a-z]{0,5}$/), (segmented) => {
        expect(matches(glob('*'), segmented)).toBe(false);
        expect(matches(glob('**'), segmented)).toBe(true);
      }),
    );
  });
});

describe('regexes', () => {
  it('are always anchored to the whole claim', () => {
    expect(matches(regex('repo:octo-org/app:environment:production'), 'repo:octo-org/app:environment:production')).toBe(true);
    expect(matches(regex('repo:octo-org/app:environment:production'), 'repo:octo-org/app:environment:production-eu')).toBe(false);
    expect(matches(regex('prod|staging'), 'prod')).toBe(true);
    // A top-level alternation cannot escape the anchors.
    expect(matches(regex('prod|staging'), 'staging-evil')).toBe(false);
    expect(matches(regex('v[0-9]+'), 'v12')).toBe(true);
  });

  it('report a pattern that does not compile, in RE2\'s words', () => {
    expect(regexProblem('(')).toMatch(/^is not a valid RE2 regular expression \(missing closing \)/);
    expect(regexProblem('')).toBe('is empty');
    expect(regexProblem('v[0-9]+')).toBeUndefined();
  });
});

describe('exact values', () => {
  it('an exact ref never matches any other string', () => {
    const main = { kind: 'equals' as const, values: ['refs/heads/main'] };
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(matches(main, value)).toBe(value === 'refs/heads/main');
      }),
    );
  });
});

// The differences measured between V8's engine and RE2, which Google's CEL runs: the broker must be
// on RE2's side of each, or an exported condition and the broker disagree.
describe('regexes speak RE2, as CEL does', () => {
  it.each([
    ['a.b', 'a\rb', true],
    ['a.b', 'a\u2028b', true],
    ['a.b', 'a\u2029b', true],
    ['a.b', 'a\nb', false],
    ['a\\Sb', 'a\u00a0b', true],
    ['a\\sb', 'a\u00a0b', false],
    ['a\\sb', 'a\u000bb', false],
    ['a\\sb', 'a\u2003b', false],
    ['a\\sb', 'a\tb', true],
    ['\\w+', 'caf\u00e9', false],
    ['\\pL+', 'caf\u00e9', true],
    ['\\x{e9}', '\u00e9', true],
    ['.', '\u{1F600}', true],
    ['(?i)main', 'MAIN', true],
  ])('%p against %p: %p', (pattern, value, expected) => {
    expect(matches(regex(pattern), value)).toBe(expected);
  });

  it.each([
    ['\\p{Letter}', 'invalid character class range'],
    ['[^]', 'missing closing ]'],
    ['\\cJ', 'invalid escape sequence'],
    ['[\\b]', 'invalid escape sequence'],
    ['a{1,1001}', 'invalid repeat count'],
    ['\\u00e9', 'invalid escape sequence'],
    ['(a)\\1', 'invalid escape sequence'],
    ['(?=a)a', 'invalid or unsupported Perl syntax'],
    ['a(?!b)', 'invalid or unsupported Perl syntax'],
    ['(?<=a)b', 'invalid named capture'],
  ])('refuse %p, which V8 accepts and RE2 does not', (pattern, reason) => {
    expect(() => new RegExp(pattern)).not.toThrow();
    expect(regexProblem(pattern)).toContain(reason);
  });

  it('decide in linear time what backtracks for ever in V8', () => {
    // Seven bounded repeats in a row gave V8 no answer within 15 s on 201 characters.
    const chain = '[a-z]{1,30}-?'.repeat(7);
    expect(regexProblem(chain)).toBeUndefined();
    expect(matches(regex(chain), `${'a'.repeat(200)}!`)).toBe(false);
    for (const classic of ['(a+)+', '(a|a)*', '(?:a|aa)+', '.*a.*a.*a']) expect(matches(regex(classic), `${'a'.repeat(10_000)}!`)).toBe(false);
    expect(matches(regex('(a|a)*'), 'a'.repeat(10_000))).toBe(true);
  }, 30_000);
});

describe('globs and line breaks', () => {
  it.each([
    ['release/*', 'release/1\n2', true],
    ['release/*', 'release/1/2', false],
    ['release/**', 'release/1\n/2', true],
    ['**', '\r\n\u2028', true],
    ['a*b', 'a\u2029b', true],
  ])('%p against %p: %p', (pattern, value, expected) => {
    expect(matches(glob(pattern), value)).toBe(expected);
  });

  it('export as one anchored RE2 pattern, the same text the broker runs', () => {
    expect(globSource('refs/heads/release/*')).toBe('(?s)^refs/heads/release/[^/]*$');
    expect(globSource('a.b/**')).toBe('(?s)^a\\.b/.*$');
    expect(glob('v?(x)').source).toBe('(?s)^v\\?\\(x\\)$');
  });

  // An oracle of a different make: the glob's definition, read literally as a recursion.
  const byDefinition = (pattern: string, value: string): boolean => {
    const p = Array.from(pattern);
    const v = Array.from(value);
    const memo = new Map<string, boolean>();
    const at = (i: number, j: number): boolean => {
      const key = `${i},${j}`;
      if (memo.has(key)) return memo.get(key)!;
      let result: boolean;
      if (i === p.length) result = j === v.length;
      else if (p[i] === '*' && p[i + 1] === '*') result = at(i + 2, j) || (j < v.length && at(i, j + 1));
      else if (p[i] === '*') result = at(i + 1, j) || (j < v.length && v[j] !== '/' && at(i, j + 1));
      else result = j < v.length && p[i] === v[j] && at(i + 1, j + 1);
      memo.set(key, result);
      return result;
    };
    return at(0, 0);
  };

  it('match what the definition says, on odd characters too', () => {
    const pattern = fc.array(fc.constantFrom('a', 'b', '/', '*', '**', '.', '?', '[', '\\', '$', '\u{1F600}', '\n'), { maxLength: 8 }).map((parts) => parts.join(''));
    const value = fc.array(fc.constantFrom('a', 'b', '/', '.', '*', '?', '[', '\\', '$', '\n', '\r', '\u2028', '\u00a0', '\u{1F600}'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        if (globProblem(p) !== undefined) return;
        expect(matches(glob(p), v)).toBe(byDefinition(p, v));
      }),
      { numRuns: 3000 },
    );
  });

  it('decide on long values whatever the number of wildcards', () => {
    const long = 'a'.repeat(10_000);
    expect(matches(glob('**a**a**a**a**a**a**b'), long)).toBe(false);
    expect(matches(glob('*a*a*a*a*a*a*b'), long)).toBe(false);
    expect(matches(glob('**a**a**a**a**a**a'), long)).toBe(true);
    expect(matches(glob('*/*/*/*/*/*/*b'), '/'.repeat(10_000))).toBe(false);
  }, 30_000);
});
