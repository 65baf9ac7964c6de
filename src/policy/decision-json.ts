import type { Decision } from './evaluate.ts';
import type { Grant, Matcher } from './types.ts';

/** A decision for machines (`policy explain --format json`): the verdict, the deciding rule, and every rule. */
export interface DecisionJson {
  decision: 'allow' | 'deny';
  rule: string | null;
  grant: GrantJson | null;
  rules: Array<{ name: string; effect: 'allow' | 'deny'; matched: boolean; mismatch?: { claim: string; expected: ExpectedJson; actual: unknown } }>;
}

type ExpectedJson = string | readonly string[] | { glob: string } | { regex: string };
interface GrantJson {
  aws?: { roles: readonly string[]; 'max-duration': number; 'session-policy'?: string; 'revoke-role'?: string };
  gcp?: { 'workload-identity-provider': string; 'service-accounts': readonly string[]; 'max-lifetime': number; scopes: readonly string[] };
}

export function decisionJson(decision: Decision): DecisionJson {
  return {
    decision: decision.allowed ? 'allow' : 'deny',
    rule: decision.rule?.name ?? null,
    grant: decision.allowed && decision.rule.grant ? grantJson(decision.rule.grant) : null,
    rules: decision.outcomes.map((outcome) => ({
      name: outcome.rule.name,
      effect: outcome.rule.effect,
      matched: outcome.matched,
      ...(outcome.firstFailure && {
        mismatch: { claim: outcome.firstFailure.condition.claim, expected: expectedJson(outcome.firstFailure.condition.matcher), actual: outcome.firstFailure.actual ?? null },
      }),
    })),
  };
}

function expectedJson(matcher: Matcher): ExpectedJson {
  switch (matcher.kind) {
    case 'equals':
      return matcher.values.length === 1 ? matcher.values[0]! : matcher.values;
    case 'glob':
      return { glob: matcher.pattern };
    case 'regex':
      return { regex: matcher.pattern };
  }
}

function grantJson({ aws, gcp }: Grant): GrantJson {
  return {
    ...(aws && { aws: { roles: aws.roles, 'max-duration': aws.maxDurationSeconds, ...(aws.sessionPolicy && { 'session-policy': aws.sessionPolicy.path }), ...(aws.revokeRole && { 'revoke-role': aws.revokeRole }) } }),
    ...(gcp && { gcp: { 'workload-identity-provider': gcp.workloadIdentityProvider, 'service-accounts': gcp.serviceAccounts, 'max-lifetime': gcp.maxLifetimeSeconds, scopes: gcp.scopes } }),
  };
}
