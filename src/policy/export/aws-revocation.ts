import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { REVOKER_ACTIONS } from '../../providers/aws/session-denial.ts';
import type { Policy } from '../types.ts';
import { exportAwsTrustPolicy, type AwsTrustPolicyOptions, type TrustPolicyDocument, type Widening } from './aws-trust-policy.ts';

interface PermissionStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}
interface PermissionDocument {
  Version: '2012-10-17';
  Statement: PermissionStatement[];
}

export interface AwsRevocationExport {
  target: { roleArn: string; trustPolicy: TrustPolicyDocument; permissionsBoundary: PermissionDocument };
  revoker: { roleArn: string; permissions: PermissionDocument; trustPolicy: TrustPolicyDocument };
  notes: string[];
  /** The target's trust policy's widenings, which the revoker's trust shares (see exportAwsTrustPolicy). */
  widenings: Widening[];
}

// The shape of the per-job default session name, `<owner>.<repo>@<run id>-<attempt>-<job>`.
const SESSION_NAME_SHAPE = '?*@?*-?*-?*';

/**
 * The IAM documents that per-session revocation needs, for one target role: its trust policy, which
 * also requires the per-job session name (a denial by `aws:userid` must hit exactly one job); its
 * permissions boundary, which caps what any inline policy (the revoker writes some) can grant and
 * forbids sessions to edit the role's own policies; and the revoker role's permissions and trust.
 */
export function exportAwsRevocation(policy: Policy, options: AwsTrustPolicyOptions & { revokeRole?: string | undefined } = {}): AwsRevocationExport {
  const target = exportAwsTrustPolicy(policy, { rule: options.rule, role: options.role, allowBroader: options.allowBroader });
  const revokerArn = options.revokeRole ?? grantedRevoker(policy, target.roleArn);
  const withSessionName: TrustPolicyDocument = {
    ...target.document,
    Statement: target.document.Statement.map((statement) =>
      statement.Effect === 'Allow' ? { ...statement, Condition: { ...statement.Condition, StringLike: { ...statement.Condition.StringLike, 'sts:RoleSessionName': SESSION_NAME_SHAPE } } } : statement,
    ),
  };
  return {
    target: {
      roleArn: target.roleArn,
      trustPolicy: withSessionName,
      permissionsBoundary: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'MostThisRoleMayEverDo', Effect: 'Allow', Action: '*', Resource: '*' },
          { Sid: 'NoEditingItsOwnPolicies', Effect: 'Deny', Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary', 'iam:UpdateAssumeRolePolicy'], Resource: target.roleArn },
        ],
      },
    },
    revoker: {
      roleArn: revokerArn,
      permissions: { Version: '2012-10-17', Statement: [{ Sid: 'DenySessionsOfOneRole', Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: target.roleArn }] },
      trustPolicy: target.document,
    },
    notes: [
      ...target.notes,
      `The boundary's Allow statement is a placeholder: narrow it to the most ${target.roleArn} may ever do. The revoker can write any inline policy onto the role, and only the boundary keeps such a policy from widening it.`,
      `The trust policy requires session names shaped like the per-job default (${SESSION_NAME_SHAPE}); leave role-session-name unset so that each job's name is unique.`,
    ],
    widenings: target.widenings,
  };
}

function grantedRevoker(policy: Policy, roleArn: string): string {
  const revokers = [...new Set(policy.rules.flatMap((rule) => (rule.grant?.aws?.roles.includes(roleArn) && rule.grant.aws.revokeRole ? [rule.grant.aws.revokeRole] : [])))];
  if (revokers.length === 1) return revokers[0]!;
  throw new BrokerError(ErrorCode.InputInvalid, revokers.length === 0 ? `No rule that grants ${roleArn} names a revoke-role.` : `The rules that grant ${roleArn} name several revoke-roles: ${revokers.join(', ')}.`, {
    hint: 'Give the revoker role with --revoke-role, or set `revoke-role` in the rule’s aws grant.',
  });
}
