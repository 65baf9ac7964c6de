/**
 * IAM's string patterns as the trust lint reasons about them: a value is a sequence of literal characters,
 * `?` (any one character) and `*` (any run, `/` and `:` included). Questions about a pattern are answered
 * by walking it against a shape (a literal string, or a template such as `repo:NAME/NAME:pull_request`),
 * which also yields a string the pattern admits.
 */
export type Token = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'any' };

/**
 * Reads a condition value or action. Only StringLike-style operators and actions know wildcards.
 * Policy variables exist in Version 2012-10-17 only: `${*}`, `${?}` and `${$}` stand for the literal
 * character, and any other `${…}` is replaced by a request value, which the lint cannot know, so it
 * counts as `*`.
 */
export function parsePattern(text: string, options: { wildcards: boolean; variables: boolean }): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (options.variables && text.startsWith('${', at)) {
      const end = text.indexOf('}', at);
      if (end > 0) {
        const name = text.slice(at + 2, end);
        tokens.push(name === '*' || name === '?' || name === '$' ? { kind: 'char', char: name } : { kind: 'any' });
        at = end;
        continue;
      }
    }
    if (options.wildcards && char === '*') tokens.push({ kind: 'any' });
    else if (options.wildcards && char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', char });
  }
  return tokens;
}

export function hasWildcard(tokens: readonly Token[]): boolean {
  return tokens.some((token) => token.kind !== 'char');
}

/** The literal text before the first wildcard, and whether that is the whole pattern. */
export function literalPrefix(tokens: readonly Token[]): { prefix: string; complete: boolean } {
  let prefix = '';
  for (const token of tokens) {
    if (token.kind !== 'char') return { prefix, complete: false };
    prefix += token.char;
  }
  return { prefix, complete: true };
}

/** One position of a shape: which characters it takes, one it can show, and whether it repeats. */
interface ShapeStep {
  accepts: (char: string) => boolean;
  sample: string;
  repeats: boolean;
}

export function literalShape(text: string): ShapeStep[] {
  return [...text].map((char) => ({ accepts: (c) => c === char, sample: char, repeats: false }));
}

/** One or more characters that `accepts` takes. */
export function runShape(accepts: (char: string) => boolean, sample: string): ShapeStep[] {
  return [
    { accepts, sample, repeats: false },
    { accepts, sample, repeats: true },
  ];
}

/**
 * A string that both the pattern and the shape admit, or undefined when there is none: a breadth-first
 * walk of the pattern and the shape side by side, each state visited once.
 */
export function witness(tokens: readonly Token[], shape: readonly ShapeStep[], ignoreCase = false): string | undefined {
  const width = shape.length + 1;
  const parents = new Map<number, { from: number; char: string }>();
  const start = 0;
  const goal = tokens.length * width + shape.length;
  const queue = [start];
  const seen = new Set([start]);
  const visit = (from: number, to: number, char: string): void => {
    if (seen.has(to)) return;
    seen.add(to);
    parents.set(to, { from, char });
    queue.push(to);
  };
  while (queue.length > 0) {
    const state = queue.shift()!;
    if (state === goal) break;
    const i = Math.floor(state / width);
    const j = state % width;
    const token = tokens[i];
    const step = shape[j];
    if (token?.kind === 'any') visit(state, (i + 1) * width + j, '');
    if (step?.repeats) visit(state, i * width + j + 1, '');
    if (!token || !step) continue;
    const char = token.kind === 'char' ? acceptedSpelling(token.char, step, ignoreCase) : step.sample;
    if (char === undefined) continue;
    visit(state, (token.kind === 'any' ? i : i + 1) * width + (step.repeats ? j : j + 1), char);
  }
  if (!seen.has(goal)) return undefined;
  let text = '';
  for (let state = goal; state !== start; ) {
    const parent = parents.get(state)!;
    text = parent.char + text;
    state = parent.from;
  }
  return text;
}

function acceptedSpelling(char: string, step: ShapeStep, ignoreCase: boolean): string | undefined {
  const spellings = ignoreCase ? [char, char.toLowerCase(), char.toUpperCase()] : [char];
  return spellings.find((spelling) => step.accepts(spelling));
}

export function patternMatches(tokens: readonly Token[], text: string, ignoreCase = false): boolean {
  return witness(tokens, literalShape(text), ignoreCase) !== undefined;
}

/** Whether an IAM action pattern (case-insensitive, with `*` and `?`) covers an action. */
export function actionMatches(pattern: string, action: string): boolean {
  return patternMatches(parsePattern(pattern, { wildcards: true, variables: false }), action, true);
}
