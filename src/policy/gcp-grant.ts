import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { PolicyRule } from './types.ts';

export interface GcpGrantChoice {
  workloadIdentityProvider: string;
  /** Undefined: the federated token only, without impersonation. */
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  /** True when the requested lifetime was lowered to the rule's max-lifetime. */
  capped: boolean;
  scopes: readonly string[];
  /** Set when an ID token was asked for, and the rule lists its audience. */
  idTokenAudience: string | undefined;
}

/**
 * Checks the requested provider and service account against what the deciding rule grants (with no
 * account requested, the rule's only one), caps the token lifetime at the rule's max-lifetime, and
 * admits an ID token only for an audience the rule lists, minted as a service account.
 */
export function chooseGcpGrant(
  rule: PolicyRule,
  requested: { provider: string | undefined; serviceAccount: string | undefined; lifetimeSeconds: number; idTokenAudience?: string | undefined },
): GcpGrantChoice {
  const grant = rule.grant?.gcp;
  const refuse = (message: string, hint: string): BrokerError => new BrokerError(ErrorCode.RoleNotGranted, message, { hint, location: rule.location });
  if (!grant) throw refuse(`Rule "${rule.name}" allowed this job but grants no Google Cloud access.`, `Add \`grant: gcp: workload-identity-provider: ...\` to rule "${rule.name}".`);
  if (requested.provider !== undefined && requested.provider !== grant.workloadIdentityProvider) {
    throw refuse(`Rule "${rule.name}" does not grant the workload identity provider ${requested.provider}; it grants ${grant.workloadIdentityProvider}.`, 'Set workload_identity_provider to the granted provider, or change the rule in a reviewed change to the policy.');
  }
  let serviceAccount = requested.serviceAccount;
  if (serviceAccount === undefined) {
    if (grant.serviceAccounts.length > 1) throw refuse(`Rule "${rule.name}" grants several service accounts (${grant.serviceAccounts.join(', ')}) and no service_account was given.`, 'Set the `service_account` input to one of them.');
    serviceAccount = grant.serviceAccounts[0];
  } else if (!grant.serviceAccounts.includes(serviceAccount)) {
    throw refuse(
      `Rule "${rule.name}" does not grant the service account ${serviceAccount}${grant.serviceAccounts.length > 0 ? `; it grants ${grant.serviceAccounts.join(', ')}` : ''}.`,
      'Use a granted service account, or add this one to the rule in a reviewed change to the policy.',
    );
  }
  const audience = requested.idTokenAudience;
  if (audience !== undefined) {
    if (!grant.idTokenAudiences.includes(audience)) {
      throw refuse(
        `Rule "${rule.name}" does not grant ID tokens for the audience ${JSON.stringify(audience)}${grant.idTokenAudiences.length > 0 ? `; it grants ${grant.idTokenAudiences.map((a) => JSON.stringify(a)).join(', ')}` : ''}.`,
        `Use a granted audience, or add it to the rule's gcp id-token-audiences in a reviewed change to the policy.`,
      );
    }
    if (serviceAccount === undefined) throw refuse(`Rule "${rule.name}" grants no service account, and Google mints ID tokens only as one.`, `Add service-accounts to rule "${rule.name}", and set the \`service_account\` input.`);
  }
  const lifetimeSeconds = Math.min(requested.lifetimeSeconds, grant.maxLifetimeSeconds);
  return { workloadIdentityProvider: grant.workloadIdentityProvider, serviceAccount, lifetimeSeconds, capped: lifetimeSeconds < requested.lifetimeSeconds, scopes: grant.scopes, idTokenAudience: audience };
}
