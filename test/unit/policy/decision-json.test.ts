import { describe, expect, it } from '@jest/globals';
import { decisionJson } from '../../../src/policy/decision-json.ts';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { parsePolicy } from '../../../src/policy/load.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const policy = parsePolicy(
  `version: 1
rules:
  - name: no-forks
    effect: deny
    match: {event_name: pull_request_target}
  - name: tags
    match: {repository_id: "8429", ref: {glob: "refs/tags/v*"}}
    grant: {aws: {roles: [${ROLE}], max-duration: 15m}}
`,
  'p.yml',
);

describe('decisionJson', () => {
  it('gives the verdict, the rule, the grant and every rule with the first mismatch', () => {
    expect(decisionJson(evaluatePolicy(policy, { iss: ISSUER, repository_id: '8429', ref: 'refs/tags/v1', event_name: 'push' }))).toEqual({
      decision: 'allow',
      rule: 'tags',
      grant: { aws: { roles: [ROLE], 'max-duration': 900 } },
      rules: [
        { name: 'no-forks', effect: 'deny', matched: false, mismatch: { claim: 'event_name', expected: 'pull_request_target', actual: 'push' } },
        { name: 'tags', effect: 'allow', matched: true },
      ],
    });
  });

  it('reports a denial with no rule and no grant, and an absent claim as null', () => {
    expect(decisionJson(evaluatePolicy(policy, { iss: ISSUER, repository_id: '8429' }))).toEqual({
      decision: 'deny',
      rule: null,
      grant: null,
      rules: [
        { name: 'no-forks', effect: 'deny', matched: false, mismatch: { claim: 'event_name', expected: 'pull_request_target', actual: null } },
        { name: 'tags', effect: 'allow', matched: false, mismatch: { claim: 'ref', expected: { glob: 'refs/tags/v*' }, actual: null } },
      ],
    });
  });

  it('shows a Google grant with its defaults', () => {
    const gcp = parsePolicy(
      'version: 1\nrules:\n  - name: g\n    match: {repository_id: "8429"}\n    grant: {gcp: {workload-identity-provider: projects/1/locations/global/workloadIdentityPools/pool/providers/prov}}\n',
      'p.yml',
    );
    expect(decisionJson(evaluatePolicy(gcp, { iss: ISSUER, repository_id: '8429' })).grant).toEqual({
      gcp: { 'workload-identity-provider': 'projects/1/locations/global/workloadIdentityPools/pool/providers/prov', 'service-accounts': [], 'max-lifetime': 600, scopes: ['https://www.googleapis.com/auth/cloud-platform'] },
    });
  });
});
