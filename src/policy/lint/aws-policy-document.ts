import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { BrokerError, ErrorCode, type SourceLocation } from '../../errors/broker-error.ts';
import type { Finding } from './finding.ts';

export type JsonPath = readonly (string | number)[];

/** A policy document's data, and where each part of it was written. */
export interface PolicyText {
  data: unknown;
  /** Where the element at `path` is: its key for an object member, the item itself in a list. */
  at: (path: JsonPath) => SourceLocation;
  duplicateKeys: Finding[];
}

/**
 * Reads a policy document with a parser that keeps positions and refuses nothing, so that duplicate
 * keys (which IAM resolves by keeping one, silently dropping a condition) are found rather than lost.
 * As in JavaScript, the last of two equal keys is the one read.
 */
export function readPolicyText(text: string, file: string): PolicyText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const location = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (document.errors.length > 0) {
    throw new BrokerError(ErrorCode.InputInvalid, `${file} is not valid JSON: ${document.errors[0]!.message.split('\n')[0]}`, {
      hint: 'Pass the trust policy document as IAM shows it (aws iam get-role --query Role.AssumeRolePolicyDocument).',
    });
  }
  const root = document.contents as Node | null;
  const at = (path: JsonPath): SourceLocation => {
    let node: Node | null | undefined = root;
    let offset = root?.range?.[0] ?? 0;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.findLast((item) => isScalar(item.key) && item.key.value === step);
        if (!pair) break;
        offset = (pair.key as Node).range?.[0] ?? offset;
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
        node = node.items[step] as Node;
        offset = node.range?.[0] ?? offset;
      } else break;
    }
    return location(offset);
  };
  return { data: document.toJS(), at, duplicateKeys: duplicateKeys(root, location) };
}

/** Every mapping key that appears twice in its mapping, anywhere in the document. */
function duplicateKeys(node: Node | null, location: (offset: number) => SourceLocation): Finding[] {
  if (isSeq(node)) return node.items.flatMap((item) => duplicateKeys(item as Node, location));
  if (!isMap(node)) return [];
  const findings: Finding[] = [];
  const seen = new Set<unknown>();
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    if (seen.has(key)) {
      findings.push({
        id: 'duplicate-key',
        severity: 'error',
        rule: null,
        message: `The key ${JSON.stringify(key)} appears twice in one object; IAM keeps only one, silently dropping the other's conditions.`,
        fix: 'Merge the two into one key (a condition key may list several values).',
        location: location((pair.key as Node).range?.[0] ?? 0),
      });
    }
    seen.add(key);
    findings.push(...duplicateKeys(pair.value as Node | null, location));
  }
  return findings;
}
