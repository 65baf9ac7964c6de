import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { assumeRoleWithWebIdentity, type AwsSession } from '../providers/aws/exchange.ts';
import { exchangeForGoogleToken, GOOGLE_ENDPOINTS, type GcpEndpoints, type GcpSession } from '../providers/gcp/exchange.ts';
import type { AwsMintRequest, CredentialMinter, GcpMintRequest } from './issue.ts';

export interface WebIdentityMinterOptions {
  /** The job's token for the cloud's audience; `forceRefresh` after STS said the last one expired. */
  getToken: (options: { forceRefresh: boolean }) => Promise<string>;
  /** Required before AWS is asked for. */
  region?: string | undefined;
  gcpEndpoints?: GcpEndpoints | undefined;
}

/** Mints with the job's own token, as the action and the CLI do: each cloud trusts the CI issuer directly. */
export function webIdentityMinter(options: WebIdentityMinterOptions): CredentialMinter {
  return {
    aws: (request: AwsMintRequest): Promise<AwsSession> => {
      const region = options.region;
      if (!region) return Promise.reject(new BrokerError(ErrorCode.InputInvalid, 'No AWS region was given, so there is no STS endpoint to ask.', { hint: 'Name the region, for example us-east-1.' }));
      return assumeRoleWithWebIdentity({
        roleArn: request.roleArn,
        sessionName: request.sessionName,
        durationSeconds: request.durationSeconds,
        region,
        inlineSessionPolicy: request.sessionPolicy,
        managedSessionPolicyArns: request.managedSessionPolicyArns,
        subject: String(request.claims.sub),
        issuer: String(request.claims.iss),
        getToken: options.getToken,
      });
    },
    gcp: (request: GcpMintRequest): Promise<GcpSession> =>
      exchangeForGoogleToken({
        workloadIdentityProvider: request.workloadIdentityProvider,
        serviceAccount: request.serviceAccount,
        lifetimeSeconds: request.lifetimeSeconds,
        scopes: request.scopes,
        endpoints: options.gcpEndpoints ?? GOOGLE_ENDPOINTS,
        getToken: () => options.getToken({ forceRefresh: false }),
      }),
  };
}
