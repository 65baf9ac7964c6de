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

export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`, 'su');
}

/** A regex condition matches the whole claim: the pattern is always anchored as `^(?:pattern)$`. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern === '') return 'is empty';
  try {
    anchoredRegExp(pattern);
    return undefined;
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message})`;
  }
}

export function anchoredRegExp(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`, 'u');
}

export function matches(matcher: Matcher, value: string): boolean {
  switch (matcher.kind) {
    case 'equals':
      return matcher.values.includes(value);
    case 'glob':
    case 'regex':
      return matcher.regExp.test(value);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
