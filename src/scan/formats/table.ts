import { RULES, type ScanFinding } from '../findings.ts';
import type { ScanSummary } from '../summary.ts';

/** Findings as a table for a terminal, each rule's fix once beneath it, and the counts. */
export function scanTable(findings: readonly ScanFinding[], summary: ScanSummary): string {
  const rows = findings.map((found) => [found.severity, found.rule, `${found.location.file}:${found.location.line}:${found.location.column}`, found.message]);
  const header = ['SEVERITY', 'RULE', 'LOCATION', 'FINDING'];
  const widths = header.slice(0, 3).map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ').trimEnd();
  const fixes = [...new Set(findings.map((found) => found.rule))].map((rule) => `  ${rule}: ${RULES[rule].fix}`);
  const counts = `${summary.files} CI files in ${summary.repositories} ${summary.repositories === 1 ? 'repository' : 'repositories'}; ${summary.jobs} jobs: ${summary.static} with static cloud credentials, ${summary.migrated} on OIDC; ${summary.findings.error} errors, ${summary.findings.warning} warnings, ${summary.findings.note} notes.`;
  if (rows.length === 0) return `No findings. ${counts}\n`;
  return [line(header), ...rows.map(line), '', 'Fixes:', ...fixes, '', counts, ''].join('\n');
}
