import type { Repository } from '../repository.ts';
import type { ScanSink } from '../scan-result.ts';
import type { YamlFile } from '../yaml-file.ts';

/** What each CI system's reader gets: the repository, where to report, and a way to open its files. */
export interface ReaderContext {
  repository: Repository;
  sink: ScanSink;
  /** The file parsed, and counted as scanned; undefined when the repository has none at that path. */
  open(path: string): Promise<YamlFile | undefined>;
}
