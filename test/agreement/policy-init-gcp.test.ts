/**
 * `policy init --from-gcp-attribute-condition` is the export run backwards: the policy it writes from
 * an attribute condition decides as that condition does, run by a real CEL engine as Google runs it,
 * on the claim corpus; what it cannot carry over is said, and never admitted.
 */
import { describe, expect, it } from '@jest/globals';
import { evaluatePolicy } from '../../src/policy/evaluate.ts';
import { exportGcpAttributeCondition } from '../../src/policy/export/gcp-attribute-condition.ts';
import { lintPolicy } from '../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../src/policy/load.ts';
import { compileCel, conditionAdmits, type CelVariables } from '../../src/sandbox/gcp/cel.ts';
import { importGcpAttributeCondition } from '../../src/scan/trust-import/gcp-attribute-condition.ts';
import { AGREEMENT_POLICIES, claimSets, showClaims, type Claims } from './claim-corpus.ts';

const COUNT = 800;
const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci-pool/providers/ci-broker';

const admits = (condition: string, claims: Claims): boolean => conditionAdmits(compileCel(condition), { assertion: JSON.parse(JSON.stringify(claims)) as CelVariables });

describe('policy init --from-gcp-attribute-condition', () => {
  it.each(AGREEMENT_POLICIES)('decides as the condition exported from $name', ({ name, yaml }) => {
    const original = parsePolicy(yaml, `${name}.yml`);
    const { condition } = exportGcpAttributeCondition(original);
    const result = importGcpAttributeCondition(condition, 'condition.cel', { issuer: original.issuers[0], provider: PROVIDER });
    expect(result.notes.filter((note) => !note.startsWith('Google checks the audience'))).toEqual([]);
    const policy = parsePolicy(result.policy, 'policy.yml');
    const program = compileCel(condition);
    // Google has verified the issuer against the provider's, and the audience, before the condition runs.
    const disagreements = claimSets(original, COUNT)
      .filter((claims) => policy.issuers.includes(String(claims.iss)))
      .filter((claims) => conditionAdmits(program, { assertion: JSON.parse(JSON.stringify(claims)) as CelVariables }) !== evaluatePolicy(policy, claims).allowed)
      .map(showClaims);
    expect(disagreements.slice(0, 3)).toEqual([]);
    expect(() => lintPolicy(policy)).not.toThrow();
  });

  it('reads hand-written conditions: ==, in, startsWith, matches, several branches', () => {
    const condition = `assertion.repository_owner_id == "1342004" && (assertion.ref == "refs/heads/main" || assertion.ref.startsWith("refs/tags/v") || assertion.workflow_ref.matches("^acme/app/.github/workflows/(deploy|release)\\\\.yml@"))`;
    const policy = parsePolicy(importGcpAttributeCondition(condition, 'c.cel', { provider: PROVIDER }).policy, 'policy.yml');
    expect(policy.rules.map((rule) => rule.name)).toEqual(['allow-1', 'allow-2', 'allow-3']);
    const base = { iss: 'https://token.actions.githubusercontent.com', repository_owner_id: '1342004' };
    for (const claims of [{ ref: 'refs/heads/main' }, { ref: 'refs/heads/mainx' }, { ref: 'refs/tags/v1.2' }, { ref: 'x', workflow_ref: 'acme/app/.github/workflows/deploy.yml@refs/heads/x' }, { ref: 'x', workflow_ref: 'acme/app/.github/workflows/deployXyml@x' }]) {
      const all = { ...base, ...claims };
      expect([claims, evaluatePolicy(policy, all).allowed]).toEqual([claims, admits(condition, all)]);
    }
  });

  it('says what it cannot carry over, and never admits more', () => {
    const condition = `!(assertion.actor == "dependabot[bot]" && size(assertion.ref) > 3) && ((assertion.repository_id == "8429" && int(assertion.run_attempt) < 3) || assertion.repository_id == "9000")`;
    const result = importGcpAttributeCondition(condition, 'c.cel', { provider: PROVIDER });
    expect(result.notes.slice(0, 2)).toEqual([expect.stringMatching(/^Deny rule deny-1 is carried over without a test of the form/), expect.stringMatching(/^Allow branch allow-1 is left out/)]);
    const policy = parsePolicy(result.policy, 'policy.yml');
    for (const claims of [{ repository_id: '8429', run_attempt: '1', actor: 'me', ref: 'refs/heads/main' }, { repository_id: '9000', actor: 'dependabot[bot]', ref: 'main' }, { repository_id: '9000', actor: 'me', ref: 'main' }]) {
      const all = { iss: 'https://token.actions.githubusercontent.com', ...claims };
      if (evaluatePolicy(policy, all).allowed) expect([claims, admits(condition, all)]).toEqual([claims, true]);
    }
  });

});
