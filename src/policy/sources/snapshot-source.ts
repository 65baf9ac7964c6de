import type { PolicySource } from './policy-source.ts';

/**
 * Every file a policy load read, as it read them: enough to load the very same policy again later in
 * the job without the source itself (a central policy's GitHub token is never kept). Holds no secret:
 * a policy and its session policies are reviewed files.
 */
export interface PolicySnapshot {
  /** The path the policy was loaded from; the other files are those it named. */
  path: string;
  /** By path: the text read, or null where no file was found. */
  files: Record<string, string | null>;
}

/**
 * Reads a policy through `source` and keeps every text read, so that a renewal later in the job decides
 * by the same files without reading the source again: a central repository would need the
 * github-token, which must not be written anywhere.
 */
export function recordingPolicySource(source: PolicySource): { source: PolicySource; files: Map<string, string | undefined> } {
  const files = new Map<string, string | undefined>();
  return {
    files,
    source: {
      displayName: (path) => source.displayName(path),
      read: async (path) => {
        const text = await source.read(path);
        files.set(path, text);
        return text;
      },
    },
  };
}

/** A snapshot of what a recording source read, in a form JSON keeps. */
export function policySnapshot(path: string, files: ReadonlyMap<string, string | undefined>): PolicySnapshot {
  return { path, files: Object.fromEntries([...files].map(([name, text]) => [name, text ?? null])) };
}

/** A source that answers from a snapshot only: a path it never read does not exist. */
export function snapshotSource(snapshot: PolicySnapshot): PolicySource {
  return {
    displayName: (path) => `${path} (as the main step read it)`,
    read: (path) => Promise.resolve(Object.hasOwn(snapshot.files, path) ? (snapshot.files[path] ?? undefined) : undefined),
  };
}
