import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, readBody, type LoopbackServer } from '../http.ts';
import { evaluatePolicies, type PolicyDocument } from './iam-policy.ts';
import { AwsApiError, IAM_NAMESPACE, STS_NAMESPACE, sendError, sendResult, validationError, type XmlFields } from './query-protocol.ts';
import { readAuthorization, verifySignature } from './sigv4.ts';
import { oidcProviderKeyPrefix } from '../../providers/aws/oidc-provider.ts';
import { WebIdentityVerifier, type OidcProvider } from './web-identity.ts';

/** A role as IAM holds it: who may assume it (trust), and what its sessions may do (permissions). */
export interface RoleDefinition {
  name: string;
  trustPolicy: PolicyDocument;
  /** Inline permission policies by name. */
  permissions?: Record<string, PolicyDocument>;
  /** Seconds; IAM's default is one hour, and it allows 3600 to 43200. */
  maxSessionDuration?: number;
}

export interface AwsEmulatorOptions {
  accountId?: string;
  /** IAM OIDC identity providers: an issuer URL and the audiences it may mint tokens for. */
  oidcProviders?: Array<{ issuer: string; clientIds: string[] }>;
  roles?: RoleDefinition[];
  /** Customer-managed policies that callers may pass as session policies, by name. */
  managedPolicies?: Record<string, PolicyDocument>;
}

interface Role {
  name: string;
  arn: string;
  roleId: string;
  trustPolicy: PolicyDocument;
  permissions: Map<string, PolicyDocument>;
  maxSessionDuration: number;
  createdAt: Date;
}

/** A session STS issued. Tests read these to know every secret the sandbox handed out. */
export interface IssuedSession {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  issuedAt: Date;
  assumedRoleId: string;
  arn: string;
  roleName: string;
  sessionName: string;
  subject: string;
  /** Session policies narrow the role's permissions: a call must be allowed by both. */
  sessionPolicies: PolicyDocument[];
}

type Action = (params: URLSearchParams, req: IncomingMessage, body: string) => Promise<XmlFields>;

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MIN_DURATION = 900;
const DEFAULT_MAX_SESSION_DURATION = 3600;
const MAX_INLINE_POLICY_CHARS = 2048;
// Claims of a GitHub Actions token that STS offers as `<provider>:<claim>` condition keys (2026).
const STS_PROVIDER_CLAIM_KEYS = ['actor', 'actor_id', 'job_workflow_ref', 'repository', 'repository_id', 'workflow', 'ref', 'environment', 'enterprise_id'];

/**
 * AWS STS and the slice of IAM that proves a credential's permissions, on one loopback endpoint.
 * It speaks the Query protocol and XML of the real services, verifies web identity tokens against
 * the issuer's JWKS, evaluates IAM trust and permission policies, and checks SigV4 signatures.
 */
export class AwsEmulator {
  readonly url: string;
  readonly accountId: string;
  /** Every session issued, in order. */
  readonly sessions: IssuedSession[] = [];
  /** The clock the emulator judges expiry by; tests move it to expire credentials. */
  now: () => Date = () => new Date();
  readonly #server: LoopbackServer;
  readonly #roles = new Map<string, Role>();
  readonly #providers = new Map<string, OidcProvider>();
  readonly #managedPolicies = new Map<string, PolicyDocument>();
  readonly #verifier = new WebIdentityVerifier();
  readonly #faults: AwsApiError[] = [];

  private constructor(server: LoopbackServer, options: AwsEmulatorOptions) {
    this.#server = server;
    this.url = server.url;
    this.accountId = options.accountId ?? '111122223333';
    for (const provider of options.oidcProviders ?? []) this.addOidcProvider(provider.issuer, provider.clientIds);
    for (const role of options.roles ?? []) this.putRole(role);
    for (const [name, document] of Object.entries(options.managedPolicies ?? {})) this.#managedPolicies.set(this.#policyArn(name), document);
  }

  static async start(options: AwsEmulatorOptions = {}): Promise<AwsEmulator> {
    const late: { emulator?: AwsEmulator } = {};
    const server = await listenOnLoopback((req, res) => late.emulator!.#handle(req, res));
    late.emulator = new AwsEmulator(server, options);
    return late.emulator;
  }

  addOidcProvider(issuer: string, clientIds: string[]): OidcProvider {
    const keyPrefix = oidcProviderKeyPrefix(issuer);
    const provider = { issuer, clientIds, keyPrefix, arn: `arn:aws:iam::${this.accountId}:oidc-provider/${keyPrefix}` };
    this.#providers.set(issuer, provider);
    return provider;
  }

  putRole(definition: RoleDefinition): string {
    const maxSessionDuration = definition.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
    if (maxSessionDuration < 3600 || maxSessionDuration > 43200) throw new Error(`role ${definition.name}: MaxSessionDuration must be 3600 to 43200 seconds`);
    const arn = `arn:aws:iam::${this.accountId}:role/${definition.name}`;
    this.#roles.set(definition.name, {
      name: definition.name,
      arn,
      roleId: `AROA${randomId(17)}`,
      trustPolicy: definition.trustPolicy,
      permissions: new Map(Object.entries(definition.permissions ?? {})),
      maxSessionDuration,
      createdAt: this.now(),
    });
    return arn;
  }

  /** Makes the next `count` STS requests fail as AWS fails them when its rate limit is hit. */
  throttle(count: number): void {
    this.injectFaults(new AwsApiError('Throttling', 400, 'Rate exceeded'), count);
  }

  /** Makes the next `count` STS requests fail with `error` (a 5xx, for example). */
  injectFaults(error: AwsApiError, count: number): void {
    for (let i = 0; i < count; i++) this.#faults.push(error);
  }

  /** Drops the faults not yet served. */
  clearFaults(): void {
    this.#faults.length = 0;
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  #policyArn(name: string): string {
    return `arn:aws:iam::${this.accountId}:policy/${name}`;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const params = new URLSearchParams(req.method === 'POST' ? body : (req.url ?? '').split('?')[1] ?? '');
    const actionName = params.get('Action') ?? '';
    const namespace = ACTION_NAMESPACES[actionName] ?? STS_NAMESPACE;
    try {
      const action = this.#actions[actionName];
      if (!action) throw new AwsApiError('InvalidAction', 400, `Could not find operation ${actionName} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
      const fault = namespace === STS_NAMESPACE ? this.#faults.shift() : undefined;
      if (fault) throw fault;
      sendResult(res, namespace, actionName, await action(params, req, body));
    } catch (error) {
      if (!(error instanceof AwsApiError)) throw error;
      sendError(res, namespace, error);
    }
  }

  readonly #actions: Record<string, Action> = {
    AssumeRoleWithWebIdentity: (params) => this.#assumeRoleWithWebIdentity(params),
    GetCallerIdentity: async (_params, req, body) => {
      const session = await this.#authenticate(req, body);
      return { UserId: session.assumedRoleId, Account: this.accountId, Arn: session.arn };
    },
    GetRole: async (params, req, body) => {
      const session = await this.#authenticate(req, body);
      const role = this.#roles.get(params.get('RoleName') ?? '');
      this.#authorize(session, 'iam:GetRole', role?.arn ?? `arn:aws:iam::${this.accountId}:role/${params.get('RoleName') ?? ''}`);
      if (!role) throw new AwsApiError('NoSuchEntity', 404, `The role with name ${params.get('RoleName') ?? ''} cannot be found.`);
      return {
        Role: {
          Path: '/',
          RoleName: role.name,
          RoleId: role.roleId,
          Arn: role.arn,
          CreateDate: isoSeconds(role.createdAt),
          AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(role.trustPolicy)),
          MaxSessionDuration: role.maxSessionDuration,
        },
      };
    },
  };

  async #assumeRoleWithWebIdentity(params: URLSearchParams): Promise<XmlFields> {
    const roleArn = required(params, 'RoleArn');
    const sessionName = required(params, 'RoleSessionName');
    const token = required(params, 'WebIdentityToken');
    if (roleArn.length < 20 || roleArn.length > 2048) throw validationError(roleArn, 'roleArn', 'Member must have length between 20 and 2048');
    if (!SESSION_NAME.test(sessionName)) {
      throw validationError(sessionName, 'roleSessionName', 'Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64');
    }
    const durationText = params.get('DurationSeconds') ?? '3600';
    const duration = Number(durationText);
    if (!Number.isInteger(duration) || duration < MIN_DURATION || duration > 43200) {
      throw validationError(durationText, 'durationSeconds', 'Member must have value greater than or equal to 900 and less than or equal to 43200');
    }
    const inlinePolicy = params.get('Policy');
    const sessionPolicies = [...this.#managedSessionPolicies(params)];
    if (inlinePolicy !== null) sessionPolicies.push(parseInlinePolicy(inlinePolicy));

    const now = this.now();
    const { payload, provider } = await this.#verifier.verify(token, this.#providers, now);
    const match = ROLE_ARN.exec(roleArn);
    const role = match && match[1] === this.accountId ? this.#roles.get(match[2]!) : undefined;
    const subject = String(payload.sub ?? '');
    const audience = String(Array.isArray(payload.aud) ? payload.aud[0] : payload.aud);
    const trust = role
      ? evaluatePolicies([role.trustPolicy], {
          action: 'sts:AssumeRoleWithWebIdentity',
          federatedPrincipal: provider.arn,
          keys: {
            // The provider-specific claims STS validates, then the standard ones.
            ...Object.fromEntries(STS_PROVIDER_CLAIM_KEYS.map((claim) => [`${provider.keyPrefix}:${claim}`, typeof payload[claim] === 'string' ? payload[claim] : undefined])),
            [`${provider.keyPrefix}:aud`]: audience,
            [`${provider.keyPrefix}:sub`]: subject,
            'sts:RoleSessionName': sessionName,
            'aws:FederatedProvider': provider.arn,
          },
        })
      : 'NotApplicable';
    // A missing role and a refusing trust policy look the same to the caller, as they do on AWS.
    if (!role || trust !== 'Allow') throw new AwsApiError('AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    if (duration > role.maxSessionDuration) {
      throw new AwsApiError('ValidationError', 400, `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
    }

    const session: IssuedSession = {
      accessKeyId: `ASIA${randomId(16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
      issuedAt: now,
      expiration: new Date(now.getTime() + duration * 1000),
      assumedRoleId: `${role.roleId}:${sessionName}`,
      arn: `arn:aws:sts::${this.accountId}:assumed-role/${role.name}/${sessionName}`,
      roleName: role.name,
      sessionName,
      subject,
      sessionPolicies,
    };
    this.sessions.push(session);
    return {
      Credentials: {
        AccessKeyId: session.accessKeyId,
        SecretAccessKey: session.secretAccessKey,
        SessionToken: session.sessionToken,
        Expiration: isoSeconds(session.expiration),
      },
      SubjectFromWebIdentityToken: subject,
      AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: session.arn },
      PackedPolicySize: sessionPolicies.length > 0 ? 6 : undefined,
      Provider: provider.arn,
      Audience: audience,
    };
  }

  *#managedSessionPolicies(params: URLSearchParams): Iterable<PolicyDocument> {
    for (let n = 1; params.has(`PolicyArns.member.${n}.arn`); n++) {
      const arn = params.get(`PolicyArns.member.${n}.arn`)!;
      const document = this.#managedPolicies.get(arn);
      if (!document) throw new AwsApiError('InvalidParameterValue', 400, `Policy ${arn} does not exist or is not attachable.`);
      yield document;
    }
  }

  /** Finds the session a SigV4-signed request claims to come from, and proves it holds the secret. */
  async #authenticate(req: IncomingMessage, body: string): Promise<IssuedSession> {
    const claims = readAuthorization(req.headers);
    const session = this.sessions.find((s) => s.accessKeyId === claims.accessKeyId);
    if (!session || req.headers['x-amz-security-token'] !== session.sessionToken) {
      throw new AwsApiError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
    }
    await verifySignature({ method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body }, claims, session);
    if (this.now() >= session.expiration) throw new AwsApiError('ExpiredToken', 403, 'The security token included in the request is expired');
    return session;
  }

  #authorize(session: IssuedSession, action: string, resource: string): void {
    const role = this.#roles.get(session.roleName);
    const context = {
      action,
      resource,
      keys: { 'aws:userid': session.assumedRoleId, 'aws:PrincipalArn': role?.arn, 'aws:TokenIssueTime': session.issuedAt.toISOString() },
    };
    const identity = evaluatePolicies([...(role?.permissions.values() ?? [])], context);
    const narrowed = session.sessionPolicies.length === 0 ? 'Allow' : evaluatePolicies(session.sessionPolicies, context);
    if (identity !== 'Allow' || narrowed !== 'Allow') {
      const why =
        identity === 'Deny' || narrowed === 'Deny'
          ? 'with an explicit deny in an identity-based policy'
          : identity !== 'Allow'
            ? 'because no identity-based policy allows the ' + action + ' action'
            : 'because no session policy allows the ' + action + ' action';
      throw new AwsApiError('AccessDenied', 403, `User: ${session.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`);
    }
  }
}

const ACTION_NAMESPACES: Record<string, string> = {
  AssumeRoleWithWebIdentity: STS_NAMESPACE,
  GetCallerIdentity: STS_NAMESPACE,
  GetRole: IAM_NAMESPACE,
};

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (value === null || value === '') throw new AwsApiError('MissingParameter', 400, `The request must contain the parameter ${name}`);
  return value;
}

function parseInlinePolicy(text: string): PolicyDocument {
  if (text.replace(/\s/g, '').length > MAX_INLINE_POLICY_CHARS) {
    throw new AwsApiError('PackedPolicyTooLarge', 400, 'Packed policy consumes more than the allowed size of the session policy limit.');
  }
  try {
    const document = JSON.parse(text) as PolicyDocument;
    if (typeof document !== 'object' || document === null || !('Statement' in document)) throw new Error('no Statement');
    return document;
  } catch {
    throw new AwsApiError('MalformedPolicyDocument', 400, 'The policy is not in the valid JSON format.');
  }
}

function randomId(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return [...randomBytes(length)].map((byte) => alphabet[byte % 32]).join('');
}

/** AWS writes timestamps to the second. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
