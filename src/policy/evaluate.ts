import { LIST_CLAIMS } from '../oidc/ci-systems.ts';
import { matches } from './matchers.ts';
import { ruleIndexOf } from './rule-index.ts';
import type { Condition, Operator, Policy, PolicyRule } from './types.ts';

export interface ConditionOutcome {
  condition: Condition;
  actual: unknown;
  holds: boolean;
  /** Why it does not hold. */
  failure?: 'absent' | 'not a string' | 'differs';
}

export interface RuleOutcome {
  rule: PolicyRule;
  matched: boolean;
  conditions: ConditionOutcome[];
  /** The first condition, in file order, that does not hold. */
  firstFailure: ConditionOutcome | undefined;
}

/** `outcomes` (every rule, in file order) and `closest` are worked out when first read. */
export type Decision =
  | { allowed: true; rule: PolicyRule; readonly outcomes: RuleOutcome[] }
  | {
      allowed: false;
      reason: 'issuer not accepted' | 'audience not accepted' | 'deny rule matched' | 'no allow rule matched';
      /** The deny rule that matched. */
      rule: PolicyRule | undefined;
      /** When no allow rule matched: the one that came closest (most conditions holding; the first on ties). */
      readonly closest: RuleOutcome | undefined;
      readonly outcomes: RuleOutcome[];
    };

/**
 * Decides whether verified claims get credentials. Deny by default; a matching deny rule wins over
 * any allow; otherwise the first matching allow rule, in file order, decides. Only the rules the index
 * leaves can match; every rule's outcome is still on record, worked out when it is first read, so that
 * the decision can always be explained.
 */
export function evaluatePolicy(policy: Policy, claims: Readonly<Record<string, unknown>>): Decision {
  let all: RuleOutcome[] | undefined;
  const allOutcomes = (): RuleOutcome[] => (all ??= policy.rules.map((rule) => evaluateRule(rule, claims)));
  const denied = (reason: Extract<Decision, { allowed: false }>['reason'], rule?: PolicyRule): Decision => ({
    allowed: false,
    reason,
    rule,
    // Only a default denial has a rule that came close: a refused issuer or audience was never put to the rules.
    get closest() {
      return reason === 'no allow rule matched' ? closestAllow(allOutcomes()) : undefined;
    },
    get outcomes() {
      return allOutcomes();
    },
  });
  if (typeof claims.iss !== 'string' || !policy.issuers.includes(claims.iss)) return denied('issuer not accepted');
  if (policy.audiences.length > 0 && !audiences(claims.aud).some((aud) => policy.audiences.includes(aud))) return denied('audience not accepted');
  const candidates = ruleIndexOf(policy)
    .candidates(claims)
    .map((position) => evaluateRule(policy.rules[position]!, claims))
    .filter((outcome) => outcome.matched);
  const deny = candidates.find((o) => o.rule.effect === 'deny');
  if (deny) return denied('deny rule matched', deny.rule);
  const allow = candidates.find((o) => o.rule.effect === 'allow');
  if (!allow) return denied('no allow rule matched');
  return {
    allowed: true,
    rule: allow.rule,
    get outcomes() {
      return allOutcomes();
    },
  };
}

/** The claims the deciding rule checked, with the values the token carried, for reports. */
export function checkedClaims(decision: Decision): Array<[string, string]> {
  const outcome = decision.outcomes.find((o) => o.rule === decision.rule);
  return (outcome?.conditions ?? []).map((c) => [c.condition.claim, String(c.actual)]);
}

/**
 * The first `operators:` entry whose conditions all hold on the claims, by the same semantics as a
 * rule's; undefined (refused) when none does or the issuer is not the policy's.
 */
export function matchingOperator(policy: Policy, claims: Readonly<Record<string, unknown>>): Operator | undefined {
  if (typeof claims.iss !== 'string' || !policy.issuers.includes(claims.iss)) return undefined;
  return policy.operators.find((operator) => operator.conditions.every((condition) => evaluateCondition(condition, claims).holds));
}

function evaluateRule(rule: PolicyRule, claims: Readonly<Record<string, unknown>>): RuleOutcome {
  const conditions = rule.conditions.map((condition) => evaluateCondition(condition, claims));
  const firstFailure = conditions.find((c) => !c.holds);
  return { rule, matched: firstFailure === undefined, conditions, firstFailure };
}

/**
 * A condition holds on a string claim that matches or, for the claims CI systems write as lists
 * (CircleCI's context ids), on a list of which any string element matches. Any other value (a number,
 * a boolean, null, an object, a list where one string is due) never matches: claims are compared as the
 * strings the CI system writes, never converted.
 */
function evaluateCondition(condition: Condition, claims: Readonly<Record<string, unknown>>): ConditionOutcome {
  // Own properties only: a claim named "constructor" or "__proto__" must not reach Object.prototype.
  const actual = Object.hasOwn(claims, condition.claim) ? claims[condition.claim] : undefined;
  if (actual === undefined) return { condition, actual, holds: false, failure: 'absent' };
  const values = typeof actual === 'string' ? [actual] : Array.isArray(actual) && LIST_CLAIMS.has(condition.claim) ? actual.filter((v): v is string => typeof v === 'string') : undefined;
  if (values === undefined) return { condition, actual, holds: false, failure: 'not a string' };
  return values.some((value) => matches(condition.matcher, value)) ? { condition, actual, holds: true } : { condition, actual, holds: false, failure: 'differs' };
}

function closestAllow(outcomes: readonly RuleOutcome[]): RuleOutcome | undefined {
  let best: RuleOutcome | undefined;
  let bestScore = -1;
  for (const outcome of outcomes) {
    if (outcome.rule.effect !== 'allow') continue;
    const score = outcome.conditions.filter((c) => c.holds).length;
    if (score > bestScore) [best, bestScore] = [outcome, score];
  }
  return best;
}

function audiences(aud: unknown): string[] {
  if (typeof aud === 'string') return [aud];
  return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
}
