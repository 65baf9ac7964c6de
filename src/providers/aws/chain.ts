import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { defaultRetryPolicy, RetriesExhaustedError, withRetries } from '../../util/retry.ts';
import { sessionFromStsAnswer, type AwsSession } from './exchange.ts';
import { transientVerdict } from './sts-errors.ts';

/** AWS caps a session that one role session assumes (role chaining) at one hour, whatever was asked. */
export const CHAINED_SESSION_MAX_SECONDS = 3600;

const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * The second hop of a role chain: AssumeRole into `roleArn`, signed by the first session's own
 * credentials, so the chained role's trust policy decides on the first role's ARN. Retried as the first
 * hop is, within the same kind of budget; every failure ends as a BrokerError.
 */
export async function assumeChainedRole(from: AwsSession, request: { roleArn: string; sessionName: string; durationSeconds: number }): Promise<AwsSession> {
  const { STSClient, AssumeRoleCommand } = await import('@aws-sdk/client-sts');
  const { ProxyRoutingHandler } = await import('../../util/aws-request-handler.ts');
  const client = new STSClient({
    region: from.region,
    requestHandler: new ProxyRoutingHandler(),
    maxAttempts: 1,
    credentials: { accessKeyId: from.accessKeyId, secretAccessKey: from.secretAccessKey, sessionToken: from.sessionToken },
  });
  const durationSeconds = Math.min(request.durationSeconds, CHAINED_SESSION_MAX_SECONDS);
  try {
    const { value } = await withRetries(
      ({ remainingMs }) =>
        client.send(new AssumeRoleCommand({ RoleArn: request.roleArn, RoleSessionName: request.sessionName, DurationSeconds: durationSeconds }), {
          abortSignal: AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs))),
        }),
      transientVerdict,
      defaultRetryPolicy,
    );
    return sessionFromStsAnswer(value, { roleArn: request.roleArn, sessionName: request.sessionName, region: from.region }, 'Check that the STS endpoint (AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL) speaks AWS STS.');
  } catch (error) {
    throw chainError(error, from.roleArn, request.roleArn);
  } finally {
    client.destroy();
  }
}

function chainError(error: unknown, fromRole: string, toRole: string): BrokerError {
  if (error instanceof BrokerError) return error;
  const last = error instanceof RetriesExhaustedError ? error.lastError : error;
  const name = (last as { name?: string }).name ?? 'Error';
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    return new BrokerError(ErrorCode.AwsAccessDenied, `AWS STS refused the chained hop from ${fromRole} into ${toRole} (AccessDenied).`, {
      hint: `The trust policy of ${toRole} must allow sts:AssumeRole to the principal ${fromRole}, and ${fromRole} must be allowed sts:AssumeRole on it.`,
      cause: error,
    });
  }
  const tries = error instanceof RetriesExhaustedError ? ` after ${error.attempts} attempt(s)` : '';
  return new BrokerError(ErrorCode.AwsExchangeFailed, `The chained hop from ${fromRole} into ${toRole} failed${tries} (${name}).`, {
    hint: 'Check the role ARN and the network path to STS; the first session still expires on its own.',
    cause: error,
  });
}
