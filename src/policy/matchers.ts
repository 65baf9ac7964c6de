import { globMatches } from './glob-match.ts';
import { REGEX_HAZARD_HINT, regexHazard } from './regex-hazards.ts';
import type { Matcher } from './types.ts';

/**
 * The policy's glob language, kept deliberately small so that a reviewer can predict every match:
 * - `**` matches any run of characters, `/` included, or none;
 * - `*` matches any run of characters other than `/`, or none;
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
 * The glob as an anchored regex, for exports to engines that do not backtrack (CEL's RE2). The broker
 * itself matches globs with `globMatches`: in V8 this regex takes polynomial time in the claim's length,
 * to the power of the number of wildcards (`**a**a**a` against a long run of `a`).
 */
export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`, 'su');
}

/** A regex condition matches the whole claim: the pattern is always anchored as `^(?:pattern)$`. */
export function regexProblem(pattern: string): string | undefined {
  return regexIssue(pattern)?.problem;
}

/** What is wrong with a regex and, when it would backtrack badly, how to write it instead. */
export function regexIssue(pattern: string): { problem: string; hint?: string } | undefined {
  if (pattern === '') return { problem: 'is empty' };
  try {
    anchoredRegExp(pattern);
  } catch (error) {
    return { problem: `is not a valid regular expression (${(error as Error).message})` };
  }
  const hazard = regexHazard(pattern);
  return hazard === undefined ? undefined : { problem: hazard, hint: REGEX_HAZARD_HINT };
}

export function anchoredRegExp(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

export function matches(matcher: Matcher, value: string): boolean {
  switch (matcher.kind) {
    case 'equals':
      return matcher.values.includes(value);
    case 'glob':
      return globMatches(matcher.pattern, value);
    case 'regex':
      return matcher.regExp.test(value);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
