import type { AwsIssuedCredential, RevocationResult } from '../issued-credential.ts';

export interface AwsRevocationOptions {
  /**
   * A role allowed to add, to the issued session's role, an inline Deny for that session's
   * `aws:userid`. Without one, nothing can end an STS session before its expiry.
   */
  revokerRoleArn?: string | undefined;
}

/** The post step's hook for one AWS credential. */
export async function revokeAwsCredential(record: AwsIssuedCredential, options: AwsRevocationOptions = {}): Promise<RevocationResult> {
  // The role's name, not its ARN: the detail lands in the job summary, which the runner does not mask.
  const roleName = record.role.slice(record.role.indexOf(':role/') + ':role/'.length);
  const stillValid = `session "${record.sessionName}" of role ${roleName} stays valid until it expires at ${record.expiresAt}`;
  if (options.revokerRoleArn === undefined) {
    return { status: 'not-revocable', detail: `No revoker role is configured, so ${stillValid}.` };
  }
  return { status: 'failed', detail: `Revoking through a revoker role is not supported by this version yet, so ${stillValid}.` };
}
