import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Where a scan reads a repository from: a folder on disk, or a repository through GitHub's API. */
export interface Repository {
  /** How findings name the repository: the path the user gave, or owner/name. */
  readonly display: string;
  /** A file's text by its path from the repository root, or undefined when there is none. */
  read(path: string): Promise<string | undefined>;
  /** The names of the files (not folders) in a folder, empty when there is none. */
  list(dir: string): Promise<string[]>;
  /** The names of the sub-folders of a folder. */
  folders(dir: string): Promise<string[]>;
}

export function directoryRepository(root: string): Repository {
  const kinds = async (dir: string, wanted: 'file' | 'folder'): Promise<string[]> => {
    try {
      const found = await readdir(join(root, dir), { withFileTypes: true });
      return found.filter((entry) => (wanted === 'file' ? entry.isFile() : entry.isDirectory())).map((entry) => entry.name).sort();
    } catch {
      return [];
    }
  };
  return {
    display: root,
    async read(path) {
      const file = join(root, path);
      if (!(await stat(file).catch(() => undefined))?.isFile()) return undefined;
      return readFile(file, 'utf8');
    },
    list: (dir) => kinds(dir, 'file'),
    folders: (dir) => kinds(dir, 'folder'),
  };
}
