import type { IAMClient } from '@aws-sdk/client-iam';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { STS_SESSION_SECONDS } from '../../policy/duration.ts';
import { DENIAL_PREFIX, obsoleteDenials, type SessionDenial } from './session-denial.ts';

export interface DenialOutcome {
  denial: SessionDenial;
  /** The role's permissions boundary; without one, whoever may write the denial could also widen the role. */
  boundaryArn: string | undefined;
  /** Denials that protected nothing any more and were deleted on the way. */
  pruned: string[];
}

/** An IAM client for the revoker: the given credentials, or the SDK's default chain; endpoint from AWS_ENDPOINT_URL_IAM. */
export async function iamClient(region: string, credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Promise<IAMClient> {
  // Loaded here so that only a revocation pays for the IAM SDK.
  const { IAMClient } = await import('@aws-sdk/client-iam');
  const { ProxyRoutingHandler } = await import('../../util/aws-request-handler.ts');
  return new IAMClient({ region, maxAttempts: 3, requestHandler: new ProxyRoutingHandler(), ...(credentials && { credentials }) });
}

const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/;

/** The role's name, which IAM's role APIs take, from its ARN (paths included); undefined for anything else. */
export function roleNameOf(roleArn: string): string | undefined {
  return ROLE_ARN.exec(roleArn)?.[1];
}

/**
 * Writes one denial onto a role: reads the role (for its boundary and maximum session duration, from
 * which `deny` builds the denial), prunes the denials that protect nothing any more, writes this one,
 * and reads it back. Each denial is its own inline policy, so concurrent writers never overwrite each
 * other (see session-denial.ts).
 */
export async function applyDenial(iam: IAMClient, roleName: string, deny: (maxSessionDurationSeconds: number) => SessionDenial, now: Date): Promise<DenialOutcome> {
  const { GetRoleCommand, ListRolePoliciesCommand, DeleteRolePolicyCommand, PutRolePolicyCommand, GetRolePolicyCommand } = await import('@aws-sdk/client-iam');
  try {
    const { Role: role } = await iam.send(new GetRoleCommand({ RoleName: roleName }));
    const maxSessionDuration = role?.MaxSessionDuration ?? STS_SESSION_SECONDS.max;
    const denial = deny(maxSessionDuration);
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
      names.push(...(page.PolicyNames ?? []));
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    const pruned = obsoleteDenials(names, now, maxSessionDuration);
    for (const name of pruned) {
      // Another job may be pruning the same denial at the same moment; gone is gone.
      await iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: name })).catch((error: { name?: string }) => {
        if (error.name !== 'NoSuchEntityException' && error.name !== 'NoSuchEntity') throw error;
      });
    }
    const document = JSON.stringify(denial.document);
    await iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: denial.policyName, PolicyDocument: document }));
    const written = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: denial.policyName }));
    if (JSON.stringify(JSON.parse(decodeURIComponent(written.PolicyDocument ?? '{}'))) !== document) {
      throw new BrokerError(ErrorCode.AwsRevocationFailed, `IAM did not keep the denial ${denial.policyName} on role ${roleName} as written.`, {
        hint: 'Something else rewrote the policy at the same moment; run the revocation again.',
      });
    }
    return { denial, boundaryArn: role?.PermissionsBoundary?.PermissionsBoundaryArn, pruned };
  } catch (error) {
    throw denialError(error, roleName);
  }
}

function denialError(error: unknown, roleName: string): BrokerError {
  if (error instanceof BrokerError) return error;
  const name = (error as { name?: string }).name ?? 'Error';
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return new BrokerError(ErrorCode.AwsRevocationFailed, `The revoker may not change role ${roleName} (IAM said AccessDenied).`, {
      hint: `Give the revoker iam:GetRole, iam:ListRolePolicies, iam:PutRolePolicy, iam:GetRolePolicy and iam:DeleteRolePolicy on role ${roleName}: \`ci-oidc-broker policy export --aws-revocation\` prints that policy.`,
      cause: error,
    });
  }
  if (name === 'LimitExceeded' || name === 'LimitExceededException') {
    return new BrokerError(ErrorCode.AwsRevocationFailed, `Role ${roleName} has no room for another inline policy: IAM's aggregate size limit is reached.`, {
      hint: `Expired denials (${DENIAL_PREFIX}*) are pruned on every write, so the role holds many live denials or other large inline policies: move those to managed policies, or shorten session durations.`,
      cause: error,
    });
  }
  if (name === 'NoSuchEntity' || name === 'NoSuchEntityException') {
    return new BrokerError(ErrorCode.AwsRevocationFailed, `Role ${roleName} does not exist.`, { hint: 'Check the role ARN; a deleted role has no sessions left to deny.', cause: error });
  }
  return new BrokerError(ErrorCode.AwsRevocationFailed, `Writing the denial on role ${roleName} failed (${name}).`, {
    hint: 'Check the network path to IAM (AWS_ENDPOINT_URL_IAM if you set it) and retry; the session still expires on its own.',
    cause: error,
  });
}
