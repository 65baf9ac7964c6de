import type { Matcher } from '../types.ts';

/**
 * What a condition admits, read from its text: the exact values it stands for, or the text every value
 * it admits must start with. Both are judged conservatively: a pattern this cannot read is taken to
 * admit anything, never less than it does.
 */

/** The values a matcher admits when they are finitely many and written out; undefined for any real pattern. */
export function exactValues(matcher: Matcher): readonly string[] | undefined {
  if (matcher.kind === 'equals') return matcher.values;
  const { prefix, complete } = literalPrefix(matcher);
  return complete ? [prefix] : undefined;
}

/**
 * The text that starts every value a matcher admits, and whether it is the whole of them. For an
 * equals matcher, the longest start its values share.
 */
export function literalPrefix(matcher: Matcher): { prefix: string; complete: boolean } {
  if (matcher.kind === 'equals') {
    const [first = '', ...rest] = matcher.values;
    let prefix = first;
    for (const value of rest) while (!value.startsWith(prefix)) prefix = prefix.slice(0, -1);
    return { prefix, complete: rest.every((value) => value === first) };
  }
  if (matcher.kind === 'glob') {
    const star = matcher.pattern.indexOf('*');
    return star === -1 ? { prefix: matcher.pattern, complete: true } : { prefix: matcher.pattern.slice(0, star), complete: false };
  }
  return regexPrefix(matcher.pattern);
}

const METACHARACTERS = new Set([...'.[](){}*+?|^$']);

/**
 * The literal start of an RE2 pattern: plain characters and escaped punctuation, up to the first
 * construct that could match something else. A top-level alternation or a leading flag group means
 * no common start; a quantifier takes back the character it repeats.
 */
function regexPrefix(pattern: string): { prefix: string; complete: boolean } {
  if (topLevelAlternation(pattern)) return { prefix: '', complete: false };
  const chars = [...pattern];
  let i = chars[0] === '^' ? 1 : 0;
  let prefix = '';
  while (i < chars.length) {
    const char = chars[i]!;
    // A closing anchor is the end of every value: the prefix is then all there is.
    if (char === '$' && i === chars.length - 1) return { prefix, complete: true };
    let atom: string;
    if (char === '\\') {
      const escaped = chars[i + 1];
      if (escaped === undefined || /[\p{L}\p{N}]/u.test(escaped)) break;
      atom = escaped;
      i += 2;
    } else if (METACHARACTERS.has(char)) {
      break;
    } else {
      atom = char;
      i += 1;
    }
    const next = chars[i];
    if (next === '*' || next === '?' || next === '{') return { prefix, complete: false };
    prefix += atom;
    if (next === '+') return { prefix, complete: false };
  }
  return { prefix, complete: i === chars.length };
}

/** Whether a regex has a `|` outside any group or character class: alternatives of the whole pattern. */
export function topLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return true;
  }
  return false;
}

/** A condition as the policy writes it, for messages. */
export function describeMatcher(matcher: Matcher): string {
  if (matcher.kind === 'equals') return matcher.values.length === 1 ? JSON.stringify(matcher.values[0]) : `[${matcher.values.map((value) => JSON.stringify(value)).join(', ')}]`;
  return `{${matcher.kind}: ${JSON.stringify(matcher.pattern)}}`;
}
