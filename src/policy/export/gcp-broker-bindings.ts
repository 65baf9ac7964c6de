import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { Policy } from '../types.ts';

export const TOKEN_CREATOR_ROLE = 'roles/iam.serviceAccountTokenCreator';

export interface GcpBrokerBindingsExport {
  /** One binding per service account the rules grant, set on that service account's own IAM policy. */
  bindings: Array<{ serviceAccount: string; role: typeof TOKEN_CREATOR_ROLE; member: string; command: string }>;
  notes: string[];
}

/**
 * What Google needs for the broker to mint: on each service account a rule grants, the broker's own
 * service account as a token creator, which lets it call generateAccessToken for that account alone.
 */
export function exportGcpBrokerBindings(policy: Policy, options: { brokerServiceAccount: string; rule?: string | undefined }): GcpBrokerBindingsExport {
  if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z0-9.-]+\.gserviceaccount\.com$/.test(options.brokerServiceAccount)) {
    throw new BrokerError(ErrorCode.InputInvalid, `--gcp-broker-bindings ${options.brokerServiceAccount} is not a service account email.`, { hint: 'Give the email of the service account the broker runs as: <name>@<project>.iam.gserviceaccount.com.' });
  }
  const rules = policy.rules.filter((rule) => rule.effect === 'allow' && (options.rule === undefined || rule.name === options.rule));
  if (options.rule !== undefined && rules.length === 0) {
    throw new BrokerError(ErrorCode.InputInvalid, `The policy has no allow rule named "${options.rule}".`, { hint: `Use one of: ${policy.rules.map((r) => r.name).join(', ')}.` });
  }
  const accounts = [...new Set(rules.flatMap((rule) => rule.grant?.gcp?.serviceAccounts ?? []))].sort();
  const member = `serviceAccount:${options.brokerServiceAccount}`;
  return {
    bindings: accounts.map((serviceAccount) => ({
      serviceAccount,
      role: TOKEN_CREATOR_ROLE,
      member,
      command: `gcloud iam service-accounts add-iam-policy-binding ${serviceAccount} --member=${member} --role=${TOKEN_CREATOR_ROLE}`,
    })),
    notes: [
      ...(accounts.length === 0 ? ['No selected rule grants a service account: the broker mints Google tokens only by impersonating one.'] : []),
      'Google cannot revoke an access token: a revocation by the broker clears it from the inventory only, and it stays valid until it expires.',
    ],
  };
}
