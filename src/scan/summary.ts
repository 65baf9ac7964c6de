import type { ScanFinding, Severity } from './findings.ts';
import type { RepositoryScan } from './scan-result.ts';

export interface ScanSummary {
  repositories: number;
  files: number;
  jobs: number;
  /** Jobs that already exchange an OIDC token and hold no static credential. */
  migrated: number;
  /** Jobs that hold static cloud credentials. */
  static: number;
  findings: Record<Severity, number>;
}

export function summarize(scans: readonly RepositoryScan[]): ScanSummary {
  const jobs = scans.flatMap((scan) => scan.jobs);
  const findings = scans.flatMap((scan) => scan.findings);
  const count = (severity: Severity): number => findings.filter((found) => found.severity === severity).length;
  return {
    repositories: scans.length,
    files: scans.reduce((total, scan) => total + scan.files.length, 0),
    jobs: jobs.length,
    migrated: jobs.filter((job) => job.migrated && job.clouds.size === 0).length,
    static: jobs.filter((job) => job.clouds.size > 0).length,
    findings: { error: count('error'), warning: count('warning'), note: count('note') },
  };
}

export function allFindings(scans: readonly RepositoryScan[]): ScanFinding[] {
  return scans.flatMap((scan) => scan.findings);
}
