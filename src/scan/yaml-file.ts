import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { Position } from './findings.ts';

/** A CI file parsed with its positions, so that every finding points at line and column. */
export class YamlFile {
  /** Where findings point: the scanned path joined with the file's path in the repository. */
  readonly display: string;
  /** The file's path in its repository, from the root, without a leading slash. */
  readonly path: string;
  readonly text: string;
  readonly root: Node | null;
  readonly #lines = new LineCounter();

  constructor(display: string, path: string, text: string) {
    this.display = display;
    this.path = path;
    this.text = text;
    // Anchors and merge keys are common in GitLab and CircleCI configuration.
    const document = parseDocument(text, { lineCounter: this.#lines, prettyErrors: false, merge: true, uniqueKeys: false });
    const error = document.errors[0];
    if (error) {
      const { line, col } = this.#lines.linePos(error.pos[0]);
      throw new BrokerError(ErrorCode.InputInvalid, `${display}:${line}:${col}: YAML syntax: ${error.message.split('\n')[0]}`, { hint: 'Fix the file, or leave it out of the paths to scan.' });
    }
    this.root = document.contents;
  }

  at(node: Node | null | undefined): Position {
    return this.atOffset(node?.range?.[0] ?? 0);
  }

  atOffset(offset: number): Position {
    const { line, col } = this.#lines.linePos(offset);
    return { file: this.display, line, column: col };
  }

  /** Where `fragment` starts inside `node`'s source (a line of a block script), or the node itself. */
  within(node: Node, fragment: string): Position {
    const start = node.range?.[0] ?? 0;
    const found = this.text.indexOf(fragment, start);
    return this.atOffset(found >= 0 && found < (node.range?.[2] ?? this.text.length) ? found : start);
  }
}

/** A mapping's entries whose keys are scalars, with the key node for positions. */
export function entries(node: Node | null | undefined): Array<{ key: string; keyNode: Node; value: Node | null }> {
  if (!isMap(node)) return [];
  return node.items.flatMap((pair) => (isScalar(pair.key) ? [{ key: String(pair.key.value), keyNode: pair.key, value: (pair.value as Node | null) ?? null }] : []));
}

export function child(node: Node | null | undefined, key: string): Node | null | undefined {
  return entries(node).find((entry) => entry.key === key)?.value;
}

export function keyNode(node: Node | null | undefined, key: string): Node | undefined {
  return entries(node).find((entry) => entry.key === key)?.keyNode;
}

export function items(node: Node | null | undefined): Node[] {
  return isSeq(node) ? node.items.filter((item): item is Node => item !== null && typeof item === 'object') : [];
}

/** A scalar's value as text (numbers and booleans as YAML wrote them), or undefined. */
export function text(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value as string | number | boolean));
}

/** A script given as one string or a list of them, each line with its node. */
export function scriptLines(node: Node | null | undefined): Array<{ line: string; node: Node }> {
  const nodes = isSeq(node) ? items(node) : node ? [node] : [];
  return nodes.flatMap((item) => (text(item) ?? '').split('\n').map((line) => ({ line: line.trim(), node: item }))).filter((entry) => entry.line !== '');
}
