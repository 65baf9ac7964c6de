import type { STSClient } from '@aws-sdk/client-sts';
import type { AwsMintRequest } from '../../core/issue.ts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { sessionFromStsAnswer, type AwsSession } from '../../providers/aws/exchange.ts';
import { jobIdentityOf } from '../job-identity.ts';
import { sessionTags, sourceIdentity } from '../session-tags.ts';

export interface BrokerAwsOptions {
  region: string;
  /** Another STS (the sandbox's); by default the region's. */
  endpoint?: string | undefined;
  /** The broker's own credentials; by default the SDK's standard chain finds them. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined } | undefined;
}

// A hung STS must not hold a job for long; the SDK's own retries are bounded by their attempt count.
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * AssumeRole signed with the broker's own identity: the target role trusts the broker's role, never the
 * CI issuer, so this is the only way in. The session carries the verified claims as tags (transitive, so
 * they survive role chaining) and the repository and run as its SourceIdentity.
 */
export function brokerAssumeRole(options: BrokerAwsOptions): { mint: (request: AwsMintRequest) => Promise<AwsSession>; destroy: () => void } {
  let client: Promise<STSClient> | undefined;
  const stsClient = (): Promise<STSClient> =>
    (client ??= import('@aws-sdk/client-sts').then(({ STSClient }) => new STSClient({ region: options.region, endpoint: options.endpoint, maxAttempts: 3, ...(options.credentials && { credentials: options.credentials }) })));
  return {
    mint: async (request) => {
      const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
      const identity = jobIdentityOf(request.claims);
      const tags = sessionTags(identity.tagClaims);
      const command = new AssumeRoleCommand({
        RoleArn: request.roleArn,
        RoleSessionName: request.sessionName,
        DurationSeconds: request.durationSeconds,
        Policy: request.sessionPolicy,
        PolicyArns: request.managedSessionPolicyArns.length > 0 ? request.managedSessionPolicyArns.map((arn) => ({ arn })) : undefined,
        Tags: tags.length > 0 ? tags : undefined,
        TransitiveTagKeys: tags.length > 0 ? tags.map((tag) => tag.Key) : undefined,
        SourceIdentity: sourceIdentity(identity.repositoryId, identity.run),
      });
      try {
        const output = await (await stsClient()).send(command, { abortSignal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
        return sessionFromStsAnswer(output, { ...request, region: options.region }, 'Check that the configured aws.endpoint speaks AWS STS.');
      } catch (error) {
        throw assumeRoleError(error, request.roleArn);
      }
    },
    destroy: () => void client?.then((c) => c.destroy()),
  };
}

function assumeRoleError(error: unknown, roleArn: string): BrokerError {
  if (error instanceof BrokerError) return error;
  const name = (error as { name?: string }).name ?? 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return new BrokerError(ErrorCode.AwsAccessDenied, `AWS STS denied the broker assuming ${roleArn}.`, {
      hint: 'The role’s trust policy must allow the broker’s role sts:AssumeRole, sts:TagSession and sts:SetSourceIdentity, with conditions the session’s tags meet; policy export --aws-broker-trust prints it.',
      cause: error,
    });
  }
  return new BrokerError(ErrorCode.AwsExchangeFailed, `The broker could not assume ${roleArn}: ${name}${status ? ` (HTTP ${status})` : ''}.`, {
    hint: 'Check the role ARN, the broker’s own AWS credentials and its network path to STS (aws.endpoint, if set).',
    cause: error,
  });
}
