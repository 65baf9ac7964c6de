import type { SourceLocation } from '../../errors/broker-error.ts';

/** One lint result: a stable id, how serious it is, the rule (or statement) it is about, and a fix. */
export interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'note';
  /** The policy rule's name, or the trust policy statement's index or Sid; null for the whole file. */
  rule: string | null;
  message: string;
  fix: string;
  location?: SourceLocation | undefined;
}

const ORDER = { error: 0, warning: 1, note: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity] || (a.location?.line ?? 0) - (b.location?.line ?? 0) || a.id.localeCompare(b.id));
}

export function formatFinding(finding: Finding): string {
  const where = finding.location ? `${finding.location.file}:${finding.location.line}:${finding.location.column}: ` : '';
  const about = finding.rule === null ? '' : ` [${finding.rule}]`;
  return `${where}${finding.severity} ${finding.id}${about}: ${finding.message}\n  fix: ${finding.fix}`;
}
