/**
 * What the post step needs to know about one issued credential. The main step saves these records in
 * the action's state, so they must never hold a secret: identities, names and times only.
 */
export interface IssuedCredential {
  provider: 'aws';
  /** The session's own identity: for AWS the AssumedRoleId (`AROA…:session-name`). */
  identity: string;
  /** The principal that holds the credential: for AWS the assumed-role ARN. */
  principal: string;
  /** The role (or account) the credential acts as. */
  role: string;
  sessionName: string;
  region: string;
  /** ISO 8601 instant after which the credential no longer works. */
  expiresAt: string;
  /** Environment variables the main step exported, to be cleared. */
  exportedVariables: string[];
  /** Files the main step wrote, to be deleted. */
  files: string[];
}

/** What a provider could do about an issued credential at job end. */
export type RevocationStatus = 'revoked' | 'not-revocable' | 'failed';

export interface RevocationResult {
  status: RevocationStatus;
  /** One sentence for the job summary and the log. Never a secret. */
  detail: string;
}
