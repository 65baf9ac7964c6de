import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SignJWT, type JWTPayload } from 'jose';
import { FaultPlan, listenOnLoopback, sendJson, type LoopbackServer } from '../http.ts';
import { claimsFor, defaultJob, type GitHubJob } from './github-claims.ts';
import { KeyRing, newSigningKey, type SigningKey } from './signing-keys.ts';

export interface OidcIssuerOptions {
  job?: Partial<GitHubJob>;
  /** Seconds from `iat` to `exp`. */
  tokenLifetimeSeconds?: number;
  /** Seconds by which `nbf` precedes `iat`, as GitHub back-dates it to absorb clock skew. */
  notBeforeSkewSeconds?: number;
}

export interface MintOptions {
  audience?: string | string[] | undefined;
  /** Claims to add or replace; a value of `undefined` removes the claim. */
  claims?: Record<string, unknown>;
  /** Protected-header fields to add or replace (for hostile-token tests). */
  header?: Record<string, unknown>;
  /** Seconds since the epoch to use as `iat`; defaults to now. */
  issuedAt?: number;
  lifetimeSeconds?: number;
  /** Sign with a fresh key that the JWKS does not publish, under the current key's `kid`: a forgery. */
  forgeSignature?: boolean;
}

// GitHub back-dates nbf by five minutes and lets tokens live a few minutes; tests override both.
const DEFAULT_LIFETIME_SECONDS = 300;
const DEFAULT_NOT_BEFORE_SKEW_SECONDS = 300;
const WELL_KNOWN = '/.well-known/openid-configuration';
const JWKS_PATH = '/.well-known/jwks';
const TOKEN_PATH = '/_apis/distributedtask/idtoken';

/** The issuer's endpoints by path, for faults aimed at one of them. */
export const ISSUER_PATHS = { discovery: WELL_KNOWN, jwks: JWKS_PATH, token: TOKEN_PATH } as const;

/** A key rotation armed to happen while a run is under way, once an endpoint has answered so often. */
interface ArmedRotation {
  after: keyof typeof ISSUER_PATHS;
  remaining: number;
  next: SigningKey;
  retirePrevious: boolean;
}

/**
 * A local OIDC issuer shaped like GitHub Actions': discovery, a rotating RS256 JWKS, and the runner's
 * token-request endpoint (bearer-protected, honouring `audience`).
 */
export class OidcIssuer {
  readonly url: string;
  /** What a runner puts in ACTIONS_ID_TOKEN_REQUEST_URL. */
  readonly tokenRequestUrl: string;
  /** What a runner puts in ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly tokenRequestBearer: string;
  job: GitHubJob;
  /** How tokens handed to the runner are shaped (for tests of wrong audiences, expiry, forgery). */
  runnerTokenShape: Omit<MintOptions, 'audience'> = {};
  /** Every token minted, so tests can prove that none of them leaked. */
  readonly minted: string[] = [];
  /**
   * The tokens handed out at the runner's token endpoint: when, and to which job (the `job` parameter
   * of the request URL that `runnerEnv` hands each job), so a test can tell which step asked.
   */
  readonly servedToRunner: Array<{ token: string; at: number; job: string | undefined }> = [];
  /** Counts of requests by path, so tests can see caching and refetches. */
  readonly requestCounts = new Map<string, number>();
  /** Network and service faults served before the issuer handles a request (see FaultPlan). */
  readonly faults: FaultPlan;
  #outage: 'none' | 'everything' | 'token-endpoint' = 'none';
  #rotation: ArmedRotation | undefined;
  readonly #server: LoopbackServer;
  readonly #keys: KeyRing;
  readonly #lifetime: number;
  readonly #nbfSkew: number;

  private constructor(server: LoopbackServer, faults: FaultPlan, keys: KeyRing, options: OidcIssuerOptions) {
    this.#server = server;
    this.faults = faults;
    this.#keys = keys;
    this.url = server.url;
    this.tokenRequestUrl = `${server.url}${TOKEN_PATH}?api-version=2.0`;
    this.tokenRequestBearer = randomBytes(24).toString('base64url');
    this.job = { ...defaultJob, ...options.job };
    this.#lifetime = options.tokenLifetimeSeconds ?? DEFAULT_LIFETIME_SECONDS;
    this.#nbfSkew = options.notBeforeSkewSeconds ?? DEFAULT_NOT_BEFORE_SKEW_SECONDS;
  }

  static async start(options: OidcIssuerOptions = {}): Promise<OidcIssuer> {
    const keys = await KeyRing.create();
    // The server needs its handler before the issuer, which needs the server's URL, exists.
    const late: { issuer?: OidcIssuer } = {};
    const faults = new FaultPlan();
    const server = await listenOnLoopback((req, res) => late.issuer!.#handle(req, res), faults);
    late.issuer = new OidcIssuer(server, faults, keys, options);
    return late.issuer;
  }

  get jwksUrl(): string {
    return `${this.url}${JWKS_PATH}`;
  }

  /** Switches the signing key. With `retirePrevious`, tokens signed earlier no longer verify. */
  async rotateKeys(options: { retirePrevious?: boolean } = {}): Promise<void> {
    await this.#keys.rotate(options);
  }

  /**
   * Arms a rotation for the middle of a run: once the `after` endpoint has answered `count` more
   * requests, a new key signs every later token. With `retirePrevious`, the JWKS stops publishing the
   * old keys at that moment, so tokens minted earlier no longer verify against a fresh fetch. The key
   * is made now, so the switch itself is immediate and no request can slip in between.
   */
  async rotateKeysAfter(after: keyof typeof ISSUER_PATHS, options: { count?: number; retirePrevious?: boolean } = {}): Promise<void> {
    this.#rotation = { after, remaining: options.count ?? 1, next: await newSigningKey(), retirePrevious: options.retirePrevious ?? false };
  }

  /** Whether an armed rotation is still waiting for its moment. */
  get rotationPending(): boolean {
    return this.#rotation !== undefined;
  }

  /**
   * Makes every endpoint (or, with 'token-endpoint', only the runner's token endpoint) answer 503 until
   * `restore()`, as during an outage of the issuer or of the Actions token service.
   */
  outage(scope: 'everything' | 'token-endpoint' = 'everything'): void {
    this.#outage = scope;
  }

  /** Ends an outage, drops faults not yet served and disarms a pending rotation. */
  restore(): void {
    this.#outage = 'none';
    this.#rotation = undefined;
    this.faults.clear();
  }

  /** The claims a token for this job would carry, before signing. */
  payloadFor(options: MintOptions = {}): JWTPayload {
    const iat = options.issuedAt ?? Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      ...claimsFor(this.job),
      aud: options.audience ?? `https://github.com/${this.job.repositoryOwner}`,
      iss: this.url,
      iat,
      nbf: iat - this.#nbfSkew,
      exp: iat + (options.lifetimeSeconds ?? this.#lifetime),
    };
    for (const [name, value] of Object.entries(options.claims ?? {})) {
      if (value === undefined) delete payload[name];
      else payload[name] = value;
    }
    return payload;
  }

  /** Signs a token with the current key; options shape it for tests of the verifier. */
  async mint(options: MintOptions = {}): Promise<string> {
    const key = this.#keys.current;
    const signingKey = options.forgeSignature ? (await newSigningKey()).privateKey : key.privateKey;
    const token = await new SignJWT(this.payloadFor(options))
      .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'JWT', ...options.header })
      .sign(signingKey);
    this.minted.push(token);
    return token;
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.requestCounts.set(url.pathname, (this.requestCounts.get(url.pathname) ?? 0) + 1);
    if (this.#outage === 'everything' || (this.#outage === 'token-endpoint' && url.pathname === TOKEN_PATH)) return sendJson(res, 503, { message: 'issuer unavailable' });
    if (req.method !== 'GET') return sendJson(res, 405, { message: 'method not allowed' });
    try {
      await this.#answer(req, url, res);
    } finally {
      this.#rotateIfDue(url.pathname);
    }
  }

  #rotateIfDue(path: string): void {
    const rotation = this.#rotation;
    if (!rotation || ISSUER_PATHS[rotation.after] !== path || --rotation.remaining > 0) return;
    this.#rotation = undefined;
    this.#keys.use(rotation.next, { retirePrevious: rotation.retirePrevious });
  }

  async #answer(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    switch (url.pathname) {
      case WELL_KNOWN:
        return sendJson(res, 200, {
          issuer: this.url,
          jwks_uri: this.jwksUrl,
          subject_types_supported: ['public', 'pairwise'],
          response_types_supported: ['id_token'],
          id_token_signing_alg_values_supported: ['RS256'],
          scopes_supported: ['openid'],
          claims_supported: Object.keys(this.payloadFor()),
        });
      case JWKS_PATH:
        return sendJson(res, 200, this.#keys.jwks(), { 'cache-control': 'max-age=300' });
      case TOKEN_PATH:
        return this.#issueToRunner(req, url, res);
      default:
        return sendJson(res, 404, { message: 'not found' });
    }
  }

  async #issueToRunner(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    if (req.headers.authorization !== `Bearer ${this.tokenRequestBearer}`) {
      return sendJson(res, 401, { message: 'Unauthorized: the request bearer is missing or wrong' });
    }
    const audience = url.searchParams.get('audience') ?? undefined;
    const token = await this.mint({ ...this.runnerTokenShape, audience });
    // Recorded once the whole answer is out: a token cut off on the way never reached the job.
    const at = Date.now();
    res.once('finish', () => this.servedToRunner.push({ token, at, job: url.searchParams.get('job') ?? undefined }));
    sendJson(res, 200, { count: 1, value: token });
  }
}
