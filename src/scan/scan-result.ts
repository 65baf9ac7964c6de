import type { Node } from 'yaml';
import type { CiSystem, Cloud, Position, ScanFinding } from './findings.ts';
import type { Repository } from './repository.ts';

/** A job (or composite action) that a reader saw, for the summary and the migration plan. */
export interface ScannedJob {
  system: CiSystem;
  /** The file's path in its repository. */
  path: string;
  display: string;
  name: string;
  location: Position;
  /** The clouds it holds static credentials for, and the secrets (or CI variables) that hold them. */
  clouds: Set<Cloud>;
  secrets: Map<string, Cloud>;
  migrated: boolean;
  /** The job's mapping in the file, for the plan's patch; the workflow's, for its triggers. */
  node: Node | undefined;
}

export interface RepositoryScan {
  repository: string;
  /** Where it was read from, for the plan, which reads the files again to patch them. */
  source: Repository;
  /** What GitHub's API reported of the repository, when the scan asked it: the plan binds its rules to these. */
  github?: GitHubRepositoryIds | undefined;
  files: string[];
  findings: ScanFinding[];
  jobs: ScannedJob[];
}

export interface GitHubRepositoryIds {
  /** OWNER/REPO */
  fullName: string;
  repositoryId: string;
  ownerId: string;
  defaultBranch: string | undefined;
}

/** What the readers add to while they walk one repository. */
export class ScanSink {
  readonly findings: ScanFinding[] = [];
  readonly jobs: ScannedJob[] = [];
  /** Files the configuration points at as key files (GOOGLE_APPLICATION_CREDENTIALS, --key-file), to look into. */
  readonly keyFiles = new Set<string>();

  job(fields: Omit<ScannedJob, 'clouds' | 'secrets' | 'migrated'>): ScannedJob {
    const job: ScannedJob = { ...fields, clouds: new Set(), secrets: new Map(), migrated: false };
    this.jobs.push(job);
    return job;
  }
}
