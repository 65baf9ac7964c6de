import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { withDeadline } from '../../util/deadline.ts';
import { agentFor, proxyFor, refusedByProxy } from '../../util/proxy.ts';
import { externalAccountConfig } from './external-account.ts';

export interface GcpEndpoints {
  /** Google's security token service; default https://sts.googleapis.com/v1/token. */
  tokenUrl: string;
  /** The IAM Credentials API; default https://iamcredentials.googleapis.com. */
  iamCredentialsUrl: string;
}

export const GOOGLE_ENDPOINTS: GcpEndpoints = { tokenUrl: 'https://sts.googleapis.com/v1/token', iamCredentialsUrl: 'https://iamcredentials.googleapis.com' };

export interface GcpExchange {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  workloadIdentityProvider: string;
  /** Undefined: return the federated token itself, without impersonation. */
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  scopes: readonly string[];
  /** The job's verified OIDC token, minted for the provider's audience. */
  getToken: () => Promise<string>;
  endpoints?: GcpEndpoints | undefined;
  /** The whole exchange, retries included, must end within this. */
  timeoutMs?: number | undefined;
}

export interface GcpSession {
  accessToken: string;
  expiration: Date;
  serviceAccount: string | undefined;
  workloadIdentityProvider: string;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Exchanges the job's OIDC token for a Google access token: a workload identity federation token from
 * STS, then (with a service account) a short-lived token from the IAM Credentials API. The token is
 * handed to google-auth-library through a subject-token supplier, never a file. Retries are the
 * library's own (bounded: a few attempts with backoff on 429, 5xx and network errors), and the whole
 * exchange is bounded by `timeoutMs`.
 */
export async function exchangeForGoogleToken(request: GcpExchange): Promise<GcpSession> {
  const client = await identityPoolClient(request);
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const { token } = await withDeadline(client.getAccessToken(), timeoutMs, () => timedOut(request, timeoutMs));
    const expiry = client.credentials.expiry_date;
    if (!token || !expiry) throw new BrokerError(ErrorCode.GcpExchangeFailed, 'Google answered without an access token or its expiry.', { hint: 'Check the endpoints if you override them; otherwise, file an issue.' });
    return { accessToken: token, expiration: new Date(expiry), serviceAccount: request.serviceAccount, workloadIdentityProvider: request.workloadIdentityProvider };
  } catch (error) {
    throw exchangeError(error, request);
  }
}

async function identityPoolClient(request: Omit<GcpExchange, 'timeoutMs'>) {
  const { IdentityPoolClient } = await import('google-auth-library');
  // The constructor, not ExternalAccountClient.fromJSON: the configuration is built here from checked
  // inputs, and fromJSON prints a warning about untrusted files into the job's log.
  const client = new IdentityPoolClient({
    ...externalAccountConfig({ ...request, endpoints: request.endpoints ?? GOOGLE_ENDPOINTS }),
    scopes: [...request.scopes],
    subject_token_supplier: { getSubjectToken: () => request.getToken() },
    transporterOptions: { agent: (url: URL) => agentFor(url) },
  });
  // The library gives its STS exchange a transporter of its own, which would ignore the agent above.
  client['stsCredential']['transporter'] = client.transporter;
  return client;
}

export interface GcpIdTokenRequest {
  workloadIdentityProvider: string;
  serviceAccount: string;
  /** The `aud` of the ID token: a Cloud Run service's URL, an IAP client id. */
  audience: string;
  includeEmail: boolean;
  getToken: () => Promise<string>;
  endpoints?: GcpEndpoints | undefined;
  timeoutMs?: number | undefined;
}

export interface GcpIdToken {
  idToken: string;
  expiration: Date;
}

// IAM Credentials needs the federated token to carry a scope it accepts.
const IAM_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

/**
 * Mints a Google-signed ID token as the service account: the job's token becomes a federated token at
 * STS, whose principal calls IAM Credentials' generateIdToken (roles/iam.workloadIdentityUser grants
 * it, as it grants getAccessToken).
 */
export async function mintGoogleIdToken(request: GcpIdTokenRequest): Promise<GcpIdToken> {
  const endpoints = request.endpoints ?? GOOGLE_ENDPOINTS;
  const client = await identityPoolClient({ ...request, serviceAccount: undefined, lifetimeSeconds: 0, scopes: [IAM_SCOPE], endpoints });
  const url = `${endpoints.iamCredentialsUrl.replace(/\/+$/, '')}/v1/projects/-/serviceAccounts/${encodeURIComponent(request.serviceAccount)}:generateIdToken`;
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const target = { ...request, lifetimeSeconds: 0, scopes: [] };
  try {
    const response = await withDeadline(client.request<{ token?: unknown }>({ url, method: 'POST', data: { audience: request.audience, includeEmail: request.includeEmail } }), timeoutMs, () => timedOut(target, timeoutMs));
    const idToken = response.data.token;
    const exp = typeof idToken === 'string' ? jwtExpiry(idToken) : undefined;
    if (typeof idToken !== 'string' || exp === undefined) throw new BrokerError(ErrorCode.GcpExchangeFailed, 'Google answered generateIdToken without an ID token.', { hint: 'Check gcp-iam-credentials-url if you override it; otherwise, file an issue.' });
    return { idToken, expiration: new Date(exp * 1000) };
  } catch (error) {
    throw exchangeError(error, target);
  }
}

/** The `exp` of a JWT that Google signed; read, not verified, to report when it ends. */
function jwtExpiry(token: string): number | undefined {
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

function timedOut(request: GcpExchange, timeoutMs: number): BrokerError {
  return new BrokerError(ErrorCode.GcpExchangeTimedOut, `Gave up obtaining a Google token for ${request.serviceAccount ?? request.workloadIdentityProvider} after ${(timeoutMs / 1000).toFixed(1)} s.`, {
    hint: 'Google STS or IAM Credentials did not answer in time: retry the job, and check this machine’s network path to them.',
  });
}

/** The parts of a gaxios error this module reads. */
interface HttpError {
  status?: number;
  code?: string;
  response?: { status?: number; data?: unknown };
  config?: { url?: string | URL };
}

function exchangeError(error: unknown, request: GcpExchange): BrokerError {
  if (error instanceof BrokerError) return error;
  const http = error as HttpError;
  const status = http.response?.status ?? http.status;
  // A proxy's 407 reaches here as Google's answer would; it is the proxy that needs fixing, not Google.
  const url = http.config?.url === undefined ? undefined : new URL(http.config.url);
  const refused = url && refusedByProxy(proxyFor(url), url, { status, error: error as Error & { code?: string } });
  if (refused) return refused;
  const said = describeGoogleError(http.response?.data);
  const target = request.serviceAccount ?? request.workloadIdentityProvider;
  if (status === 401 || status === 403 || (status === 400 && /attribute condition|audience/i.test(said))) {
    return new BrokerError(ErrorCode.GcpAccessDenied, `Google refused a token for ${target}: ${said}.`, {
      hint: /attribute condition/i.test(said)
        ? 'The workload identity pool provider’s attribute condition rejects this job: compare it with `ci-oidc-broker policy export --gcp-attribute-condition`.'
        : /getAccessToken|getOpenIdToken/.test(said)
          ? `Grant roles/iam.workloadIdentityUser on ${request.serviceAccount ?? 'the service account'} to this job's principal (principalSet://…/attribute.repository/OWNER/REPO or principal://…/subject/SUB).`
          : 'Check the provider’s issuer and allowed audiences, and the audience the token was requested for (gcp-audience).',
      cause: error,
    });
  }
  return new BrokerError(ErrorCode.GcpExchangeFailed, `Obtaining a Google token for ${target} failed${status ? ` (HTTP ${status})` : http.code ? ` (${http.code})` : ''}: ${said}.`, {
    hint: 'Check the workload identity provider name, the lifetime (at most 1 hour) and the network path to Google; retry if Google had an outage.',
    cause: error,
  });
}

/** Google's error bodies: STS `{error, error_description}`, IAM `{error: {message, status}}`. */
function describeGoogleError(data: unknown): string {
  const body = data as { error?: unknown; error_description?: unknown } | undefined;
  if (typeof body?.error_description === 'string') return JSON.stringify(body.error_description);
  const nested = body?.error as { message?: unknown } | undefined;
  if (typeof nested?.message === 'string') return JSON.stringify(nested.message);
  return 'no details';
}
