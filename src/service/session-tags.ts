/** STS session tags: keys of 1 to 128 and values of up to 256 characters from a small set. */
const MAX_TAGS = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const DISALLOWED = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;
const SOURCE_IDENTITY = /[^\w+=,.@-]/g;
const SOURCE_IDENTITY_LENGTH = { min: 2, max: 64 };

export interface SessionTag {
  Key: string;
  Value: string;
}

/**
 * Claims as session tags. Characters STS refuses become `_` and long values are cut rather than the
 * request failing: a tag is for matching in policies, which the export writes from the same rules.
 */
export function sessionTags(claims: Readonly<Record<string, string>>): SessionTag[] {
  return Object.entries(claims)
    .slice(0, MAX_TAGS)
    .map(([key, value]) => ({ Key: key.replace(DISALLOWED, '_').slice(0, MAX_KEY_LENGTH), Value: value.replace(DISALLOWED, '_').slice(0, MAX_VALUE_LENGTH) }));
}

/** `SourceIdentity` stays with the session through role chaining: the repository and run that asked. */
export function sourceIdentity(repositoryId: string, run: string | undefined): string {
  const text = `${repositoryId}@${run ?? 'unknown-run'}`.replace(SOURCE_IDENTITY, '_').slice(0, SOURCE_IDENTITY_LENGTH.max);
  return text.padEnd(SOURCE_IDENTITY_LENGTH.min, '_');
}
