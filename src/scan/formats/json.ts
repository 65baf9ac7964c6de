import type { RepositoryScan } from '../scan-result.ts';
import { allFindings, summarize } from '../summary.ts';

/** The whole scan for scripts: every finding, every job seen, and the counts. */
export function scanJson(scans: readonly RepositoryScan[]): unknown {
  return {
    findings: allFindings(scans),
    jobs: scans.flatMap((scan) =>
      scan.jobs.map((job) => ({ repository: scan.repository, system: job.system, file: job.display, name: job.name, line: job.location.line, clouds: [...job.clouds].sort(), secrets: [...job.secrets.keys()].sort(), migrated: job.migrated })),
    ),
    files: scans.flatMap((scan) => scan.files),
    summary: summarize(scans),
  };
}
