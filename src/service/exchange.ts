import { randomUUID } from 'node:crypto';
import { authorizeClaims, type Allowed, type GrantRequest } from '../core/authorize.ts';
import { issueAws, issueGcp } from '../core/issue.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { tokenIdentity } from '../oidc/token-identity.ts';
import type { VerifiedClaims } from '../oidc/verify.ts';
import { decisionJson, type DecisionJson } from '../policy/decision-json.ts';
import { GCP_TOKEN_SECONDS } from '../policy/duration.ts';
import type { AwsSession } from '../providers/aws/exchange.ts';
import { sessionNameForToken } from '../providers/aws/session-name.ts';
import type { GcpSession } from '../providers/gcp/exchange.ts';
import type { Bearer } from './bearer.ts';
import type { BrokerDeps } from './broker-deps.ts';
import type { BrokerConfig } from './config.ts';
import { jobIdentityOf, type JobIdentity } from './job-identity.ts';
import { notConfigured, ServiceError, ServiceErrorCode } from './service-error.ts';
import { sourceIdentity } from './session-tags.ts';
import { ReplayError, type AuditEntry, type NewSession, type SessionOutcome } from './store/broker-store.ts';

/** The body of POST /v1/exchange: the grants wanted. */
export interface ExchangeBody {
  aws?: { role?: string; durationSeconds?: number; sessionPolicy?: string; managedSessionPolicyArns?: string[] };
  gcp?: { serviceAccount?: string; lifetimeSeconds?: number; scopes?: string[] };
}

export interface ExchangeResponse {
  exchangeId: string;
  rule: string;
  checkedClaims: Array<[string, string]>;
  aws?: { sessionId: string; accessKeyId: string; secretAccessKey: string; sessionToken: string; expiration: string; roleArn: string; assumedRoleId: string; assumedRoleArn: string; sessionName: string; durationSeconds: number; capped: boolean };
  gcp?: { sessionId: string; accessToken: string; expiration: string; serviceAccount: string; lifetimeSeconds: number; capped: boolean };
}

/** A policy denial, with the decision as `policy explain --format json` gives it. */
export class ExchangeDenied extends Error {
  override readonly name = 'ExchangeDenied';
  readonly error: BrokerError;
  readonly decision: DecisionJson;
  constructor(error: BrokerError, decision: DecisionJson) {
    super(error.message);
    this.error = error;
    this.decision = decision;
  }
}

// Past the token's expiry the verifier still accepts it for this long; its key must outlive that.
const REPLAY_KEY_LEEWAY_SECONDS = 60;
/**
 * The service knows no job's name, only the job id a token may carry (GitHub's check_run_id). With it,
 * each job's sessions get a name of their own, so that the per-session denial at one job's end (on
 * aws:userid, the role id and the session name) leaves parallel jobs of the run alone; without it the
 * run's sessions share a name, as revocation is then per run anyway.
 */
function sessionNameEnv(identity: JobIdentity): NodeJS.ProcessEnv {
  return { GITHUB_JOB: identity.job ?? 'broker' };
}

/**
 * One exchange, with blocking audit: the token is claimed and its sessions recorded as `minting` in
 * one transaction, then minted, then recorded `active` (or `failed`) in another, and only then answered.
 * A crash in between leaves `minting` rows: visible orphans, never an unrecorded credential.
 */
export async function exchange(bearer: Bearer, claims: VerifiedClaims, body: ExchangeBody, config: BrokerConfig, deps: BrokerDeps): Promise<ExchangeResponse> {
  const now = deps.now?.() ?? new Date();
  const identity = jobIdentityOf(claims);
  const audit = (outcome: string, sessionIds: string[], detail: Record<string, string>): AuditEntry => ({
    at: deps.now?.() ?? new Date(),
    action: 'exchange',
    outcome,
    issuer: claims.iss,
    subject: claims.sub,
    repositoryId: identity.repositoryId,
    tokenSha256: bearer.tokenSha256,
    sessionIds,
    detail,
  });
  const policy = deps.policy.current;
  if (!policy) throw notReady();
  const authorization = authorizeClaims(policy, claims, wanted(body, config));
  if (!authorization.allowed) {
    await deps.store.appendAudit(audit('denied', [], { code: authorization.error.code }));
    throw new ExchangeDenied(authorization.error, decisionJson(authorization.decision));
  }
  const key = tokenIdentity(claims);
  const verdict = await deps.rateLimiter.consume({ repository: `${claims.iss} ${identity.repositoryId}`, owner: `${claims.iss} ${identity.ownerId}`, issuer: claims.iss });
  if (!verdict.allowed) {
    throw new ServiceError(ServiceErrorCode.RateLimited, 429, `Too many exchanges for this ${verdict.scope}; try again in ${verdict.retryAfterSeconds} s.`, {
      hint: 'The token was not used: the job may retry it after Retry-After, while it is still valid.',
      retryAfterSeconds: verdict.retryAfterSeconds,
    });
  }

  const exchangeId = randomUUID();
  const sessions = plannedSessions(authorization, identity, exchangeId, now);
  try {
    await deps.store.claimExchange({
      tokenIdentity: key,
      keepUntil: new Date((claims.exp + REPLAY_KEY_LEEWAY_SECONDS) * 1000),
      sessions: sessions.map((s) => s.record),
      audit: audit('claimed', sessions.map((s) => s.record.id), { rule: authorization.rule.name }),
    });
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    await deps.store.appendAudit(audit('replayed', [], { rule: authorization.rule.name }));
    throw new ServiceError(ServiceErrorCode.TokenReplayed, 409, 'This token was already exchanged; each token is exchanged once.', {
      hint: 'Request a fresh OIDC token for the broker’s audience; a token seen twice may have been stolen.',
    });
  }

  const results = await Promise.allSettled(sessions.map((planned) => mint(planned, authorization, deps)));
  const outcomes = sessions.map(({ record }, index): SessionOutcome => {
    const result = results[index]!;
    if (result.status === 'rejected') return { id: record.id, status: 'failed' };
    const { session } = result.value;
    return { id: record.id, status: 'active', assumedRoleId: 'assumedRoleId' in session ? session.assumedRoleId : undefined, expiresAt: session.expiration };
  });
  // A session minted beside one that failed stays on record as active: the run's revocation ends it.
  const failure = results.find((result) => result.status === 'rejected');
  const sessionIds = sessions.map((s) => s.record.id);
  await deps.store.completeExchange(outcomes, audit(failure ? 'failed' : 'issued', sessionIds, { rule: authorization.rule.name, ...(failure && { code: codeOf(failure.reason) }) }));
  if (failure) throw failure.reason;
  return respond(exchangeId, authorization, results.flatMap((result, index) => (result.status === 'fulfilled' ? [{ id: sessions[index]!.record.id, ...result.value }] : [])));
}

type Minted = { cloud: 'aws'; session: AwsSession } | { cloud: 'gcp'; session: GcpSession };

async function mint({ cloud, record }: PlannedSession, authorization: Allowed, deps: BrokerDeps): Promise<Minted> {
  const { grants, claims } = authorization;
  if (cloud === 'aws') return { cloud, session: await issueAws(grants.aws!, claims, record.sessionName!, deps.minter) };
  return { cloud, session: await issueGcp(grants.gcp!, claims, deps.minter) };
}

function wanted(body: ExchangeBody, config: BrokerConfig): GrantRequest {
  if (!body.aws && !body.gcp) {
    throw new BrokerError(ErrorCode.InputInvalid, 'The request asks for no cloud: give `aws`, `gcp` or both.', { hint: 'For example {"aws": {"role": "arn:aws:iam::111122223333:role/deploy"}}.' });
  }
  if (body.aws && !config.aws) throw notConfigured('AWS');
  if (body.gcp && !config.gcp) throw notConfigured('Google Cloud');
  return {
    aws: body.aws && { role: body.aws.role, durationSeconds: body.aws.durationSeconds ?? config.aws!.defaultDurationSeconds, sessionPolicy: body.aws.sessionPolicy, managedSessionPolicyArns: body.aws.managedSessionPolicyArns },
    gcp: body.gcp && { serviceAccount: body.gcp.serviceAccount, lifetimeSeconds: body.gcp.lifetimeSeconds ?? GCP_TOKEN_SECONDS.default, scopes: body.gcp.scopes },
  };
}

interface PlannedSession {
  cloud: 'aws' | 'gcp';
  record: NewSession;
}

function plannedSessions(authorization: Allowed, identity: JobIdentity, exchangeId: string, now: Date): PlannedSession[] {
  const base = { exchangeId, issuer: authorization.claims.iss, repositoryId: identity.repositoryId, ownerId: identity.ownerId, run: identity.run, job: identity.job, rule: authorization.rule.name, issuedAt: now };
  const { aws, gcp } = authorization.grants;
  const planned: PlannedSession[] = [];
  if (aws) {
    planned.push({
      cloud: 'aws',
      record: { ...base, id: randomUUID(), provider: 'aws', target: aws.roleArn, sessionName: sessionNameForToken(authorization.claims, identity.system, sessionNameEnv(identity)), sourceIdentity: sourceIdentity(identity.repositoryId, identity.run), expiresAt: new Date(now.getTime() + aws.durationSeconds * 1000) },
    });
  }
  if (gcp) {
    if (gcp.serviceAccount === undefined) {
      throw new BrokerError(ErrorCode.RoleNotGranted, `Rule "${authorization.rule.name}" grants no service account, and the broker mints Google tokens only by impersonating one.`, {
        hint: 'Add `service-accounts:` to the rule’s gcp grant, and give the broker roles/iam.serviceAccountTokenCreator on it.',
        location: authorization.rule.location,
      });
    }
    planned.push({ cloud: 'gcp', record: { ...base, id: randomUUID(), provider: 'gcp', target: gcp.serviceAccount, sessionName: undefined, sourceIdentity: undefined, expiresAt: new Date(now.getTime() + gcp.lifetimeSeconds * 1000) } });
  }
  return planned;
}

function respond(exchangeId: string, authorization: Allowed, minted: ReadonlyArray<Minted & { id: string }>): ExchangeResponse {
  const response: ExchangeResponse = { exchangeId, rule: authorization.rule.name, checkedClaims: authorization.checkedClaims };
  const { aws: awsGrant, gcp: gcpGrant } = authorization.grants;
  for (const { id, ...result } of minted) {
    if (result.cloud === 'aws' && awsGrant) {
      const { session } = result;
      response.aws = {
        sessionId: id,
        accessKeyId: session.accessKeyId,
        secretAccessKey: session.secretAccessKey,
        sessionToken: session.sessionToken,
        expiration: session.expiration.toISOString(),
        roleArn: session.roleArn,
        assumedRoleId: session.assumedRoleId,
        assumedRoleArn: session.assumedRoleArn,
        sessionName: session.sessionName,
        durationSeconds: awsGrant.durationSeconds,
        capped: awsGrant.capped,
      };
    } else if (result.cloud === 'gcp' && gcpGrant) {
      const { session } = result;
      response.gcp = { sessionId: id, accessToken: session.accessToken, expiration: session.expiration.toISOString(), serviceAccount: session.serviceAccount!, lifetimeSeconds: gcpGrant.lifetimeSeconds, capped: gcpGrant.capped };
    }
  }
  return response;
}

function codeOf(error: unknown): string {
  return error instanceof BrokerError ? error.code : ErrorCode.Internal;
}


export function notReady(): ServiceError {
  return new ServiceError(ServiceErrorCode.NotReady, 503, 'The broker has no valid policy loaded yet.', { hint: 'Retry shortly; the operator sees why the policy failed to load in the broker’s log.' });
}
