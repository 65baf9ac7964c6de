import type { IAMClient } from '@aws-sdk/client-iam';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { applyDenial, roleNameOf } from '../../providers/aws/apply-denial.ts';
import type { SessionRevoker } from '../broker-deps.ts';
import type { BrokerAwsOptions } from './aws-assume-role.ts';

/** Writes denials onto roles with the broker's own IAM permissions, through the project's denial writer. */
export function brokerSessionRevoker(options: BrokerAwsOptions): SessionRevoker & { destroy: () => void } {
  let client: Promise<IAMClient> | undefined;
  const iamClient = (): Promise<IAMClient> =>
    (client ??= import('@aws-sdk/client-iam').then(({ IAMClient }) => new IAMClient({ region: options.region, endpoint: options.endpoint, maxAttempts: 3, ...(options.credentials && { credentials: options.credentials }) })));
  return {
    denyOnRole: async (roleArn, deny, now) => {
      const roleName = roleNameOf(roleArn);
      if (!roleName) throw new BrokerError(ErrorCode.AwsRevocationFailed, `${roleArn} is not a role ARN, so there is no role to write a denial on.`, { hint: 'The inventory holds what was minted; check the role ARN the rule grants.' });
      const outcome = await applyDenial(await iamClient(), roleName, deny, now);
      return outcome.denial.policyName;
    },
    destroy: () => void client?.then((c) => c.destroy()),
  };
}
