import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { Condition, Policy, PolicyRule } from '../types.ts';

// Google rejects longer attribute conditions on a workload identity pool provider.
const MAX_CONDITION_CHARS = 4096;

export interface GcpAttributeConditionExport {
  /** A CEL expression over `assertion` (the token's claims). */
  condition: string;
  notes: string[];
}

/**
 * The CEL attribute condition that makes a workload identity pool provider accept only the tokens the
 * policy allows: no deny rule matches, and some allow rule does. Globs and regexes become RE2
 * `matches()` calls, anchored as the broker anchors them.
 */
export function exportGcpAttributeCondition(policy: Policy, options: { rule?: string | undefined } = {}): GcpAttributeConditionExport {
  const allows = policy.rules.filter((rule) => rule.effect === 'allow' && (options.rule === undefined || rule.name === options.rule));
  if (allows.length === 0) {
    throw new BrokerError(ErrorCode.InputInvalid, options.rule === undefined ? 'The policy has no allow rule to export.' : `The policy has no allow rule named "${options.rule}".`, {
      hint: `Allow rules: ${policy.rules.filter((r) => r.effect === 'allow').map((r) => r.name).join(', ') || 'none'}.`,
    });
  }
  const notes: string[] = [];
  if (allows.some((rule) => rule.conditions.some((c) => c.matcher.kind === 'regex'))) {
    notes.push('Regexes are passed to CEL matches(), which uses RE2: lookaround and backreferences are not available there.');
  }
  const denies = policy.rules.filter((rule) => rule.effect === 'deny').map((rule) => `!(${conjunction(rule)})`);
  const allowed = allows.length === 1 ? conjunction(allows[0]!) : allows.map((rule) => `(${conjunction(rule)})`).join(' || ');
  const condition = [...denies, denies.length > 0 && allows.length > 1 ? `(${allowed})` : allowed].join(' && ');
  if (condition.length > MAX_CONDITION_CHARS) notes.push(`The condition is ${condition.length} characters; Google accepts at most ${MAX_CONDITION_CHARS}. Export fewer rules (--rule) or split providers.`);
  return { condition, notes };
}

function conjunction(rule: PolicyRule): string {
  return rule.conditions.map(test).join(' && ');
}

function test(condition: Condition): string {
  const attribute = /^[A-Za-z_][A-Za-z0-9_]*$/.test(condition.claim) ? `assertion.${condition.claim}` : `assertion[${literal(condition.claim)}]`;
  const matcher = condition.matcher;
  switch (matcher.kind) {
    case 'equals':
      return matcher.values.length === 1 ? `${attribute} == ${literal(matcher.values[0]!)}` : `${attribute} in [${matcher.values.map(literal).join(', ')}]`;
    case 'glob':
    case 'regex':
      return `${attribute}.matches(${literal(matcher.source)})`;
  }
}

/** A CEL string literal; JSON's escaping is valid CEL. */
function literal(text: string): string {
  return JSON.stringify(text);
}
