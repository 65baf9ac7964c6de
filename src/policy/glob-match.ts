// Matching the policy's glob language without backtracking.
type GlobToken = { wildcard: 'segment' | 'any' } | { literal: string };

/** Split the same way as `globToRegExp`: `**` first, left to right, then `*`. */
function globTokens(pattern: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] !== '*') tokens.push({ literal: chars[i]! });
    else if (chars[i + 1] !== '*') tokens.push({ wildcard: 'segment' });
    else {
      tokens.push({ wildcard: 'any' });
      i++;
    }
  }
  return tokens;
}

/**
 * Whether a glob matches the whole value, by running every position of the pattern at once over the
 * value's code points (a Thompson simulation): time is the value's length times the pattern's, whatever
 * the pattern, where a backtracking regex can take the value's length to the power of its wildcards.
 * Matches exactly what `globToRegExp` does.
 */
export function globMatches(pattern: string, value: string): boolean {
  const tokens = globTokens(pattern);
  let active: Uint8Array = new Uint8Array(tokens.length + 1);
  active[0] = 1;
  skipWildcards(tokens, active);
  for (const char of value) {
    const next = new Uint8Array(tokens.length + 1);
    let alive = false;
    for (let state = 0; state < tokens.length; state++) {
      if (!active[state]) continue;
      const token = tokens[state]!;
      if ('literal' in token ? token.literal === char : token.wildcard === 'any' || char !== '/') {
        // A literal moves on; a wildcard stays, to take the next character too.
        next['literal' in token ? state + 1 : state] = 1;
        alive = true;
      }
    }
    if (!alive) return false;
    active = skipWildcards(tokens, next);
  }
  return active[tokens.length] === 1;
}

/** A wildcard may match nothing: whoever stands before one also stands after it. */
function skipWildcards(tokens: readonly GlobToken[], states: Uint8Array): Uint8Array {
  for (let state = 0; state < tokens.length; state++) if (states[state] && 'wildcard' in tokens[state]!) states[state + 1] = 1;
  return states;
}
