import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { anchoredRegExp, globProblem, globToRegExp, matches, regexProblem } from '../../../src/policy/matchers.ts';

const glob = (pattern: string) => ({ kind: 'glob' as const, pattern, regExp: globToRegExp(pattern) });
const regex = (pattern: string) => ({ kind: 'regex' as const, pattern, regExp: anchoredRegExp(pattern) });

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

  it('report a pattern that does not compile', () => {
    expect(regexProblem('(')).toMatch(/^is not a valid regular expression \(/);
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

describe('globs against a backtracking engine', () => {
  it('match exactly what their regex matches', () => {
    const pattern = fc.array(fc.constantFrom('a', 'b', '/', '*', '**', '.', '\u{1F600}'), { maxLength: 8 }).map((parts) => parts.join(''));
    const value = fc.array(fc.constantFrom('a', 'b', '/', '.', '*', '\n', '\u{1F600}', '\uD83D'), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        expect(matches(glob(p), v)).toBe(globToRegExp(p).test(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('decide on long values whatever the number of wildcards', () => {
    // As regexes, these take seconds to hours on 10,000 characters; see bench/patterns.ts.
    const long = 'a'.repeat(10_000);
    expect(matches(glob('**a**a**a**a**a**a**b'), long)).toBe(false);
    expect(matches(glob('*a*a*a*a*a*a*b'), long)).toBe(false);
    expect(matches(glob('**a**a**a**a**a**a'), long)).toBe(true);
    expect(matches(glob('*/*/*/*/*/*/*b'), '/'.repeat(10_000))).toBe(false);
  }, 5000);
});

describe('regexes that could backtrack for long', () => {
  it.each([
    ['(a+)+', 'repeats "(a+)", which has a quantifier of its own ("a+"): a nested quantifier can take exponential time'],
    ['(a*)*b', 'repeats "(a*)", which has a quantifier of its own ("a*")'],
    ['(?:a?){25}a{25}', 'repeats "(?:a?)", which has a quantifier of its own ("a?")'],
    ['(\\w+\\s?)+', 'repeats "(\\w+\\s?)", which has a quantifier of its own ("\\w+")'],
    ['(a|a)*', 'repeats "(a|a)", where "a" and "a" in "(a|a)" can start with the same character'],
    ['(a|ab)+c', 'repeats "(a|ab)", where "a" and "ab" in "(a|ab)" can start with the same character'],
    ['(x|[a-z])+', 'repeats "(x|[a-z])", where "x" and "[a-z]" in "(x|[a-z])" can start with the same character'],
    ['(?:b|(?:a|\\d)|[^b])+', 'repeats "(?:b|(?:a|\\d)|[^b])", where "(?:a|\\d)" and "[^b]" in "(?:b|(?:a|\\d)|[^b])" can start with the same character'],
    ['(|a)+', 'repeats "(|a)", which can match nothing'],
    ['(?:\\b)*', 'repeats "(?:\\b)", which can match nothing'],
    ['.*a.*a', 'has ".*" and then ".*", which can match the same characters with nothing required in between that stops the first'],
    ['[a-z]+[a-z0-9]+', 'has "[a-z]+" and then "[a-z0-9]+"'],
    ['\\d+-?\\d+', 'has "\\d+" and then "\\d+"'],
    ['a{0,100}a{0,100}', 'has "a{0,100}" and then "a{0,100}"'],
    ['(?:x|.*)y.*', 'has "(?:x|.*)" and then ".*"'],
    ['\\u{1F600}+\\uD83D\\uDE00*', 'has "\\u{1F600}+" and then "\\uD83D\\uDE00*"'],
    ['(?:-[a-z-]+)*', 'repeats "(?:-[a-z-]+)", which has a quantifier of its own ("[a-z-]+")'],
    ['(?:-[a-z]+[a-z])*', 'repeats "(?:-[a-z]+[a-z])", which has a quantifier of its own ("[a-z]+")'],
    ['(a)\\1', 'has a backreference ("\\1"); backreferences are refused because matching them can take exponential time'],
    ['(?<x>a)\\k<x>', 'has a backreference ("\\k<x>")'],
    ['(?=a)a', 'has a lookaround ("(?=a..."); lookarounds are refused because they can hide backtracking'],
    ['a(?!b)', 'has a lookaround ("(?!b...")'],
    ['(?<=a)b', 'has a lookaround ("(?<=...")'],
    ['(?<!a)b', 'has a lookaround ("(?<!...")'],
  ])('refuse %p', (pattern, reason) => {
    expect(regexProblem(pattern)).toContain(reason);
  });

  it.each([
    'repo:octo-org/app:environment:prod(uction)?',
    '[0-9a-f]{40}',
    'refs/tags/v[0-9]+\\.[0-9]+\\.[0-9]+',
    'refs/heads/(main|release/[0-9]+)',
    'prod|staging',
    '(foo|bar)+',
    'refs/heads/.*',
    '[^/]+/[^/]+',
    '[a-z]+-[a-z]+',
    'v[0-9]+(\\.[0-9]+)*',
    '[a-z]+(?:-[a-z]+)*',
    '(?<major>\\d+)\\.\\d+',
    'a?a?b',
    '\\p{L}+',
    '[\\D]+[0-9]+',
  ])('accept %p', (pattern) => {
    expect(regexProblem(pattern)).toBeUndefined();
  });
});
