import { RE2JS, RE2JSException } from 're2js';
import type { Matcher, PatternMatcher } from './types.ts';

/**
 * Globs and regexes are both run by RE2 (re2js, a pure-JavaScript port): matching takes time linear
 * in the claim's length whatever the pattern, and the dialect is the one Google's CEL `matches()`
 * speaks, so the broker and an exported attribute condition run the very same pattern text.
 */

/**
 * The policy's glob language, kept deliberately small so that a reviewer can predict every match:
 * - `**` matches any run of characters, `/` and line breaks included, or none;
 * - `*` matches any run of characters other than `/` (line breaks included), or none;
 * - every other character, `?`, `[`, `{`, `(` and `\` included, stands for itself.
 * General-purpose glob libraries add classes, braces, groups and escapes, and treat `**` as special only
 * as a whole path segment; in a policy those extras are surprises, so they are not offered.
 */
export function globProblem(pattern: string): string | undefined {
  if (pattern === '') return 'is empty';
  if (pattern.includes('***')) return 'has three or more `*` in a row; use `*` within a segment or `**` across segments';
  return undefined;
}

/**
 * The glob as the anchored RE2 pattern that decides it. `(?s)` lets `.` cross line breaks, so that
 * `**` means "anything" in the broker and in CEL alike; `[^/]` already takes them in RE2.
 */
export function globSource(pattern: string): string {
  const body = pattern
    .split('**')
    .map((part) => part.split('*').map(quote).join('[^/]*'))
    .join('.*');
  return `(?s)^${body}$`;
}

/** A regex condition matches the whole claim: the author's pattern, anchored, in RE2's default flags. */
export function regexSource(pattern: string): string {
  return `^(?:${pattern})$`;
}

/** What is wrong with a regex, in RE2's own words, naming the offending part. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern === '') return 'is empty';
  try {
    // The pattern alone first, so that RE2's message quotes the author's text rather than the anchors.
    compile(pattern);
    compile(regexSource(pattern));
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return `is not a valid RE2 regular expression (${error.message.replace(/^error parsing regexp: /, '')})`;
  }
}

export function compileGlob(pattern: string): PatternMatcher {
  return patternMatcher('glob', pattern, globSource(pattern));
}

export function compileRegex(pattern: string): PatternMatcher {
  return patternMatcher('regex', pattern, regexSource(pattern));
}

/**
 * The program is compiled when the pattern is first matched: a decision puts only the few rules the
 * index leaves to the test, so a large policy would otherwise spend most of its loading time compiling
 * patterns that never run. A pattern that does not compile never gets here: regexProblem refused it,
 * and a glob's source is only escaped text.
 */
function patternMatcher(kind: PatternMatcher['kind'], pattern: string, source: string): PatternMatcher {
  let program: RE2JS | undefined;
  return {
    kind,
    pattern,
    source,
    get re2() {
      return (program ??= compile(source));
    },
  };
}

export function matches(matcher: Matcher, value: string): boolean {
  return matcher.kind === 'equals' ? matcher.values.includes(value) : matcher.re2.test(value);
}

function compile(source: string): RE2JS {
  return RE2JS.compile(source);
}

// Escapes RE2's metacharacters one by one (not \Q…\E) so that the exported text reads plainly.
function quote(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
