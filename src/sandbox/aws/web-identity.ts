import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AwsApiError } from './query-protocol.ts';

/** An IAM OIDC identity provider: an issuer, and the audiences (client IDs) it may mint tokens for. */
export interface OidcProvider {
  issuer: string;
  clientIds: string[];
  /** arn:aws:iam::<account>:oidc-provider/<host and path> */
  arn: string;
  /** The prefix of its condition keys, `<host and path>`, as in `token.actions.githubusercontent.com:sub`. */
  keyPrefix: string;
}

/** Verifies web identity tokens as STS does: registered issuer, published key, audience, expiry. */
export class WebIdentityVerifier {
  readonly #keys = new Map<string, JWTVerifyGetKey>();

  async verify(token: string, providers: ReadonlyMap<string, OidcProvider>, now: Date): Promise<{ payload: JWTPayload; provider: OidcProvider }> {
    let issuer: unknown;
    try {
      issuer = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')).iss;
    } catch {
      throw new AwsApiError('InvalidIdentityToken', 400, 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)');
    }
    const provider = typeof issuer === 'string' ? providers.get(issuer) : undefined;
    if (!provider) throw new AwsApiError('InvalidIdentityToken', 400, `No OpenIDConnect provider found in your account for ${String(issuer)}`);
    try {
      const { payload } = await jwtVerify(token, await this.#jwks(provider.issuer), { issuer: provider.issuer, currentDate: now, algorithms: ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'] });
      const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
      if (!audiences.some((aud) => typeof aud === 'string' && provider.clientIds.includes(aud))) {
        throw new AwsApiError('InvalidIdentityToken', 400, 'Incorrect token audience');
      }
      return { payload, provider };
    } catch (error) {
      if (error instanceof AwsApiError) throw error;
      if (error instanceof errors.JWTExpired) {
        const exp = new Date(Number(error.payload.exp) * 1000).toISOString();
        throw new AwsApiError('ExpiredTokenException', 400, `Token expired: current date/time ${now.toISOString()} must be before the expiration date/time ${exp}`);
      }
      throw new AwsApiError('InvalidIdentityToken', 400, 'Couldn\'t verify the signature or claims of the web identity token.');
    }
  }

  async #jwks(issuer: string): Promise<JWTVerifyGetKey> {
    let keys = this.#keys.get(issuer);
    if (!keys) {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`).catch(() => undefined);
      const document = (await response?.json().catch(() => undefined)) as { jwks_uri?: string } | undefined;
      if (!document?.jwks_uri) throw idpCommunicationError();
      keys = createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 0, [customFetch]: fetchKeySet });
      this.#keys.set(issuer, keys);
    }
    return keys;
  }
}

function idpCommunicationError(): AwsApiError {
  return new AwsApiError('IDPCommunicationError', 400, `Couldn't retrieve verification key from your identity provider, please reference AssumeRoleWithWebIdentity documentation for requirements`);
}

/** Fetches a key set for jose; an unreachable or failing key endpoint is the provider's fault, not the token's. */
async function fetchKeySet(url: string, options: RequestInit): Promise<Response> {
  const response = await fetch(url, options).catch(() => undefined);
  if (response?.status !== 200) throw idpCommunicationError();
  return response;
}
