/**
 * Where a policy and the files it names (session policies) are read from: a directory (the workspace,
 * or a checkout of a central repository) or a repository read through the GitHub API. Paths are
 * relative to the source's root and use `/`.
 */
export interface PolicySource {
  /** The file's text, or undefined when there is no such file. */
  read(path: string): Promise<string | undefined>;
  /** How messages and annotations name a file of this source. */
  displayName(path: string): string;
}
