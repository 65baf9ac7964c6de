import { describe, expect, it } from '@jest/globals';
import { exportGcpAttributeCondition } from '../../../../src/policy/export/gcp-attribute-condition.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const policy = parsePolicy(
  `version: 1
rules:
  - name: no-forks
    effect: deny
    match: {event_name: [pull_request, pull_request_target]}
  - name: production
    match:
      repository_id: "8429"
      environment: [production, prod]
      job_workflow_ref: {glob: "octo-org/.github/.github/workflows/deploy.yml@refs/tags/v*"}
    grant: {aws: {roles: [${ROLE}]}}
  - name: tags
    match: {repository_id: "8429", ref: {regex: "refs/tags/v[0-9]+"}}
    grant: {aws: {roles: [${ROLE}]}}
`,
  'p.yml',
);

describe('exportGcpAttributeCondition', () => {
  it('requires no deny rule to match and some allow rule to match, in CEL', () => {
    const { condition, notes } = exportGcpAttributeCondition(policy);
    expect(condition).toBe(
      '!(assertion.event_name in ["pull_request", "pull_request_target"]) && ((assertion.repository_id == "8429" && assertion.environment in ["production", "prod"] && ' +
        'assertion.job_workflow_ref.matches("^octo-org\\\\/\\\\.github\\\\/\\\\.github\\\\/workflows\\\\/deploy\\\\.yml@refs\\\\/tags\\\\/v[^/]*$")) || ' +
        '(assertion.repository_id == "8429" && assertion.ref.matches("^(?:refs/tags/v[0-9]+)$")))',
    );
    expect(notes).toEqual(['Regexes are passed to CEL matches(), which uses RE2: lookaround and backreferences are not available there.']);
  });

  it('exports one rule on request', () => {
    expect(exportGcpAttributeCondition(policy, { rule: 'tags' }).condition).toBe('!(assertion.event_name in ["pull_request", "pull_request_target"]) && assertion.repository_id == "8429" && assertion.ref.matches("^(?:refs/tags/v[0-9]+)$")');
    expect(thrown(() => exportGcpAttributeCondition(policy, { rule: 'no-forks' })).message).toBe('The policy has no allow rule named "no-forks".');
  });
});
