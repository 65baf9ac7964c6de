import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { PolicyRule } from './types.ts';

export interface AwsRoleChoice {
  roleArn: string;
  durationSeconds: number;
  /** True when the requested duration was lowered to the rule's max-duration. */
  capped: boolean;
  /** The rule's session policy (JSON), which narrows the session; undefined when it has none. */
  sessionPolicy: string | undefined;
  /** The rule's revoker role, for the post step; undefined when it names none. */
  revokeRole: string | undefined;
}

/**
 * Checks the requested role against what the deciding rule grants, picking the rule's single role when
 * none was requested, caps the session duration at the rule's max-duration, and hands on the rule's
 * session policy.
 */
export function chooseAwsRole(rule: PolicyRule, requestedRole: string | undefined, requestedSeconds: number): AwsRoleChoice {
  const grant = rule.grant?.aws;
  if (!grant) {
    throw new BrokerError(ErrorCode.RoleNotGranted, `Rule "${rule.name}" allowed this job but grants no AWS role.`, {
      hint: `Add \`grant: aws: roles: [...]\` to rule "${rule.name}".`,
      location: rule.location,
    });
  }
  const listed = grant.roles.join(', ');
  let roleArn = requestedRole;
  if (roleArn === undefined) {
    if (grant.roles.length !== 1) {
      throw new BrokerError(ErrorCode.RoleNotGranted, `Rule "${rule.name}" grants several roles (${listed}) and no role-to-assume was given.`, {
        hint: 'Set the `role-to-assume` input to one of them.',
        location: rule.location,
      });
    }
    roleArn = grant.roles[0]!;
  } else if (!grant.roles.includes(roleArn)) {
    throw new BrokerError(ErrorCode.RoleNotGranted, `Rule "${rule.name}" does not grant the role ${roleArn}; it grants ${listed}.`, {
      hint: 'Use one of the granted roles, or add this role to the rule in a reviewed change to the policy.',
      location: rule.location,
    });
  }
  const durationSeconds = Math.min(requestedSeconds, grant.maxDurationSeconds);
  if (grant.sessionPolicy && grant.sessionPolicy.document === undefined) throw new Error(`the session policy ${grant.sessionPolicy.path} was not loaded`);
  return { roleArn, durationSeconds, capped: durationSeconds < requestedSeconds, sessionPolicy: grant.sessionPolicy?.document, revokeRole: grant.revokeRole };
}

/**
 * The role a session of the rule's grant may chain into: only one its `chain-to` lists, so the action
 * never hops where the policy did not say it may.
 */
export function chooseChainedRole(rule: PolicyRule, requestedRole: string): string {
  const chainTo = rule.grant?.aws?.chainTo ?? [];
  if (chainTo.includes(requestedRole)) return requestedRole;
  throw new BrokerError(ErrorCode.RoleNotGranted, `Rule "${rule.name}" does not let its sessions chain into ${requestedRole}; ${chainTo.length > 0 ? `it lists ${chainTo.join(', ')}` : 'it lists no role under chain-to'}.`, {
    hint: `Use a role that the rule's \`chain-to:\` lists, or add this one to \`grant: aws: chain-to:\` of rule "${rule.name}" in a reviewed change to the policy.`,
    location: rule.location,
  });
}
