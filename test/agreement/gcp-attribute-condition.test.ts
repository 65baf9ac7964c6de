import { describe, expect, it } from '@jest/globals';
import { evaluatePolicy } from '../../src/policy/evaluate.ts';
import { exportGcpAttributeCondition } from '../../src/policy/export/gcp-attribute-condition.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import { compileCel, conditionAdmits, type CelVariables } from '../../src/sandbox/gcp/cel.ts';
import { AGREEMENT_POLICIES, claimSets, showClaims } from './claim-corpus.ts';

const CLAIM_SETS_PER_POLICY = 1200;

/**
 * The exported attribute condition, run by a real CEL engine as Google runs it, admits exactly the claim
 * sets that `policy explain` allows: never one more (broader than the policy), never one fewer (a job
 * locked out).
 */
describe('the exported Google attribute condition agrees with the broker', () => {
  it.each(AGREEMENT_POLICIES)(`agrees on ${CLAIM_SETS_PER_POLICY.toLocaleString('en')} claim sets for policy $name`, ({ name, yaml }) => {
    const policy = parsePolicy(yaml, name);
    const condition = compileCel(exportGcpAttributeCondition(policy).condition);
    const sets = claimSets(policy, CLAIM_SETS_PER_POLICY);
    const disagreements = sets.flatMap((claims) => {
      const broker = evaluatePolicy(policy, claims).allowed;
      // As Google reads it: the token's JSON payload.
      const google = conditionAdmits(condition, { assertion: JSON.parse(JSON.stringify(claims)) as CelVariables });
      return broker === google ? [] : [`broker ${broker ? 'allows' : 'denies'}, Google ${google ? 'admits' : 'refuses'}: ${showClaims(claims)}`];
    });
    expect(disagreements).toEqual([]);
    expect(sets).toHaveLength(CLAIM_SETS_PER_POLICY);
    // Both sides of the policy are exercised, allowed jobs without a claim that a deny rule tests among them.
    const allowed = sets.filter((claims) => evaluatePolicy(policy, claims).allowed);
    expect(allowed.length).toBeGreaterThan(CLAIM_SETS_PER_POLICY / 10);
    const denyClaims = policy.rules.filter((rule) => rule.effect === 'deny').flatMap((rule) => rule.conditions.map((c) => c.claim));
    expect(allowed.some((claims) => denyClaims.some((claim) => !(claim in claims)))).toBe(true);
  });
});
