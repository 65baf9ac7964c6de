import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultPlan, listenOnLoopback, readBody, type ErrorResponder, type LoopbackServer } from '../http.ts';
import { evaluatePolicies, type PolicyDocument, type RequestContext, type Verdict } from './iam-policy.ts';
import { ROLE_ACTIONS, type Role } from './iam-role-actions.ts';
import { InlinePolicies } from './inline-policies.ts';
import { AwsApiError, IAM_NAMESPACE, isoSeconds, STS_NAMESPACE, sendError, sendResult, validationError, type XmlFields } from './query-protocol.ts';
import { readAuthorization, verifySignature } from './sigv4.ts';
import { assumeRoleActions, assumeRoleConditionKeys, readSessionAttributes, type SessionAttributes } from './assume-role.ts';
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
  /** The ARN of a managed policy the emulator knows: the most the role's own policies can grant. */
  permissionsBoundary?: string;
}

export interface AwsEmulatorOptions {
  accountId?: string;
  /** IAM OIDC identity providers: an issuer URL and the audiences it may mint tokens for. */
  oidcProviders?: Array<{ issuer: string; clientIds: string[] }>;
  roles?: RoleDefinition[];
  /** Customer-managed policies that callers may pass as session policies, by name. */
  managedPolicies?: Record<string, PolicyDocument>;
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
  /** Session tags (AssumeRole's `Tags`), which policies read as `aws:PrincipalTag/KEY`. */
  tags: Record<string, string>;
  sourceIdentity: string | undefined;
}

type Action = (params: URLSearchParams, req: IncomingMessage, body: string) => Promise<XmlFields | undefined>;

const ROLE_ARN = /^arn:aws[\w-]*:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const MIN_DURATION = 900;
const DEFAULT_MAX_SESSION_DURATION = 3600;
const MAX_INLINE_POLICY_CHARS = 2048;
/** The fault queue that any STS action draws from, beside the queues of single actions. */
const ANY_STS_ACTION = 'any STS action';
// Claims of a GitHub Actions token that STS offers as `<provider>:<claim>` condition keys (2026).
const STS_PROVIDER_CLAIM_KEYS = ['actor', 'actor_id', 'job_workflow_ref', 'repository', 'repository_id', 'workflow', 'ref', 'environment', 'enterprise_id'];

/**
 * Which service a request is for, before its body is read: STS and IAM share this one endpoint, and a
 * signed request names its service in the SigV4 credential scope. AssumeRoleWithWebIdentity is unsigned.
 */
export function awsServiceOf(req: IncomingMessage): 'sts' | 'iam' {
  return /\/iam\/aws4_request/.test(String(req.headers.authorization ?? '')) ? 'iam' : 'sts';
}

/** AWS's error shapes for injected faults: a 5xx is ServiceUnavailable, and throttling is the 400 `Throttling` error AWS answers, here with Retry-After. */
const awsFaultResponse: ErrorResponder = (res, status, fault, headers) => {
  const namespace = awsServiceOf(res.req) === 'iam' ? IAM_NAMESPACE : STS_NAMESPACE;
  const retryAfter = headers['retry-after'] === undefined ? undefined : Number(headers['retry-after']);
  sendError(res, namespace, fault.kind === 'throttle' ? new AwsApiError('Throttling', 400, 'Rate exceeded', retryAfter) : new AwsApiError('ServiceUnavailable', status, 'Service is unavailable (sandbox fault).'));
};

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
  /**
   * Sandbox only: sessions end after at most this many seconds, whatever DurationSeconds asked (STS's
   * minimum is 15 minutes), so that a test can watch credentials expire and renew. Unset, as on AWS.
   */
  maxSessionSeconds: number | undefined;
  /**
   * Network-level faults (resets, truncated or slow answers, 5xx, throttling) served before a request is
   * read, aimed by service with `(req) => awsServiceOf(req) === 'iam'`; `throttle` and `injectFaults`
   * below aim API errors at single actions instead.
   */
  readonly faults: FaultPlan;
  readonly #server: LoopbackServer;
  readonly #roles = new Map<string, Role>();
  readonly #providers = new Map<string, OidcProvider>();
  readonly #managedPolicies = new Map<string, PolicyDocument>();
  readonly #verifier = new WebIdentityVerifier();
  /** Faults still to serve, by action name or ANY_STS_ACTION. */
  readonly #faults = new Map<string, AwsApiError[]>();

  private constructor(server: LoopbackServer, faults: FaultPlan, options: AwsEmulatorOptions) {
    this.#server = server;
    this.faults = faults;
    this.url = server.url;
    this.accountId = options.accountId ?? '111122223333';
    for (const provider of options.oidcProviders ?? []) this.addOidcProvider(provider.issuer, provider.clientIds);
    for (const role of options.roles ?? []) this.putRole(role);
    for (const [name, document] of Object.entries(options.managedPolicies ?? {})) this.#managedPolicies.set(this.#policyArn(name), document);
  }

  static async start(options: AwsEmulatorOptions = {}): Promise<AwsEmulator> {
    const late: { emulator?: AwsEmulator } = {};
    const faults = new FaultPlan(awsFaultResponse);
    const server = await listenOnLoopback((req, res) => late.emulator!.#handle(req, res), faults);
    late.emulator = new AwsEmulator(server, faults, options);
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
    const boundary = definition.permissionsBoundary;
    if (boundary !== undefined && !this.#managedPolicies.has(boundary)) throw new Error(`role ${definition.name}: permissions boundary ${boundary} is not a managed policy`);
    const arn = this.#roleArn(definition.name);
    this.#roles.set(definition.name, {
      name: definition.name,
      arn,
      roleId: `AROA${randomId(17)}`,
      trustPolicy: definition.trustPolicy,
      permissions: new InlinePolicies(definition.name, definition.permissions),
      permissionsBoundary: boundary,
      maxSessionDuration,
      createdAt: this.now(),
    });
    return arn;
  }

  /** The names of a role's inline policies, as IAM lists them; for tests that look behind the API. */
  inlinePolicyNames(roleName: string): string[] {
    return this.#roles.get(roleName)?.permissions.names() ?? [];
  }

  /**
   * Makes the next `count` requests fail as AWS fails them when its rate limit is hit: requests for
   * `action` (an API name such as `PutRolePolicy`), or by default any STS request.
   */
  throttle(count: number, action?: string): void {
    this.injectFaults(new AwsApiError('Throttling', 400, 'Rate exceeded'), count, action);
  }

  /** Makes the next `count` requests for `action` (by default, any STS request) fail with `error` (a 5xx, for example). */
  injectFaults(error: AwsApiError, count: number, action?: string): void {
    if (action !== undefined && !Object.hasOwn(this.#actions, action)) throw new Error(`the AWS emulator has no action ${action}`);
    const key = action ?? ANY_STS_ACTION;
    const queue = this.#faults.get(key) ?? [];
    for (let i = 0; i < count; i++) queue.push(error);
    this.#faults.set(key, queue);
  }

  /** Drops the faults not yet served, for every action and at the network level. */
  clearFaults(): void {
    this.#faults.clear();
    this.faults.clear();
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  #policyArn(name: string): string {
    return `arn:aws:iam::${this.accountId}:policy/${name}`;
  }

  #roleArn(name: string): string {
    return `arn:aws:iam::${this.accountId}:role/${name}`;
  }

  /** The next fault for this action: its own queue first, then, for an STS action, the shared one. */
  #takeFault(actionName: string, namespace: string): AwsApiError | undefined {
    return this.#faults.get(actionName)?.shift() ?? (namespace === STS_NAMESPACE ? this.#faults.get(ANY_STS_ACTION)?.shift() : undefined);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const params = new URLSearchParams(req.method === 'POST' ? body : (req.url ?? '').split('?')[1] ?? '');
    const actionName = params.get('Action') ?? '';
    const namespace = Object.hasOwn(ROLE_ACTIONS, actionName) ? IAM_NAMESPACE : STS_NAMESPACE;
    try {
      const action = Object.hasOwn(this.#actions, actionName) ? this.#actions[actionName] : undefined;
      if (!action) throw new AwsApiError('InvalidAction', 400, `Could not find operation ${actionName} for version ${params.get('Version') ?? 'NO_VERSION_SPECIFIED'}`);
      const fault = this.#takeFault(actionName, namespace);
      if (fault) throw fault;
      sendResult(res, namespace, actionName, await action(params, req, body));
    } catch (error) {
      if (!(error instanceof AwsApiError)) throw error;
      sendError(res, namespace, error);
    }
  }

  /**
   * Credentials of a role outside any job, as an instance profile gives them: what the broker signs its
   * own AssumeRole calls with. They last 12 hours; tests read the secret from the session returned.
   */
  issueRoleCredentials(roleName: string): IssuedSession {
    const role = this.#roles.get(roleName);
    if (!role) throw new Error(`the AWS emulator has no role ${roleName}`);
    return this.#newSession(role, `${roleName}-instance`, 43200, [], { tags: {}, transitiveTagKeys: [], sourceIdentity: undefined }, 'instance-profile');
  }

  readonly #actions: Record<string, Action> = {
    AssumeRoleWithWebIdentity: (params) => this.#assumeRoleWithWebIdentity(params),
    AssumeRole: (params, req, body) => this.#assumeRole(params, req, body),
    GetCallerIdentity: async (_params, req, body) => {
      const session = await this.#authenticate(req, body);
      return { UserId: session.assumedRoleId, Account: this.accountId, Arn: session.arn };
    },
    ...Object.fromEntries(
      Object.entries(ROLE_ACTIONS).map(([name, run]): [string, Action] => [name, (params, req, body) => run(params, (permission, roleName) => this.#accessRole(req, body, permission, roleName))]),
    ),
  };

  /** Lets a signed request at a role once its session may perform `permission` on it; a missing role is NoSuchEntity only then. */
  async #accessRole(req: IncomingMessage, body: string, permission: string, roleName: string): Promise<Role> {
    const session = await this.#authenticate(req, body);
    this.#authorize(session, permission, this.#roleArn(roleName));
    const role = this.#roles.get(roleName);
    if (!role) throw new AwsApiError('NoSuchEntity', 404, `The role with name ${roleName} cannot be found.`);
    return role;
  }

  async #assumeRoleWithWebIdentity(params: URLSearchParams): Promise<XmlFields> {
    // STS names a missing parameter, in this order, before it checks any value.
    const token = ['RoleArn', 'RoleSessionName', 'WebIdentityToken'].map((name) => required(params, name))[2]!;
    const { roleArn, sessionName, duration, sessionPolicies } = this.#readSessionRequest(params);
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
    checkDuration(duration, role);
    const session = this.#newSession(role, sessionName, duration, sessionPolicies, { tags: {}, transitiveTagKeys: [], sourceIdentity: undefined }, subject);
    return {
      ...sessionResult(session),
      SubjectFromWebIdentityToken: subject,
      Provider: provider.arn,
      Audience: audience,
    };
  }

  /**
   * AssumeRole, signed with the caller's own credentials: the target's trust policy must name the
   * caller's role as its AWS principal and allow sts:AssumeRole, plus sts:TagSession for session tags and
   * sts:SetSourceIdentity for a source identity, under conditions on the requested tags and identity.
   */
  async #assumeRole(params: URLSearchParams, req: IncomingMessage, body: string): Promise<XmlFields> {
    const caller = await this.#authenticate(req, body);
    const { roleArn, sessionName, duration, sessionPolicies } = this.#readSessionRequest(params);
    const attributes = readSessionAttributes(params);
    const match = ROLE_ARN.exec(roleArn);
    const role = match && match[1] === this.accountId ? this.#roles.get(match[2]!) : undefined;
    const callerRole = { roleArn: this.#roleArn(caller.roleName), accountId: this.accountId };
    const keys = assumeRoleConditionKeys(callerRole, attributes, sessionName);
    const trusts = (action: string, principal: { roleArn: string; accountId: string }): boolean => evaluatePolicies([role!.trustPolicy], { action, awsPrincipal: principal, keys }) === 'Allow';
    // A trust policy that names the caller's role admits it by itself; one that names only its account
    // leaves the decision to that account, whose policies must then allow the caller the action too.
    const allowed =
      role !== undefined &&
      assumeRoleActions(attributes).every((action) => trusts(action, { roleArn: callerRole.roleArn, accountId: '' }) || (trusts(action, callerRole) && this.#refusal(caller, action, roleArn) === undefined));
    if (!role || !allowed) throw new AwsApiError('AccessDenied', 403, `User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
    checkDuration(duration, role);
    const session = this.#newSession(role, sessionName, duration, sessionPolicies, attributes, caller.arn);
    return { ...sessionResult(session), SourceIdentity: attributes.sourceIdentity };
  }

  /** What every request for a role session names: the role, the session's name and length, and session policies. */
  #readSessionRequest(params: URLSearchParams): { roleArn: string; sessionName: string; duration: number; sessionPolicies: PolicyDocument[] } {
    const roleArn = required(params, 'RoleArn');
    const sessionName = required(params, 'RoleSessionName');
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
    return { roleArn, sessionName, duration, sessionPolicies };
  }

  #newSession(role: Role, sessionName: string, duration: number, sessionPolicies: PolicyDocument[], attributes: SessionAttributes, subject: string): IssuedSession {
    // AWS reports Expiration to the second, so the session starts on a whole second and ends exactly then.
    const issuedAt = new Date(Math.floor(this.now().getTime() / 1000) * 1000);
    const session: IssuedSession = {
      accessKeyId: `ASIA${randomId(16)}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: `IQoJb3JpZ2luX2Vj${randomBytes(96).toString('base64')}`,
      issuedAt,
      expiration: new Date(issuedAt.getTime() + Math.min(duration, this.maxSessionSeconds ?? duration) * 1000),
      assumedRoleId: `${role.roleId}:${sessionName}`,
      arn: `arn:aws:sts::${this.accountId}:assumed-role/${role.name}/${sessionName}`,
      roleName: role.name,
      sessionName,
      subject,
      sessionPolicies,
      tags: attributes.tags,
      sourceIdentity: attributes.sourceIdentity,
    };
    this.sessions.push(session);
    return session;
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

  /**
   * IAM's evaluation for a role session: the role's identity-based policies, capped by its permissions
   * boundary and narrowed by the session policies, must each allow the call, and an explicit deny in
   * any of them refuses it. The error names the first kind of policy that refused, in IAM's order.
   */
  #authorize(session: IssuedSession, action: string, resource: string): void {
    const refusal = this.#refusal(session, action, resource);
    if (refusal !== undefined) throw new AwsApiError('AccessDenied', 403, refusal);
  }

  /** Why IAM refuses the session the call (see #authorize), or undefined when it allows it. */
  #refusal(session: IssuedSession, action: string, resource: string): string | undefined {
    const role = this.#roles.get(session.roleName);
    const context: RequestContext = {
      action,
      resource,
      keys: {
        'aws:userid': session.assumedRoleId,
        'aws:PrincipalArn': role?.arn,
        'aws:TokenIssueTime': isoSeconds(session.issuedAt),
        'aws:CurrentTime': isoSeconds(this.now()),
        'aws:SourceIdentity': session.sourceIdentity,
        ...Object.fromEntries(Object.entries(session.tags).map(([key, value]) => [`aws:PrincipalTag/${key}`, value])),
      },
    };
    const boundary = role?.permissionsBoundary === undefined ? undefined : this.#managedPolicies.get(role.permissionsBoundary);
    // A kind of policy that is absent does not limit the session.
    const verdicts: Array<{ kind: string; verdict: Verdict }> = [
      { kind: 'an identity-based policy', verdict: evaluatePolicies(role?.permissions.documents() ?? [], context) },
      { kind: 'a permissions boundary', verdict: boundary ? evaluatePolicies([boundary], context) : 'Allow' },
      { kind: 'a session policy', verdict: session.sessionPolicies.length > 0 ? evaluatePolicies(session.sessionPolicies, context) : 'Allow' },
    ];
    const denied = verdicts.find((v) => v.verdict === 'Deny');
    const notAllowed = verdicts.find((v) => v.verdict !== 'Allow');
    if (!notAllowed) return undefined;
    const why = denied ? `with an explicit deny in ${denied.kind}` : `because no ${notAllowed.kind.replace(/^an? /, '')} allows the ${action} action`;
    return `User: ${session.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`;
  }
}

function checkDuration(duration: number, role: Role): void {
  if (duration > role.maxSessionDuration) throw new AwsApiError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
}

function sessionResult(session: IssuedSession): XmlFields {
  return {
    Credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: isoSeconds(session.expiration),
    },
    AssumedRoleUser: { AssumedRoleId: session.assumedRoleId, Arn: session.arn },
    PackedPolicySize: session.sessionPolicies.length > 0 ? 6 : undefined,
  };
}

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
