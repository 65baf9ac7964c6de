import type { GcpEndpoints } from './exchange.ts';

/**
 * The external_account configuration, without its subject token source, that both the exchange
 * and the credentials file for ADC and gcloud describe: the provider, Google STS and, with a service
 * account, impersonation for the given lifetime.
 */
export function externalAccountConfig(request: { workloadIdentityProvider: string; serviceAccount: string | undefined; lifetimeSeconds: number; endpoints: GcpEndpoints }) {
  return {
    type: 'external_account',
    audience: `//iam.googleapis.com/${request.workloadIdentityProvider}`,
    subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
    token_url: request.endpoints.tokenUrl,
    ...(request.serviceAccount && {
      service_account_impersonation_url: `${request.endpoints.iamCredentialsUrl.replace(/\/+$/, '')}/v1/projects/-/serviceAccounts/${request.serviceAccount}:generateAccessToken`,
      service_account_impersonation: { token_lifetime_seconds: request.lifetimeSeconds },
    }),
  };
}
