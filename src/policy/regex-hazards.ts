// Static analysis of policy regexes for patterns that backtrack super-linearly in V8.
export const REGEX_HAZARD_HINT =
  'Regexes run on the backtracking engine of Node.js, where some patterns take exponential or polynomial time on a crafted claim, ' +
  'so the loader refuses: backreferences, lookarounds and inline modifiers; a repeated part ({2}, *, + or {n,m}) that can match nothing, ' +
  'has alternatives that can start with the same character, or contains a quantifier (unless it starts with a character its quantifiers cannot match, as in (-[a-z]+)*); ' +
  'and two quantifiers, one of them unbounded, ' +
  'that can match the same characters with nothing required in between that the first cannot match. ' +
  'Use a glob (matched in linear time) or a list of exact values, put a separator between quantifiers ([a-z]+-[0-9]+), or spell repetitions out.';

/**
 * Why a valid regex (`u` flag) could take super-linear time on some claim, or undefined. Conservative:
 * it refuses some patterns that would have been fast, and anything it cannot analyse (lookarounds,
 * backreferences, modifiers).
 *
 * Backtracking blows up when a claim can be split among the parts of a pattern in many ways. Three
 * shapes cause that: a repeated part that can itself match varying lengths (`(a+)+`, `(a?){20}`) or
 * nothing (`(a*)*`); a repeated alternation whose branches can begin alike (`(a|ab)*`), so each
 * repetition may go either way; and, in a sequence, two quantifiers that can take the same characters
 * (`.*a.*`) with nothing required in between that stops the first. Only an unbounded (or long)
 * quantifier makes the last shape grow with the claim, so a pair of short ones (`a?a?`) is let through.
 */
export function regexHazard(pattern: string): string | undefined {
  let alternatives: RegexNode[][];
  try {
    alternatives = new RegexParser(pattern).parse();
  } catch (error) {
    if (error instanceof Hazard) return error.message;
    throw error;
  }
  return hazardIn({ kind: 'group', alternatives, text: pattern });
}

/** Code point ranges, inclusive; over-approximating a set only makes the check stricter. */
type CharSet = ReadonlyArray<readonly [number, number]>;
type RegexNode =
  | { kind: 'char'; set: CharSet; text: string }
  | { kind: 'assertion'; text: string }
  | { kind: 'group'; alternatives: RegexNode[][]; text: string }
  | { kind: 'repeat'; body: RegexNode; min: number; max: number; text: string };

class Hazard extends Error {}

const ANY: CharSet = [[0, 0x10ffff]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];
const SPACE: CharSet = [[0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]];
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
// A quantifier whose count may vary by more than this is treated as unbounded.
const LONG_REPEAT = 32;

/** Reads an already compiled `u` regex, so it needs no syntax errors of its own. */
class RegexParser {
  readonly #chars: string[];
  #at = 0;

  constructor(pattern: string) {
    this.#chars = Array.from(pattern);
  }

  parse(): RegexNode[][] {
    return this.#alternatives();
  }

  #peek(offset = 0): string | undefined {
    return this.#chars[this.#at + offset];
  }

  #next(): string {
    return this.#chars[this.#at++]!;
  }

  #textFrom(start: number): string {
    return this.#chars.slice(start, this.#at).join('');
  }

  #alternatives(): RegexNode[][] {
    const alternatives = [this.#sequence()];
    while (this.#peek() === '|') {
      this.#at++;
      alternatives.push(this.#sequence());
    }
    return alternatives;
  }

  #sequence(): RegexNode[] {
    const items: RegexNode[] = [];
    while (this.#peek() !== undefined && this.#peek() !== '|' && this.#peek() !== ')') {
      const start = this.#at;
      items.push(this.#quantified(this.#atom(), start));
    }
    return items;
  }

  #quantified(atom: RegexNode, start: number): RegexNode {
    let bounds: [number, number] | undefined;
    const c = this.#peek();
    if (c === '*') bounds = [0, Infinity];
    else if (c === '+') bounds = [1, Infinity];
    else if (c === '?') bounds = [0, 1];
    else if (c === '{') {
      const close = this.#chars.indexOf('}', this.#at);
      const [min, max] = this.#chars.slice(this.#at + 1, close).join('').split(',');
      bounds = [Number(min), max === undefined ? Number(min) : max === '' ? Infinity : Number(max)];
      this.#at = close;
    }
    if (!bounds) return atom;
    this.#at++;
    if (this.#peek() === '?') this.#at++;
    return { kind: 'repeat', body: atom, min: bounds[0], max: bounds[1], text: this.#textFrom(start) };
  }

  #atom(): RegexNode {
    const start = this.#at;
    const c = this.#next();
    switch (c) {
      case '(':
        return this.#group(start);
      case '[':
        return { kind: 'char', set: this.#class(), text: this.#textFrom(start) };
      case '.':
        return { kind: 'char', set: ANY, text: c };
      case '^':
      case '$':
        return { kind: 'assertion', text: c };
      case '\\':
        if (this.#peek() === 'b' || this.#peek() === 'B') return { kind: 'assertion', text: `\\${this.#next()}` };
        return { kind: 'char', set: this.#escape(false), text: this.#textFrom(start) };
      default:
        return { kind: 'char', set: single(c.codePointAt(0)!), text: c };
    }
  }

  #group(start: number): RegexNode {
    if (this.#peek() === '?') {
      const kind = this.#peek(1);
      const opening = this.#chars.slice(start, this.#at + 3).join('');
      if (kind === '=' || kind === '!' || (kind === '<' && (this.#peek(2) === '=' || this.#peek(2) === '!'))) {
        throw new Hazard(`has a lookaround ("${opening}..."); lookarounds are refused because they can hide backtracking`);
      }
      if (kind === '<') this.#at = this.#chars.indexOf('>', this.#at) + 1;
      else if (kind === ':') this.#at += 2;
      else throw new Hazard(`has an inline modifier group ("${opening}..."), which cannot be analysed for backtracking; write the cases out`);
    }
    const alternatives = this.#alternatives();
    this.#at++;
    return { kind: 'group', alternatives, text: this.#textFrom(start) };
  }

  /** After a backslash: the characters the escape stands for. */
  #escape(inClass: boolean): CharSet {
    const start = this.#at - 1;
    const c = this.#next();
    if (/^[1-9]$/.test(c) || c === 'k') {
      if (c === 'k') this.#at = this.#chars.indexOf('>', this.#at) + 1;
      throw new Hazard(`has a backreference ("${this.#textFrom(start)}"); backreferences are refused because matching them can take exponential time`);
    }
    if (c === 'd') return DIGIT;
    if (c === 'w') return WORD;
    if (c === 's') return SPACE;
    if (c === 'D') return complement(DIGIT);
    if (c === 'W') return complement(WORD);
    if (c === 'S') return complement(SPACE);
    if (c === 'p' || c === 'P') {
      this.#at = this.#chars.indexOf('}', this.#at) + 1;
      return ANY;
    }
    if (c === 'b' && inClass) return single(8);
    if (c in CONTROL_ESCAPES) return single(CONTROL_ESCAPES[c]!);
    if (c === 'c') return single(this.#next().codePointAt(0)! % 32);
    if (c === 'x') return single(this.#hex(2));
    if (c !== 'u') return single(c.codePointAt(0)!);
    if (this.#peek() === '{') {
      const close = this.#chars.indexOf('}', this.#at);
      const code = parseInt(this.#chars.slice(this.#at + 1, close).join(''), 16);
      this.#at = close + 1;
      return single(code);
    }
    const unit = this.#hex(4);
    // A surrogate pair written as two escapes is one code point.
    if (unit >= 0xd800 && unit <= 0xdbff && this.#peek() === '\\' && this.#peek(1) === 'u' && this.#peek(2) !== '{') {
      const low = parseInt(this.#chars.slice(this.#at + 2, this.#at + 6).join(''), 16);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.#at += 6;
        return single(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00));
      }
    }
    return single(unit);
  }

  #hex(digits: number): number {
    const code = parseInt(this.#chars.slice(this.#at, this.#at + digits).join(''), 16);
    this.#at += digits;
    return code;
  }

  /** After `[`: the characters the class can match. */
  #class(): CharSet {
    const negated = this.#peek() === '^';
    if (negated) this.#at++;
    const ranges: Array<readonly [number, number]> = [];
    while (this.#peek() !== ']') {
      const low = this.#classAtom();
      if (this.#peek() === '-' && this.#peek(1) !== ']') {
        this.#at++;
        // Both ends of a range are single characters, or the pattern would not have compiled.
        ranges.push([low[0]![0], this.#classAtom()[0]![1]]);
      } else ranges.push(...low);
    }
    this.#at++;
    return negated ? complement(ranges) : ranges;
  }

  #classAtom(): CharSet {
    const c = this.#next();
    return c === '\\' ? this.#escape(true) : single(c.codePointAt(0)!);
  }
}

function single(code: number): CharSet {
  return [[code, code]];
}

function complement(set: CharSet): CharSet {
  const gaps: Array<readonly [number, number]> = [];
  let from = 0;
  for (const [low, high] of [...set].sort((a, b) => a[0] - b[0])) {
    if (low > from) gaps.push([from, low - 1]);
    from = Math.max(from, high + 1);
  }
  if (from <= ANY[0]![1]) gaps.push([from, ANY[0]![1]]);
  return gaps;
}

function intersects(a: CharSet, b: CharSet): boolean {
  return a.some(([lowA, highA]) => b.some(([lowB, highB]) => lowA <= highB && lowB <= highA));
}

function nullable(node: RegexNode): boolean {
  switch (node.kind) {
    case 'char':
      return false;
    case 'assertion':
      return true;
    case 'group':
      return node.alternatives.some((sequence) => sequence.every(nullable));
    case 'repeat':
      return node.min === 0 || nullable(node.body);
  }
}

/** The characters a match of the node can start with. */
function firsts(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'assertion':
      return [];
    case 'group':
      return node.alternatives.flatMap(sequenceFirsts);
    case 'repeat':
      return node.max === 0 ? [] : firsts(node.body);
  }
}

function sequenceFirsts(sequence: readonly RegexNode[]): CharSet {
  const set: Array<readonly [number, number]> = [];
  for (const node of sequence) {
    set.push(...firsts(node));
    if (!nullable(node)) break;
  }
  return set;
}

/** Every character a match of the node can contain. */
function chars(node: RegexNode): CharSet {
  switch (node.kind) {
    case 'char':
      return node.set;
    case 'assertion':
      return [];
    case 'group':
      return node.alternatives.flat().flatMap(chars);
    case 'repeat':
      return chars(node.body);
  }
}

function children(node: RegexNode): RegexNode[] {
  if (node.kind === 'group') return node.alternatives.flat();
  return node.kind === 'repeat' ? [node.body] : [];
}

/** The node or its first descendant that passes the test. */
function find(node: RegexNode, test: (node: RegexNode) => boolean): RegexNode | undefined {
  if (test(node)) return node;
  for (const child of children(node)) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

const varies = (node: RegexNode): boolean => node.kind === 'repeat' && node.min !== node.max;
/** Can take a number of characters that grows with the claim. */
const open = (node: RegexNode): boolean => find(node, (n) => n.kind === 'repeat' && n.max - n.min > LONG_REPEAT) !== undefined;

function sequenceText(sequence: readonly RegexNode[]): string {
  return sequence.map((node) => node.text).join('');
}

function overlappingAlternatives(node: RegexNode): string | undefined {
  if (node.kind !== 'group') return undefined;
  const starts = node.alternatives.map(sequenceFirsts);
  for (let i = 0; i < node.alternatives.length; i++) {
    if (node.alternatives[i]!.every(nullable)) return `"${sequenceText(node.alternatives[i]!)}" in "${node.text}" can match nothing`;
    for (let j = i + 1; j < node.alternatives.length; j++) {
      if (intersects(starts[i]!, starts[j]!)) {
        return `"${sequenceText(node.alternatives[i]!)}" and "${sequenceText(node.alternatives[j]!)}" in "${node.text}" can start with the same character`;
      }
    }
  }
  return undefined;
}

/** A group of one alternative, not repeated, adds nothing to a sequence but its items. */
function flatten(sequence: readonly RegexNode[]): RegexNode[] {
  return sequence.flatMap((node) => (node.kind === 'group' && node.alternatives.length === 1 ? flatten(node.alternatives[0]!) : [node]));
}

function sequenceHazard(sequence: readonly RegexNode[]): string | undefined {
  const items = flatten(sequence);
  for (let i = 0; i < items.length; i++) {
    const first = items[i]!;
    if (!find(first, varies)) continue;
    const taken = chars(first);
    for (let j = i + 1; j < items.length; j++) {
      const item = items[j]!;
      if (find(item, varies) && (open(first) || open(item)) && intersects(firsts(item), taken)) {
        return `has "${first.text}" and then "${item.text}", which can match the same characters with nothing required in between that stops the first; matching can take time growing as a power of the claim's length`;
      }
      // A required character that the first cannot match ends its reach: nothing after it competes with it.
      if (!nullable(item) && !intersects(chars(item), taken)) break;
    }
  }
  return undefined;
}

/**
 * A repeated part that starts with a required character none of its quantifiers can match, and in
 * which every quantifier is stopped by what follows it, as in `(\.[0-9]+)*` or `(-[a-z]+)*`: each
 * repetition starts at such a character and ends at one place, so the repetitions can be told apart.
 */
function delimited(body: RegexNode): boolean {
  if (body.kind !== 'group' || body.alternatives.length !== 1) return false;
  const [head, ...rest] = flatten(body.alternatives[0]!);
  if (head?.kind !== 'char') return false;
  return rest.every((item, index) => {
    if (item.kind === 'char' || item.kind === 'assertion') return true;
    if (item.kind !== 'repeat' || item.body.kind !== 'char') return false;
    if (!varies(item)) return true;
    if (intersects(item.body.set, head.set)) return false;
    for (const next of rest.slice(index + 1)) {
      if (intersects(firsts(next), item.body.set)) return false;
      if (!nullable(next)) break;
    }
    return true;
  });
}

function hazardIn(node: RegexNode): string | undefined {
  if (node.kind === 'repeat' && node.max > 1) {
    const inner = find(node.body, varies);
    if (inner && !delimited(node.body)) return `repeats "${node.body.text}", which has a quantifier of its own ("${inner.text}"): a nested quantifier can take exponential time`;
    if (nullable(node.body)) return `repeats "${node.body.text}", which can match nothing`;
    const overlap = find(node.body, (n) => overlappingAlternatives(n) !== undefined);
    if (overlap) return `repeats "${node.body.text}", where ${overlappingAlternatives(overlap)!}: each repetition could go either way, which can take exponential time`;
  }
  if (node.kind === 'group') {
    for (const sequence of node.alternatives) {
      const hazard = sequenceHazard(sequence);
      if (hazard) return hazard;
    }
  }
  for (const child of children(node)) {
    const hazard = hazardIn(child);
    if (hazard) return hazard;
  }
  return undefined;
}
