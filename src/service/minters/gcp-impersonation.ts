import type { GcpMintRequest } from '../../core/issue.ts';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { GcpSession } from '../../providers/gcp/exchange.ts';

export interface BrokerGcpOptions {
  iamCredentialsUrl: string;
  /** The broker's service account key; by default Application Default Credentials. */
  credentialsFile?: string | undefined;
  /** A client already holding the broker's credentials, instead of a key file or ADC. */
  authClient?: import('google-auth-library').AuthClient | undefined;
}

const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';
const TIMEOUT_MS = 10_000;

/**
 * IAM Credentials `generateAccessToken` as the broker's own service account, which holds
 * roles/iam.serviceAccountTokenCreator on each target: the job's token never reaches Google.
 */
export function brokerGenerateAccessToken(options: BrokerGcpOptions): (request: GcpMintRequest) => Promise<GcpSession> {
  let auth: Promise<import('google-auth-library').GoogleAuth> | undefined;
  const googleAuth = () =>
    (auth ??= import('google-auth-library').then(({ GoogleAuth }) => {
      const created = new GoogleAuth({ scopes: [CLOUD_PLATFORM], ...(options.credentialsFile && { keyFilename: options.credentialsFile }), ...(options.authClient && { authClient: options.authClient }) });
      // A service account key signs its own scoped JWT, as Google's client libraries do for Google APIs,
      // rather than trading it for a token first: one round trip fewer, and no endpoint but IAM Credentials.
      created.useJWTAccessWithScope = true;
      return created;
    }));
  return async (request) => {
    const serviceAccount = request.serviceAccount!;
    try {
      const client = await (await googleAuth()).getClient();
      const response = await client.request<{ accessToken?: string; expireTime?: string }>({
        url: `${options.iamCredentialsUrl}/v1/projects/-/serviceAccounts/${encodeURIComponent(serviceAccount)}:generateAccessToken`,
        method: 'POST',
        data: { scope: [...request.scopes], lifetime: `${request.lifetimeSeconds}s` },
        timeout: TIMEOUT_MS,
        retry: false,
      });
      const { accessToken, expireTime } = response.data;
      if (!accessToken || !expireTime) throw new BrokerError(ErrorCode.GcpExchangeFailed, 'IAM Credentials answered without an access token or its expiry.', { hint: 'Check gcp.iam-credentials-url.' });
      return { accessToken, expiration: new Date(expireTime), serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider };
    } catch (error) {
      if (error instanceof BrokerError) throw error;
      const status = (error as { status?: number; response?: { status?: number } }).response?.status ?? (error as { status?: number }).status;
      const denied = status === 401 || status === 403;
      throw new BrokerError(denied ? ErrorCode.GcpAccessDenied : ErrorCode.GcpExchangeFailed, `The broker could not obtain a token for ${serviceAccount}${status ? ` (HTTP ${status})` : ''}.`, {
        hint: denied ? `Grant the broker’s service account roles/iam.serviceAccountTokenCreator on ${serviceAccount}.` : 'Check the broker’s Google credentials and its network path to IAM Credentials.',
        cause: error,
      });
    }
  };
}
