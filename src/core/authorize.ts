import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { verifyToken, type VerifiedClaims, type VerifyOptions } from '../oidc/verify.ts';
import { chooseAwsRole, type AwsRoleChoice } from '../policy/aws-grant.ts';
import { GCP_TOKEN_SECONDS, STS_SESSION_SECONDS } from '../policy/duration.ts';
import { checkedClaims, evaluatePolicy, type Decision } from '../policy/evaluate.ts';
import { denialError, explainDecision } from '../policy/explain.ts';
import { chooseGcpGrant, type GcpGrantChoice } from '../policy/gcp-grant.ts';
import type { Policy, PolicyRule } from '../policy/types.ts';

/** What a caller asks of AWS; the rule decides how much of it is granted. */
export interface AwsGrantRequest {
  /** The role to assume; may be left out when the rule grants exactly one. */
  role?: string | undefined;
  durationSeconds: number;
  /** The caller's own inline session policy (JSON), refused when the rule sets one. */
  sessionPolicy?: string | undefined;
  managedSessionPolicyArns?: readonly string[] | undefined;
}

/** What a caller asks of Google Cloud. */
export interface GcpGrantRequest {
  provider?: string | undefined;
  serviceAccount?: string | undefined;
  lifetimeSeconds: number;
  /** Narrower than the rule's scopes; by default all of them. */
  scopes?: readonly string[] | undefined;
  /** An ID token for this audience, which the rule must list. */
  idTokenAudience?: string | undefined;
}

export interface GrantRequest {
  aws?: AwsGrantRequest | undefined;
  gcp?: GcpGrantRequest | undefined;
}

/** `sessionPolicy` here is the one the session gets: the rule's, or else the caller's. */
export interface AwsGrant extends AwsRoleChoice {
  requestedSeconds: number;
  managedSessionPolicyArns: readonly string[];
}

export interface GcpGrant extends GcpGrantChoice {
  requestedSeconds: number;
}

interface Decided {
  claims: VerifiedClaims;
  decision: Decision;
  /** Why the decision came out as it did, rule by rule, as the action logs it. */
  explanation: string[];
}

export interface Allowed extends Decided {
  allowed: true;
  rule: PolicyRule;
  /** The claims the deciding rule checked, with the token's values, for reports. */
  checkedClaims: Array<[string, string]>;
  grants: { aws?: AwsGrant | undefined; gcp?: GcpGrant | undefined };
}

export interface Denied extends Decided {
  allowed: false;
  /** The error a shell throws or reports: the rule that came closest and what differed. */
  error: BrokerError;
}

export type Authorization = Allowed | Denied;

/**
 * Puts verified claims to the policy and, when allowed, narrows what was asked to what the deciding rule
 * grants. A denial is returned, not thrown, so each shell can show its explanation its own way first;
 * a request the rule does not grant (another role, another service account) throws RoleNotGranted.
 */
export function authorizeClaims(policy: Policy, claims: VerifiedClaims, wanted: GrantRequest): Authorization {
  const decision = evaluatePolicy(policy, claims);
  const explanation = explainDecision(decision);
  if (!decision.allowed) return { allowed: false, claims, decision, explanation, error: denialError(decision, policy.source) };
  const grants = {
    aws: wanted.aws && resolveAws(decision.rule, wanted.aws),
    gcp: wanted.gcp && resolveGcp(decision.rule, wanted.gcp),
  };
  return { allowed: true, claims, decision, explanation, rule: decision.rule, checkedClaims: checkedClaims(decision), grants };
}

export interface AuthorizeTokenOptions {
  issuer: string;
  audience: string;
  policy: Policy;
  wanted: GrantRequest;
  /** Offline keys, clock and leeway for the verifier. */
  verify?: Partial<Omit<VerifyOptions, 'issuer' | 'audience'>>;
}

/** Token → verified claims → decision → grants, for shells that hold the raw token. */
export async function authorizeToken(token: string, options: AuthorizeTokenOptions): Promise<Authorization> {
  const { claims } = await verifyToken(token, { ...options.verify, issuer: options.issuer, audience: options.audience });
  return authorizeClaims(options.policy, claims, options.wanted);
}

function resolveAws(rule: PolicyRule, wanted: AwsGrantRequest): AwsGrant {
  requireWithin('AWS session duration', wanted.durationSeconds, STS_SESSION_SECONDS);
  const choice = chooseAwsRole(rule, wanted.role, wanted.durationSeconds);
  if (choice.sessionPolicy && wanted.sessionPolicy) {
    throw new BrokerError(ErrorCode.InputInvalid, `Rule "${rule.name}" sets a session policy, so the request cannot bring its own.`, {
      hint: 'Leave the inline session policy out, or narrow further with managed session policies; STS takes one inline session policy.',
    });
  }
  return {
    ...choice,
    sessionPolicy: choice.sessionPolicy ?? wanted.sessionPolicy,
    requestedSeconds: wanted.durationSeconds,
    managedSessionPolicyArns: wanted.managedSessionPolicyArns ?? [],
  };
}

function resolveGcp(rule: PolicyRule, wanted: GcpGrantRequest): GcpGrant {
  requireWithin('Google token lifetime', wanted.lifetimeSeconds, GCP_TOKEN_SECONDS);
  const choice = chooseGcpGrant(rule, { provider: wanted.provider, serviceAccount: wanted.serviceAccount, lifetimeSeconds: wanted.lifetimeSeconds, idTokenAudience: wanted.idTokenAudience });
  const extra = wanted.scopes?.filter((scope) => !choice.scopes.includes(scope)) ?? [];
  if (extra.length > 0) {
    throw new BrokerError(ErrorCode.RoleNotGranted, `Rule "${rule.name}" does not grant the scope(s) ${extra.join(', ')}; it grants ${choice.scopes.join(', ')}.`, {
      hint: 'Ask for granted scopes only, or add the scope to the rule in a reviewed change to the policy.',
      location: rule.location,
    });
  }
  return { ...choice, scopes: wanted.scopes && wanted.scopes.length > 0 ? wanted.scopes : choice.scopes, requestedSeconds: wanted.lifetimeSeconds };
}

function requireWithin(what: string, seconds: number, bounds: { min: number; max: number }): void {
  if (Number.isInteger(seconds) && seconds >= bounds.min && seconds <= bounds.max) return;
  throw new BrokerError(ErrorCode.InputInvalid, `The ${what} asked for is ${seconds} s, not from ${bounds.min} to ${bounds.max} s.`, {
    hint: `Ask for whole seconds between ${bounds.min} and ${bounds.max}; the rule may lower it further.`,
  });
}
