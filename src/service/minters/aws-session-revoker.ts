import type { IAMClient } from '@aws-sdk/client-iam';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { applyDenial, roleNameOf } from '../../providers/aws/apply-denial.ts';
import { denyOneSession } from '../../providers/aws/session-denial.ts';
import type { SessionRevoker } from '../broker-deps.ts';
import type { BrokerAwsOptions } from './aws-assume-role.ts';

/** Denies a session on its role with the broker's own IAM permissions: the project's per-session denial. */
export function brokerSessionRevoker(options: BrokerAwsOptions): SessionRevoker & { destroy: () => void } {
  let client: Promise<IAMClient> | undefined;
  const iamClient = (): Promise<IAMClient> =>
    (client ??= import('@aws-sdk/client-iam').then(({ IAMClient }) => new IAMClient({ region: options.region, endpoint: options.endpoint, maxAttempts: 3, ...(options.credentials && { credentials: options.credentials }) })));
  return {
    denyAwsSession: async (session, now) => {
      const roleName = roleNameOf(session.target);
      if (!roleName || !session.assumedRoleId) {
        throw new BrokerError(ErrorCode.AwsRevocationFailed, `Session ${session.id} has no role or assumed-role id to deny.`, { hint: 'It was never minted; nothing to deny.' });
      }
      const outcome = await applyDenial(await iamClient(), roleName, () => denyOneSession(session.assumedRoleId!, session.expiresAt), now);
      return outcome.denial.policyName;
    },
    destroy: () => void client?.then((c) => c.destroy()),
  };
}
