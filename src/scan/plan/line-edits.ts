import { createTwoFilesPatch } from 'diff';
import { isMap, isSeq, type Node } from 'yaml';
import { isLiteralCredential } from '../credentials.ts';
import { keyMaterialSpans } from '../key-material.ts';
import { entries, text, type YamlFile } from '../yaml-file.ts';

/** Lines [from, to) of the file replaced by `lines` (an insertion when from = to). */
export interface Edit {
  from: number;
  to: number;
  lines: string[];
}

export interface FilePatch {
  /** The file as the patch leaves it. */
  patched: string;
  /** A unified diff from the file as it is, with a/ and b/ paths from the repository root. */
  diff: string;
  /** What the patch leaves to the user. */
  manual: string[];
}

/**
 * Edits to a CI file by whole lines, so that the rest of it, comments and layout included, stays exactly
 * as it was. A line that holds a committed credential is never part of the diff, not even as context.
 */
export class LineEditor {
  readonly lines: string[];
  readonly edits: Edit[] = [];
  readonly manual: string[] = [];
  readonly #file: YamlFile;

  constructor(file: YamlFile) {
    this.#file = file;
    this.lines = file.text.split('\n');
  }

  lineOf(offset: number): number {
    return this.#file.atOffset(offset).line - 1;
  }

  indentOf(line: number): string {
    return /^ */.exec(this.lines[line]!)![0];
  }

  /** The lines a mapping entry takes, its key's line to its value's last. */
  spanOf(key: Node, value: Node | null | undefined): Edit {
    const end = Math.max(key.range![1], (value?.range?.[1] ?? key.range![1]) - 1);
    return { from: this.lineOf(key.range![0]), to: this.lineOf(end) + 1, lines: [] };
  }

  /** The last line a node's own text reaches (a block's trailing blank lines are not its). */
  lastLineOf(node: Node): number {
    const end = this.lineOf(Math.max(node.range![0], node.range![1] - 1));
    let line = end;
    while (line > this.lineOf(node.range![0]) && this.lines[line]!.trim() === '') line--;
    return line;
  }

  delete(key: Node, value: Node | null | undefined): void {
    this.edits.push(this.spanOf(key, value));
  }

  replaceLine(line: number, lines: string[]): void {
    this.edits.push({ from: line, to: line + 1, lines });
  }

  insertBefore(line: number, lines: string[]): void {
    this.edits.push({ from: line, to: line, lines });
  }

  finish(): FilePatch {
    const file = this.#file;
    const manual = [...this.manual];
    // A patch that deletes a committed key, or shows one as context, copies it into the plan: such lines
    // are left to the user, and the context shrinks until none shows.
    const sensitive = sensitiveLines(file);
    const unique = this.edits.filter((edit, index) => this.edits.findIndex((other) => other.from === edit.from && other.to === edit.to && other.lines.join('\n') === edit.lines.join('\n')) === index);
    const safe = unique.filter((edit) => !range(edit.from, edit.to).some((line) => sensitive.has(line)));
    for (const edit of unique.filter((candidate) => !safe.includes(candidate))) manual.push(`${file.path}:${edit.from + 1}${edit.to - edit.from > 1 ? `-${edit.to}` : ''} holds a committed credential: delete it yourself (the patch does not copy it), then revoke it`);
    const patched = applyEdits(this.lines, safe).join('\n');
    const texts = new Set([...sensitive].map((line) => this.lines[line]!));
    const shows = (diff: string): boolean => diff.split('\n').some((line) => texts.has(line.slice(1)));
    const [context, diff] = [3, 2, 1, 0].map((lines): [number, string] => [lines, createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.text, patched, '', '', { context: lines })]).find(([, candidate]) => !shows(candidate))!;
    if (context === 0 && safe.length > 0) manual.push(`${file.path}: the patch has no context lines, so that it copies no committed credential; apply it with \`git apply --unidiff-zero\``);
    return { patched, diff, manual };
  }
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(to - from, 0) }, (_unused, index) => from + index);
}

/** The lines that hold key material, or a credential written out in a variables mapping: what no plan file may copy. */
function sensitiveLines(file: YamlFile): Set<number> {
  const lineOf = (offset: number): number => file.atOffset(offset).line - 1;
  const lines = new Set<number>();
  for (const [start, end] of keyMaterialSpans(file.text)) for (const line of range(lineOf(start), lineOf(end - 1) + 1)) lines.add(line);
  // Every mapping of the file, whatever a CI system calls its variables (env, variables, environment).
  const pending: Array<Node | null | undefined> = [file.root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) pending.push(...(node.items as Node[]));
    if (!isMap(node)) continue;
    for (const entry of entries(node)) {
      const value = text(entry.value);
      if (value !== undefined && isLiteralCredential(entry.key, value)) for (const line of range(lineOf(entry.keyNode.range![0]), lineOf(entry.value!.range![1] - 1) + 1)) lines.add(line);
      pending.push(entry.value);
    }
  }
  return lines;
}

function applyEdits(lines: readonly string[], edits: readonly Edit[]): string[] {
  const result = [...lines];
  // Bottom-up, so that earlier line numbers stay true; at one line, deletions before insertions.
  for (const edit of [...edits].sort((a, b) => b.from - a.from || b.to - a.to)) result.splice(edit.from, edit.to - edit.from, ...edit.lines);
  return result;
}
