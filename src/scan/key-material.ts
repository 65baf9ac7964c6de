import { finding, fingerprint, type ScanFinding } from './findings.ts';

interface Pattern {
  rule: 'committed-aws-access-key-id' | 'committed-gcp-service-account-key' | 'committed-private-key';
  regex: RegExp;
  /** What identifies the key: the part of the match that is fingerprinted. */
  identity: (match: RegExpExecArray) => string;
  describe: string;
}

const PATTERNS: readonly Pattern[] = [
  { rule: 'committed-aws-access-key-id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, identity: (m) => m[0], describe: 'an AWS access key id' },
  {
    rule: 'committed-gcp-service-account-key',
    // The key id is what Google lists for a service account's keys; the private key beside it is not matched again.
    regex: /"type"\s*:\s*"service_account"[^{}]*?"private_key_id"\s*:\s*"([0-9a-f]{40})"/g,
    identity: (m) => m[1]!,
    describe: 'a Google service-account key',
  },
  {
    rule: 'committed-private-key',
    regex: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?)PRIVATE KEY-----[\s\S]*?-----END \1PRIVATE KEY-----/g,
    identity: (m) => m[0].replace(/\\n|\s/g, ''),
    describe: 'a private key',
  },
];

/** Where key material lies in a text, as [start, end) offsets: what no output may copy. */
export function keyMaterialSpans(text: string): Array<[number, number]> {
  return PATTERNS.flatMap((pattern) => [...text.matchAll(pattern.regex)].map((match): [number, number] => [match.index, match.index + match[0].length]));
}

/**
 * Key material in a file's text, each by fingerprint and position. A private key inside a
 * service-account key file is that key, reported once, as the service-account key.
 */
export function keyMaterialFindings(text: string, file: string): ScanFinding[] {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((newline) => newline.index + 1)];
  const at = (offset: number): ScanFinding['location'] => {
    const line = lineStarts.findLastIndex((start) => start <= offset);
    return { file, line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  const found: ScanFinding[] = [];
  const serviceAccountSpans: Array<[number, number]> = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const start = match.index;
      if (pattern.rule === 'committed-gcp-service-account-key') serviceAccountSpans.push([start, closingBrace(text, start)]);
      if (pattern.rule === 'committed-private-key' && serviceAccountSpans.some(([from, to]) => start > from && start < to)) continue;
      const print = fingerprint(pattern.identity(match as RegExpExecArray));
      found.push(finding(pattern.rule, `${pattern.describe} is committed here (fingerprint ${print})`, at(start), undefined, print));
    }
  }
  return found;
}

function closingBrace(text: string, from: number): number {
  const end = text.indexOf('}', from);
  return end < 0 ? text.length : end;
}
