import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { sortScanFindings } from './findings.ts';
import { keyMaterialFindings } from './key-material.ts';
import { readBuildkite } from './readers/buildkite.ts';
import { readCircleCi } from './readers/circleci.ts';
import { readGitHubActions } from './readers/github-actions.ts';
import { readGitLab } from './readers/gitlab.ts';
import type { ReaderContext } from './readers/reader.ts';
import { directoryRepository, type Repository } from './repository.ts';
import { ScanSink, type RepositoryScan } from './scan-result.ts';
import { YamlFile } from './yaml-file.ts';

const READERS = [readGitHubActions, readGitLab, readCircleCi, readBuildkite];

/** Reads every CI system's configuration in one repository, and the key files it points at. */
export async function scanRepository(repository: Repository): Promise<RepositoryScan> {
  const sink = new ScanSink();
  const files: YamlFile[] = [];
  const display = (path: string): string => (repository.display === '.' ? path : posix.join(repository.display, path));
  const context: ReaderContext = {
    repository,
    sink,
    async open(path) {
      const opened = files.find((file) => file.path === path);
      if (opened) return opened;
      const text = await repository.read(path);
      if (text === undefined) return undefined;
      const file = new YamlFile(display(path), path, text);
      files.push(file);
      sink.findings.push(...keyMaterialFindings(text, file.display));
      return file;
    },
  };
  for (const read of READERS) await read(context);
  const keyFiles = [...sink.keyFiles].filter((path) => !files.some((file) => file.path === path));
  for (const path of keyFiles) {
    const text = await repository.read(path);
    if (text !== undefined) sink.findings.push(...keyMaterialFindings(text, display(path)));
  }
  return { repository: repository.display, source: repository, files: files.map((file) => file.display), findings: sortScanFindings(sink.findings), jobs: sink.jobs };
}

/** `scan PATH…`: each path is a repository's folder. */
export async function scanPaths(paths: readonly string[]): Promise<RepositoryScan[]> {
  const scans: RepositoryScan[] = [];
  for (const path of paths) {
    if (!(await stat(path).catch(() => undefined))?.isDirectory()) {
      throw new BrokerError(ErrorCode.InputInvalid, `${path} is not a folder.`, { hint: 'Name the folders of the repositories to scan (the current one by default); scan reads their CI files itself.' });
    }
    scans.push(await scanRepository(directoryRepository(path.replace(/\/+$/, '') || '/')));
  }
  return scans;
}
