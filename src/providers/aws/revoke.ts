import { BrokerError } from '../../errors/broker-error.ts';
import type { AwsIssuedCredential, RevocationResult } from '../issued-credential.ts';
import { applyDenial, iamClient, roleNameOf } from './apply-denial.ts';
import { assumeRoleWithWebIdentity } from './exchange.ts';
import { maskAccountIds } from './export.ts';
import { denyOneSession } from './session-denial.ts';

/** How the post step reaches the revoker role: a fresh OIDC token for it. */
export interface RevokerAccess {
  getToken: () => Promise<string>;
  now?: () => Date;
}

/**
 * The post step's hook for one AWS credential. STS cannot end one session, but IAM can deny it: the
 * revoker role writes onto the session's role an inline Deny for its `aws:userid`. Without a revoker
 * role, nothing can end the session before its expiry, and the report says so.
 */
export async function revokeAwsCredential(record: AwsIssuedCredential, access?: RevokerAccess): Promise<RevocationResult> {
  // The role's name, not its ARN: the detail lands in the job summary, which the runner does not mask.
  const roleName = roleNameOf(record.role) ?? record.role;
  const stillValid = `session "${record.sessionName}" of role ${roleName} stays valid until it expires at ${record.expiresAt}`;
  if (record.revokerRoleArn === undefined || access === undefined) {
    return { status: 'not-revocable', detail: `No revoker role is configured, so ${stillValid}.` };
  }
  const now = access.now?.() ?? new Date();
  if (Date.parse(record.expiresAt) <= now.getTime()) {
    return { status: 'not-revocable', detail: `Session "${record.sessionName}" of role ${roleName} already expired at ${record.expiresAt}; nothing to deny.` };
  }
  try {
    const revoker = await assumeRoleWithWebIdentity({
      roleArn: record.revokerRoleArn,
      sessionName: record.sessionName,
      durationSeconds: 900,
      region: record.region,
      subject: 'the post step’s token',
      getToken: () => access.getToken(),
    });
    const iam = await iamClient(record.region, revoker);
    try {
      const outcome = await applyDenial(iam, roleName, () => denyOneSession(record.identity, new Date(record.expiresAt)), now);
      const pruned = outcome.pruned.length > 0 ? ` Pruned ${outcome.pruned.length} expired denial(s).` : '';
      const boundary = outcome.boundaryArn
        ? ''
        : ` Warning: role ${roleName} has no permissions boundary, so the revoker role could widen it; attach one (policy export --aws-revocation prints it).`;
      return { status: 'revoked', detail: `Session "${record.sessionName}" of role ${roleName} is denied from now on (inline policy ${outcome.denial.policyName}).${pruned}${boundary}` };
    } finally {
      iam.destroy();
    }
  } catch (error) {
    // STS and IAM errors name roles by ARN; the summary that shows this is not masked by the runner.
    const reason = error instanceof BrokerError ? maskAccountIds(`${error.message} ${error.hint}`) : 'an unexpected error';
    return { status: 'failed', detail: `Could not deny the session: ${reason} Until then, ${stillValid}.` };
  }
}
