import type { AssumeRoleWithWebIdentityCommandOutput } from '@aws-sdk/client-sts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { defaultRetryPolicy, withRetries, type RetryPolicy, type RetryVerdict } from '../../util/retry.ts';
import { exchangeError, isExpiredTokenError, transientVerdict } from './sts-errors.ts';

export interface WebIdentityExchange {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  region: string;
  /** An IAM policy document as JSON, to narrow the session below the role's permissions. */
  inlineSessionPolicy?: string | undefined;
  managedSessionPolicyArns?: readonly string[] | undefined;
  /** The token's verified `sub`, quoted when the role's trust policy refuses it. */
  subject: string;
  /** The token's verified `iss`, whose condition keys a refusal's hint names. */
  issuer?: string | undefined;
  /** Called before every attempt. `forceRefresh` asks for a new token after STS said the last one expired. */
  getToken: (options: { forceRefresh: boolean }) => Promise<string>;
  retryPolicy?: RetryPolicy | undefined;
}

export interface AwsSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  /** `AROA…:session-name`: what `aws:userid` matches. */
  assumedRoleId: string;
  assumedRoleArn: string;
  accountId: string;
  sessionName: string;
  roleArn: string;
  region: string;
}

// A hung connection may take one attempt's share of the budget, not all of it.
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * Exchanges the CI job's OIDC token for role credentials. The call is unsigned, retried by the
 * project's one retry loop within its time budget, and every failure ends as a BrokerError.
 */
export async function assumeRoleWithWebIdentity(request: WebIdentityExchange): Promise<AwsSession> {
  // Loaded here so that start-up pays for the SDK only when AWS is asked for.
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts');
  const { ProxyRoutingHandler } = await import('../../util/aws-request-handler.ts');
  const client = new STSClient({
    region: request.region,
    requestHandler: new ProxyRoutingHandler(),
    // Retries are ours, so that one loop and one budget govern them.
    maxAttempts: 1,
    // The operation is modelled as unsigned; pinning that keeps AWS_AUTH_SCHEME_PREFERENCE from choosing a
    // signing scheme, which would make the client look for credentials.
    authSchemePreference: ['noAuth'],
  });
  const policyArns = request.managedSessionPolicyArns ?? [];
  let sentToken: string | undefined;
  // STS saying the token expired earns one retry with a fresh token.
  let refresh: 'unused' | 'next-attempt' | 'used' = 'unused';
  const classify = (error: unknown): RetryVerdict => {
    if (!isExpiredTokenError(error)) return transientVerdict(error);
    if (refresh !== 'unused') return { retry: false };
    refresh = 'next-attempt';
    return { retry: true };
  };
  try {
    const { value } = await withRetries(
      async ({ remainingMs }) => {
        const forceRefresh = refresh === 'next-attempt';
        if (forceRefresh) refresh = 'used';
        sentToken = await request.getToken({ forceRefresh });
        const command = new AssumeRoleWithWebIdentityCommand({
          RoleArn: request.roleArn,
          RoleSessionName: request.sessionName,
          WebIdentityToken: sentToken,
          DurationSeconds: request.durationSeconds,
          Policy: request.inlineSessionPolicy,
          // The SDK would send an empty list as `PolicyArns=`, so none is left out instead.
          PolicyArns: policyArns.length > 0 ? policyArns.map((arn) => ({ arn })) : undefined,
        });
        const timeoutMs = Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs));
        return client.send(command, { abortSignal: AbortSignal.timeout(timeoutMs) });
      },
      classify,
      request.retryPolicy ?? defaultRetryPolicy,
    );
    return sessionFromStsAnswer(value, request, 'If you point the SDK at another endpoint (AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL), check that it speaks AWS STS; otherwise, file an issue.');
  } catch (error) {
    const redact = (text: string): string => (sentToken ? text.replaceAll(sentToken, '[token]') : text);
    throw exchangeError(error, { roleArn: request.roleArn, subject: request.subject, issuer: request.issuer, redact });
  } finally {
    client.destroy();
  }
}

/**
 * The session in an STS answer (AssumeRole or AssumeRoleWithWebIdentity), or an error when STS left any
 * part of it out; `hint` says where to look for the endpoint that answered.
 */
export function sessionFromStsAnswer(
  output: Pick<AssumeRoleWithWebIdentityCommandOutput, 'Credentials' | 'AssumedRoleUser'>,
  request: { roleArn: string; sessionName: string; region: string },
  hint: string,
): AwsSession {
  const credentials = output.Credentials;
  const user = output.AssumedRoleUser;
  // arn:aws:sts::<account>:assumed-role/<role>/<session>
  const accountId = user?.Arn?.split(':')[4];
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration || !user?.AssumedRoleId || !user.Arn || !accountId) {
    throw new BrokerError(ErrorCode.AwsExchangeFailed, `AWS STS answered the request to assume ${request.roleArn} without complete credentials or assumed-role user.`, { hint });
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
    assumedRoleId: user.AssumedRoleId,
    assumedRoleArn: user.Arn,
    accountId,
    sessionName: request.sessionName,
    roleArn: request.roleArn,
    region: request.region,
  };
}
