import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { ConditionOutcome, Decision, RuleOutcome } from './evaluate.ts';
import type { Matcher } from './types.ts';

/** Claim values come from tokens: quote them JSON-escaped and cut long ones, so no line can be forged. */
export function quoteClaim(value: unknown): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/** What a matcher expects, as a phrase: `"main"`, `one of "a", "b"`, `glob "v*"`, `regex "v[0-9]+"`. */
export function describeExpected(matcher: Matcher): string {
  switch (matcher.kind) {
    case 'equals':
      return matcher.values.length === 1 ? quoteClaim(matcher.values[0]) : `one of ${matcher.values.map(quoteClaim).join(', ')}`;
    case 'glob':
    case 'regex':
      return `${matcher.kind} ${quoteClaim(matcher.pattern)}`;
  }
}

/** One condition that did not hold, as a phrase: `ref was "refs/heads/dev", expected "refs/heads/main"`. */
export function describeFailure(outcome: ConditionOutcome): string {
  const { claim, matcher } = outcome.condition;
  if (outcome.failure === 'absent') return `${claim} is absent from the token, expected ${describeExpected(matcher)}`;
  if (outcome.failure === 'not a string') return `${claim} is ${quoteClaim(outcome.actual)}, not a string, expected ${describeExpected(matcher)}`;
  return `${claim} was ${quoteClaim(outcome.actual)}, expected ${describeExpected(matcher)}`;
}

function describeRule(outcome: RuleOutcome): string {
  const head = `rule "${outcome.rule.name}" (${outcome.rule.effect}, line ${outcome.rule.location.line})`;
  if (outcome.matched) return `${head}: matched (${outcome.conditions.map((c) => c.condition.claim).join(', ')})`;
  return `${head}: no match, ${describeFailure(outcome.firstFailure!)}`;
}

/** Why the decision came out as it did, rule by rule, for the log, the job summary and errors. */
export function explainDecision(decision: Decision): string[] {
  // Refused on the issuer or the audience, the token never reached the rules: listing them would read
  // as if some had matched.
  if (!decision.allowed && (decision.reason === 'issuer not accepted' || decision.reason === 'audience not accepted')) return [headline(decision)];
  return [headline(decision), ...decision.outcomes.map((outcome) => `  ${describeRule(outcome)}`)];
}

function headline(decision: Decision): string {
  if (decision.allowed) return `Allowed by rule "${decision.rule.name}".`;
  switch (decision.reason) {
    case 'issuer not accepted':
      return 'Denied: the policy does not accept tokens from this issuer (see its `issuers`).';
    case 'audience not accepted':
      return 'Denied: the policy does not accept this token audience (see its `audiences`).';
    case 'deny rule matched':
      return `Denied by rule "${decision.rule!.name}".`;
    case 'no allow rule matched':
      return 'Denied: no allow rule matched (deny by default).';
  }
}

/** A denial as the error the user sees: what decided, the rule that came closest, and what differed. */
export function denialError(decision: Extract<Decision, { allowed: false }>, policySource: string): BrokerError {
  const closest = decision.closest;
  const detail =
    closest?.firstFailure !== undefined
      ? ` Rule "${closest.rule.name}" came closest; ${describeFailure(closest.firstFailure)}.`
      : '';
  return new BrokerError(ErrorCode.PolicyDenied, `${headline(decision)}${detail}`, {
    hint: `If this job should get credentials, change ${policySource} in a reviewed pull request; the log and the job summary show every rule's result.`,
    location: decision.rule?.location ?? closest?.firstFailure?.condition.location,
  });
}
