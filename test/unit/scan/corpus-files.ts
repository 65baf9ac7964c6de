import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export const CORPUS = 'test/fixtures/scan';
export const CORPUS_REPOSITORIES = ['github-static', 'github-migrated', 'github-oidc-unpoliced', 'github-wide-trust', 'gitlab', 'circleci', 'buildkite', 'clean'];

/** Every file of one corpus repository, by its path from the repository's root, to serve through the sandbox's API. */
export async function corpusFiles(name: string): Promise<Record<string, string>> {
  const root = join(CORPUS, name);
  const files: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(root, path).split('\\').join('/')] = await readFile(path, 'utf8');
  }
  return files;
}
