import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import { LIST_CLAIMS } from '../../oidc/ci-systems.ts';
import type { Condition, Matcher, Policy, PolicyRule } from '../types.ts';

// Google rejects longer attribute conditions on a workload identity pool provider.
const MAX_CONDITION_CHARS = 4096;

// CEL words that cannot follow `assertion.`; claims so named are read as `assertion["…"]`.
const CEL_RESERVED = new Set(['as', 'break', 'const', 'continue', 'else', 'false', 'for', 'function', 'if', 'import', 'in', 'let', 'loop', 'package', 'namespace', 'null', 'return', 'true', 'var', 'void', 'while']);

export interface GcpAttributeConditionExport {
  /** A CEL expression over `assertion` (the token's claims). */
  condition: string;
  notes: string[];
}

/**
 * The CEL attribute condition that makes a workload identity pool provider accept exactly the tokens the
 * policy allows: no deny rule matches, and some allow rule does. A condition holds as the broker decides
 * it: on a string claim, or on any string of a list claim; an absent or otherwise typed claim makes it
 * false. CEL raises an error on a missing field, and Google refuses a token on any error, so every claim
 * is guarded: without that, a deny rule on a claim the token lacks would refuse a job the policy allows.
 * Globs and regexes are the broker's own anchored RE2 source, which CEL's `matches()` runs unchanged.
 */
export function exportGcpAttributeCondition(policy: Policy, options: { rule?: string | undefined } = {}): GcpAttributeConditionExport {
  const allows = policy.rules.filter((rule) => rule.effect === 'allow' && (options.rule === undefined || rule.name === options.rule));
  if (allows.length === 0) {
    throw new BrokerError(ErrorCode.InputInvalid, options.rule === undefined ? 'The policy has no allow rule to export.' : `The policy has no allow rule named "${options.rule}".`, {
      hint: `Allow rules: ${policy.rules.filter((r) => r.effect === 'allow').map((r) => r.name).join(', ') || 'none'}.`,
    });
  }
  const denies = policy.rules.filter((rule) => rule.effect === 'deny').map((rule) => `!(${conjunction(rule)})`);
  const allowed = allows.length === 1 ? conjunction(allows[0]!) : allows.map((rule) => `(${conjunction(rule)})`).join(' || ');
  const condition = [...denies, denies.length > 0 && allows.length > 1 ? `(${allowed})` : allowed].join(' && ');
  if (condition.length > MAX_CONDITION_CHARS) {
    throw new BrokerError(ErrorCode.ExportInexact, `Google cannot hold the policy in one provider: its attribute condition would be ${condition.length} characters, and Google accepts at most ${MAX_CONDITION_CHARS}.`, {
      hint:
        allows.length > 1
          ? 'Export fewer allow rules per provider (--rule NAME, one provider each), or shorten the value lists and patterns.'
          : 'Shorten the rule’s value lists and patterns, or the deny rules, which every provider’s condition carries.',
    });
  }
  return { condition, notes: [issuerNote(policy), audienceNote(policy)] };
}

// One provider trusts one issuer, and Google verifies `iss` against it before the condition runs.
function issuerNote(policy: Policy): string {
  return policy.issuers.length === 1
    ? `The provider's issuer must be ${policy.issuers[0]}, the policy's issuer.`
    : `The provider's issuer must be one of the policy's issuers (${policy.issuers.join(', ')}); rules naming another issuer never match there.`;
}

function audienceNote(policy: Policy): string {
  const accepted = policy.audiences.length > 0 ? `the policy accepts ${policy.audiences.join(', ')}` : 'the policy accepts any';
  return `Google checks the audience itself, against the provider's allowed audiences (by default its own resource name), not in this condition; ${accepted}.`;
}

function conjunction(rule: PolicyRule): string {
  return rule.conditions.map(holds).join(' && ');
}

function holds(condition: Condition): string {
  const { claim, matcher } = condition;
  const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/.test(claim) && !CEL_RESERVED.has(claim);
  const value = identifier ? `assertion.${claim}` : `assertion[${literal(claim)}]`;
  // Google has verified `iss`, a string, against the provider's issuer before the condition runs.
  if (claim === 'iss') return test(value, matcher);
  const present = identifier ? `has(${value})` : `${literal(claim)} in assertion`;
  if (LIST_CLAIMS.has(claim)) return `${present} && (type(${value}) == list ? ${value} : [${value}]).exists(v, type(v) == string && ${test('v', matcher)})`;
  return `${present} && type(${value}) == string && ${test(value, matcher)}`;
}

function test(value: string, matcher: Matcher): string {
  switch (matcher.kind) {
    case 'equals':
      return matcher.values.length === 1 ? `${value} == ${literal(matcher.values[0]!)}` : `${value} in [${matcher.values.map(literal).join(', ')}]`;
    case 'glob':
    case 'regex':
      return `${value}.matches(${literal(matcher.source)})`;
  }
}

/**
 * A CEL string literal in printable ASCII: an admin reads every invisible character as an escape, and
 * the length Google limits is the same whether it counts characters or bytes.
 */
function literal(text: string): string {
  return JSON.stringify(text).replace(/[^\x20-\x7e]/gu, (char) => {
    const code = char.codePointAt(0)!;
    return code > 0xffff ? `\\U${code.toString(16).padStart(8, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
