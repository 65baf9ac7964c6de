import type { Policy, PolicyRule } from './types.ts';

// Claims that narrow a policy of many rules fastest, most selective first.
const INDEX_CLAIMS = ['repository_id', 'repository', 'sub', 'job_workflow_ref', 'repository_owner_id', 'repository_owner', 'environment', 'ref'];

/**
 * Which rules can possibly match a token, found without scanning every rule: each rule is filed under
 * the values of one exact-match condition (the most selective it has), so only rules filed under the
 * token's own values, and rules with no exact condition, remain. A rule left out has a condition that
 * cannot hold, so leaving it out never changes a decision.
 */
export class RuleIndex {
  readonly #byClaim = new Map<string, Map<string, number[]>>();
  readonly #unindexed: number[] = [];

  constructor(rules: readonly PolicyRule[]) {
    rules.forEach((rule, position) => {
      const condition = INDEX_CLAIMS.map((claim) => rule.conditions.find((c) => c.claim === claim && c.matcher.kind === 'equals')).find(Boolean);
      if (!condition || condition.matcher.kind !== 'equals') {
        this.#unindexed.push(position);
        return;
      }
      const byValue = this.#byClaim.get(condition.claim) ?? new Map<string, number[]>();
      for (const value of new Set(condition.matcher.values)) byValue.set(value, [...(byValue.get(value) ?? []), position]);
      this.#byClaim.set(condition.claim, byValue);
    });
  }

  /** Positions, in file order, of the rules that may match these claims. */
  candidates(claims: Readonly<Record<string, unknown>>): number[] {
    const positions = [...this.#unindexed];
    for (const [claim, byValue] of this.#byClaim) {
      const value = Object.hasOwn(claims, claim) ? claims[claim] : undefined;
      if (typeof value === 'string') positions.push(...(byValue.get(value) ?? []));
    }
    return positions.sort((a, b) => a - b);
  }
}

const indexes = new WeakMap<Policy, RuleIndex>();

/** The index of a policy, built on its first decision and kept as long as the policy is. */
export function ruleIndexOf(policy: Policy): RuleIndex {
  let index = indexes.get(policy);
  if (!index) {
    index = new RuleIndex(policy.rules);
    indexes.set(policy, index);
  }
  return index;
}
