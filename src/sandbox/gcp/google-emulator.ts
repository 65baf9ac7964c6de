import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isCelError } from '@bufbuild/cel';
import { createRemoteJWKSet, decodeProtectedHeader, errors, exportJWK, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { FaultPlan, listenOnLoopback, readBody, sendJson, type ErrorResponder, type LoopbackServer } from '../http.ts';
import { poolOf } from '../../providers/gcp/export.ts';
import { compileCel, conditionAdmits, type CelVariables } from './cel.ts';

/** A workload identity pool provider: which issuer it trusts, how claims map, and which tokens it admits. */
export interface PoolProviderDefinition {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  name: string;
  issuer: string;
  /** Empty: the provider's own resource name, with or without https:, as Google defaults it. */
  allowedAudiences?: string[];
  /** CEL expressions by target attribute, e.g. { 'google.subject': 'assertion.sub', 'attribute.repository': 'assertion.repository' }. */
  attributeMapping: Record<string, string>;
  attributeCondition?: string | undefined;
}

/** A service account and who may mint its tokens. */
export interface ServiceAccountDefinition {
  email: string;
  /** Federated principals holding roles/iam.workloadIdentityUser: principal://…/subject/SUB, principalSet://…/attribute.NAME/VALUE or principalSet://…/* */
  impersonators: string[];
  /** Members holding roles/iam.serviceAccountTokenCreator, such as `serviceAccount:broker@…`: other service accounts that may mint its tokens. */
  tokenCreators?: string[];
}

/** A service account key file, as the IAM API hands it out and google-auth-library reads it. */
export interface ServiceAccountKey {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
}

interface FederatedToken {
  pool: string;
  subject: string;
  attributes: Record<string, string>;
  expiresAt: number;
}

interface AccessToken {
  serviceAccount: string;
  scopes: string[];
  expiresAt: number;
}

/** Google's error shapes for injected faults: STS answers OAuth's `{error, error_description}`, IAM Credentials `{error: {code, message, status}}`. */
const googleFaultResponse: ErrorResponder = (res, status, fault, headers) => {
  const throttled = fault.kind === 'throttle';
  const message = throttled ? 'Quota exceeded (sandbox fault).' : 'The service is currently unavailable (sandbox fault).';
  const body = new URL(res.req.url ?? '/', 'http://sandbox').pathname === '/v1/token'
    ? { error: throttled ? 'rate_limit_exceeded' : 'temporarily_unavailable', error_description: message }
    : { error: { code: status, message, status: throttled ? 'RESOURCE_EXHAUSTED' : 'UNAVAILABLE' } };
  sendJson(res, status, body, headers);
};

/** The emulator's endpoints by path, for faults aimed at one of them. */
export const GOOGLE_FAULT_TARGETS = {
  sts: '/v1/token',
  iamCredentials: (req: { method?: string | undefined }, url: URL): boolean => req.method === 'POST' && url.pathname.endsWith(':generateAccessToken'),
};

/** The issuer of the ID tokens Google signs for service accounts. */
export const GOOGLE_ID_TOKEN_ISSUER = 'https://accounts.google.com';
const ID_TOKEN_SECONDS = 3600;

const MAX_LIFETIME_SECONDS = 3600;
// A self-signed JWT must carry one of these scopes to call IAM Credentials.
const IAM_CREDENTIALS_SCOPES = ['https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/iam'];
const FEDERATED_TOKEN_SECONDS = 3600;

/**
 * Google's security token service (`/v1/token`), the IAM Credentials API (`generateAccessToken`) and
 * OAuth's token-info endpoint, on one loopback endpoint, as google-auth-library talks to them. The STS
 * verifies the subject token against the provider's issuer, maps attributes and applies the attribute
 * condition in CEL; IAM Credentials checks that the federated principal may impersonate the account
 * and bounds the lifetime.
 */
export class GoogleCloudEmulator {
  readonly url: string;
  /** Every token issued (access tokens and ID tokens), so tests can prove that none of them leaked. */
  readonly accessTokensIssued: string[] = [];
  /** Network and service faults served before a request is handled (see FaultPlan and GOOGLE_FAULT_TARGETS). */
  readonly faults: FaultPlan;
  /** The clock tokens expire by; tests move it. */
  now: () => number = () => Date.now();
  readonly #server: LoopbackServer;
  readonly #providers = new Map<string, PoolProviderDefinition>();
  readonly #serviceAccounts = new Map<string, ServiceAccountDefinition>();
  readonly #federated = new Map<string, FederatedToken>();
  readonly #accessTokens = new Map<string, AccessToken>();
  readonly #keys = new Map<string, JWTVerifyGetKey>();
  /** Service account keys by their id: whose they are, and the public half that verifies what they sign. */
  readonly #serviceAccountKeys = new Map<string, { email: string; publicKey: KeyObject }>();
  /** Google's own key, which signs ID tokens; its public half is served as Google serves its certs. */
  readonly #googleKey = { id: randomBytes(20).toString('hex'), ...generateKeyPairSync('rsa', { modulusLength: 2048 }) };

  private constructor(server: LoopbackServer, faults: FaultPlan) {
    this.#server = server;
    this.faults = faults;
    this.url = server.url;
  }

  static async start(): Promise<GoogleCloudEmulator> {
    const late: { emulator?: GoogleCloudEmulator } = {};
    const faults = new FaultPlan(googleFaultResponse);
    const server = await listenOnLoopback((req, res) => late.emulator!.#handle(req, res), faults);
    late.emulator = new GoogleCloudEmulator(server, faults);
    return late.emulator;
  }

  get tokenUrl(): string {
    return `${this.url}/v1/token`;
  }

  impersonationUrl(email: string): string {
    return `${this.url}/v1/projects/-/serviceAccounts/${email}:generateAccessToken`;
  }

  get tokenInfoUrl(): string {
    return `${this.url}/tokeninfo`;
  }

  /** Google's signing certificates as PEM by key id (OAuth2Client's oauth2FederatedSignonPemCertsUrl). */
  get pemCertsUrl(): string {
    return `${this.url}/oauth2/v1/certs`;
  }

  /** The same keys as a JWKS (oauth2FederatedSignonJwkCertsUrl). */
  get jwksUrl(): string {
    return `${this.url}/oauth2/v3/certs`;
  }

  putProvider(definition: PoolProviderDefinition): void {
    this.#providers.set(definition.name, definition);
  }

  putServiceAccount(definition: ServiceAccountDefinition): void {
    this.#serviceAccounts.set(definition.email, definition);
  }

  /**
   * A new key for a service account, as `gcloud iam service-accounts keys create` writes it. Calls
   * signed with it (a self-signed JWT as the bearer, as Google's client libraries send one) act as
   * that service account.
   */
  createServiceAccountKey(email: string): ServiceAccountKey {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyId = randomBytes(20).toString('hex');
    this.#serviceAccountKeys.set(keyId, { email, publicKey });
    return {
      type: 'service_account',
      project_id: email.split('@')[1]!.split('.')[0]!,
      private_key_id: keyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: String(BigInt(`0x${keyId.slice(0, 15)}`)),
      token_uri: `${this.url}/token`,
    };
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await readBody(req);
    if (req.method === 'POST' && url.pathname === '/v1/token') return this.#exchange(new URLSearchParams(body), res);
    const impersonation = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url.pathname);
    if (req.method === 'POST' && impersonation) return this.#generateAccessToken(decodeURIComponent(impersonation[1]!), req, body, res);
    const idToken = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateIdToken$/.exec(url.pathname);
    if (req.method === 'POST' && idToken) return this.#generateIdToken(decodeURIComponent(idToken[1]!), req, body, res);
    if (req.method === 'GET' && url.pathname === '/oauth2/v1/certs') return sendJson(res, 200, { [this.#googleKey.id]: this.#googleKey.publicKey.export({ type: 'spki', format: 'pem' }).toString() });
    if (req.method === 'GET' && url.pathname === '/oauth2/v3/certs') return sendJson(res, 200, { keys: [{ ...(await exportJWK(this.#googleKey.publicKey)), kid: this.#googleKey.id, alg: 'RS256', use: 'sig' }] });
    if (url.pathname === '/tokeninfo') return this.#tokenInfo(bearer(req) ?? url.searchParams.get('access_token') ?? new URLSearchParams(body).get('access_token'), res);
    sendJson(res, 404, { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } });
  }

  async #exchange(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const fail = (description: string, error = 'invalid_grant'): void => sendJson(res, 400, { error, error_description: description });
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:token-exchange') return fail('Invalid value for "grant_type".', 'invalid_request');
    if (form.get('requested_token_type') !== 'urn:ietf:params:oauth:token-type:access_token') return fail('Invalid value for "requested_token_type".', 'invalid_request');
    const subjectTokenType = form.get('subject_token_type');
    if (subjectTokenType !== 'urn:ietf:params:oauth:token-type:jwt' && subjectTokenType !== 'urn:ietf:params:oauth:token-type:id_token') return fail('Invalid value for "subject_token_type".', 'invalid_request');
    const audience = form.get('audience') ?? '';
    const name = audience.replace(/^\/\/iam\.googleapis\.com\//, '');
    const provider = this.#providers.get(name);
    if (!provider) return fail(`Invalid value for "audience". This value should be the full resource name of the Identity Provider.`, 'invalid_target');
    let payload: JWTPayload;
    try {
      const audiences = provider.allowedAudiences?.length ? provider.allowedAudiences : [`//iam.googleapis.com/${name}`, `https://iam.googleapis.com/${name}`];
      ({ payload } = await jwtVerify(form.get('subject_token') ?? '', await this.#jwks(provider.issuer), { issuer: provider.issuer, audience: audiences, currentDate: new Date(this.now()) }));
    } catch (error) {
      return fail(error instanceof errors.JWTExpired ? 'The ID Token has expired.' : error instanceof errors.JWTClaimValidationFailed && error.claim === 'aud' ? 'The audience in ID Token does not match the expected audience.' : 'The ID Token could not be verified.');
    }
    // A verified payload is parsed JSON, which CEL reads as Google does: objects as maps, numbers as doubles.
    const assertion = payload as CelVariables;
    const attributes: Record<string, string> = {};
    for (const [target, expression] of Object.entries(provider.attributeMapping)) {
      const value = compileCel(expression)({ assertion });
      if (isCelError(value)) return fail(`The attribute mapping could not be evaluated: ${value.message}.`);
      if (typeof value === 'string') attributes[target] = value;
    }
    if (!attributes['google.subject']) return fail('The mapped attribute google.subject is empty.');
    if (provider.attributeCondition !== undefined) {
      const variables = { assertion, google: mappedUnder('google.', attributes), attribute: mappedUnder('attribute.', attributes) };
      if (!conditionAdmits(compileCel(provider.attributeCondition), variables)) return fail('The given credential is rejected by the attribute condition.', 'unauthorized_client');
    }
    const token = `ya29.federated.${randomBytes(24).toString('base64url')}`;
    this.#federated.set(token, { pool: poolOf(name), subject: attributes['google.subject'], attributes, expiresAt: this.now() + FEDERATED_TOKEN_SECONDS * 1000 });
    this.accessTokensIssued.push(token);
    sendJson(res, 200, { access_token: token, issued_token_type: 'urn:ietf:params:oauth:token-type:access_token', token_type: 'Bearer', expires_in: FEDERATED_TOKEN_SECONDS });
  }

  /** Whether the bearer may act as the service account; when not, the error is sent. */
  async #mayActAs(email: string, permission: string, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const error = (code: number, status: string, message: string): void => sendJson(res, code, { error: { code, message, status } });
    const caller = await this.#caller(bearer(req) ?? '');
    if (!caller) {
      error(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.');
      return false;
    }
    const account = this.#serviceAccounts.get(email);
    // A federated identity needs workloadIdentityUser on the account; another service account, serviceAccountTokenCreator.
    const allowed = typeof caller === 'string' ? (account?.tokenCreators ?? []).includes(`serviceAccount:${caller}`) : account?.impersonators.some((member) => admits(member, caller));
    if (!allowed) error(403, 'PERMISSION_DENIED', `Permission '${permission}' denied on resource (or it may not exist).`);
    return allowed === true;
  }

  /** An ID token signed with Google's key, for the audience asked: as Cloud Run and IAP receive them. */
  async #generateIdToken(email: string, req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    if (!(await this.#mayActAs(email, 'iam.serviceAccounts.getOpenIdToken', req, res))) return;
    let request: { audience?: unknown; includeEmail?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return sendJson(res, 400, { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } });
    }
    if (typeof request.audience !== 'string' || request.audience === '') return sendJson(res, 400, { error: { code: 400, message: 'Audience required.', status: 'INVALID_ARGUMENT' } });
    // A service account's unique id: a number, stable for its email.
    const uniqueId = BigInt(`0x${createHash('sha256').update(email).digest('hex').slice(0, 15)}`).toString();
    const iat = Math.floor(this.now() / 1000);
    const token = await new SignJWT({ azp: uniqueId, ...(request.includeEmail === true && { email, email_verified: true }) })
      .setProtectedHeader({ alg: 'RS256', kid: this.#googleKey.id, typ: 'JWT' })
      .setIssuer(GOOGLE_ID_TOKEN_ISSUER)
      .setSubject(uniqueId)
      .setAudience(request.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ID_TOKEN_SECONDS)
      .sign(this.#googleKey.privateKey);
    this.accessTokensIssued.push(token);
    sendJson(res, 200, { token });
  }

  async #generateAccessToken(email: string, req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    const error = (code: number, status: string, message: string): void => sendJson(res, code, { error: { code, message, status } });
    if (!(await this.#mayActAs(email, 'iam.serviceAccounts.getAccessToken', req, res))) return;
    let request: { scope?: unknown; lifetime?: unknown };
    try {
      request = JSON.parse(body) as typeof request;
    } catch {
      return error(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.');
    }
    const scopes = Array.isArray(request.scope) ? request.scope.filter((s): s is string => typeof s === 'string') : [];
    if (scopes.length === 0) return error(400, 'INVALID_ARGUMENT', 'Scope required.');
    const lifetime = request.lifetime === undefined ? '3600s' : String(request.lifetime);
    const seconds = /^(\d+)(\.\d+)?s$/.exec(lifetime) ? Number.parseFloat(lifetime) : Number.NaN;
    if (!(seconds > 0) || seconds > MAX_LIFETIME_SECONDS) {
      return error(400, 'INVALID_ARGUMENT', `The lifetime "${lifetime}" is outside the allowed range of 1 to ${MAX_LIFETIME_SECONDS} seconds.`);
    }
    const token = `ya29.c.${randomBytes(32).toString('base64url')}`;
    const expiresAt = this.now() + seconds * 1000;
    this.#accessTokens.set(token, { serviceAccount: email, scopes, expiresAt });
    this.accessTokensIssued.push(token);
    sendJson(res, 200, { accessToken: token, expireTime: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z') });
  }

  /**
   * Who a bearer speaks for: a federated token this STS issued, or the email of the service account
   * whose registered key signed a self-signed JWT (iss and sub its email, scoped for IAM, unexpired).
   */
  async #caller(token: string): Promise<FederatedToken | string | undefined> {
    const federated = this.#federated.get(token);
    if (federated) return federated.expiresAt > this.now() ? federated : undefined;
    try {
      const key = this.#serviceAccountKeys.get(decodeProtectedHeader(token).kid ?? '');
      if (!key) return undefined;
      const { payload } = await jwtVerify(token, key.publicKey, { algorithms: ['RS256'], issuer: key.email, subject: key.email, currentDate: new Date(this.now()), requiredClaims: ['exp', 'iat'] });
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ') : [];
      return scopes.some((scope) => IAM_CREDENTIALS_SCOPES.includes(scope)) ? key.email : undefined;
    } catch {
      return undefined;
    }
  }

  #tokenInfo(token: string | null, res: ServerResponse): void {
    const info = token ? this.#accessTokens.get(token) : undefined;
    if (!info || info.expiresAt <= this.now()) return sendJson(res, 400, { error: 'invalid_token', error_description: 'Invalid Value' });
    sendJson(res, 200, { azp: info.serviceAccount, email: info.serviceAccount, scope: info.scopes.join(' '), expires_in: String(Math.floor((info.expiresAt - this.now()) / 1000)), access_type: 'online' });
  }

  async #jwks(issuer: string): Promise<JWTVerifyGetKey> {
    let keys = this.#keys.get(issuer);
    if (!keys) {
      const document = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
      keys = createRemoteJWKSet(new URL(document.jwks_uri), { cooldownDuration: 0 });
      this.#keys.set(issuer, keys);
    }
    return keys;
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The mapped attributes a condition reads under one name: `attribute.repository` as `repository` of `attribute`. */
function mappedUnder(prefix: 'google.' | 'attribute.', attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => key.startsWith(prefix)).map(([key, value]) => [key.slice(prefix.length), value]));
}

/** Whether an IAM member names the federated identity: its subject, one of its attributes, or its whole pool. */
function admits(member: string, token: FederatedToken): boolean {
  const base = `//iam.googleapis.com/${token.pool}`;
  if (member === `principal:${base}/subject/${token.subject}`) return true;
  if (member === `principalSet:${base}/*`) return true;
  const attribute = new RegExp(`^principalSet:${base.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/attribute\\.([^/]+)/(.+)$`).exec(member);
  return attribute !== null && token.attributes[`attribute.${attribute[1]}`] === attribute[2];
}
