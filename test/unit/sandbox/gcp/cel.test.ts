import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { evaluatePolicy } from '../../../../src/policy/evaluate.ts';
import { exportGcpAttributeCondition } from '../../../../src/policy/export/gcp-attribute-condition.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import { CelError, evaluateCel } from '../../../../src/sandbox/gcp/cel.ts';

const assertion = { sub: 'repo:octo-org/app:environment:production', repository: 'octo-org/app', repository_id: '8429', ref: 'refs/heads/main', 'odd-name': 'x' };
const cel = (source: string) => evaluateCel(source, { assertion });

describe('evaluateCel', () => {
  it.each([
    ["assertion.repository == 'octo-org/app'", true],
    ['assertion.repository != "octo-org/app"', false],
    ["assertion.ref in ['refs/heads/main', 'refs/heads/release']", true],
    ["assertion.ref.startsWith('refs/heads/') && assertion.repository_id == '8429'", true],
    ["assertion.ref.startsWith('refs/tags/') || assertion.repository_id == '8429'", true],
    ["!(assertion.ref == 'refs/heads/main')", false],
    ["assertion['odd-name'] == 'x'", true],
    ['assertion.sub.matches("^repo:octo-org/[^/:]*:environment:prod(uction)?$")', true],
    ["assertion.sub.endsWith(':production') && assertion.sub.contains('octo-org')", true],
  ])('%s is %p', (source, expected) => {
    expect(cel(source)).toBe(expected);
  });

  it('maps attributes to values', () => {
    expect(cel('assertion.sub')).toBe('repo:octo-org/app:environment:production');
  });

  it('makes a missing field an error, which || and && absorb as CEL does', () => {
    expect(() => cel("assertion.environment == 'production'")).toThrow(CelError);
    expect(cel("assertion.environment == 'production' || assertion.repository_id == '8429'")).toBe(true);
    expect(cel("assertion.environment == 'production' && assertion.repository_id == '1'")).toBe(false);
    expect(() => cel("assertion.environment == 'production' && assertion.repository_id == '8429'")).toThrow(CelError);
  });

  it.each(["assertion.ref == 'x", 'assertion.ref === "x"', 'assertion.ref.lowerAscii()', "assertion.ref == 'a' &&"])('refuses %p', (source) => {
    expect(() => cel(source)).toThrow(CelError);
  });
});

describe('the exported attribute condition, in the CEL subset', () => {
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
      job_workflow_ref: {glob: "octo-org/app/.github/workflows/*.yml@refs/heads/main"}
    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}
  - name: tags
    match: {repository_id: "8429", ref: {regex: "refs/tags/v[0-9]+"}}
    grant: {aws: {roles: [arn:aws:iam::111122223333:role/deploy]}}
`,
    'p.yml',
  );
  const { condition } = exportGcpAttributeCondition(policy);

  it('decides every claim set as the engine does', () => {
    const claimSets = fc.record({
      repository_id: fc.constantFrom('8429', '9999'),
      environment: fc.constantFrom('production', 'prod', 'staging'),
      job_workflow_ref: fc.constantFrom('octo-org/app/.github/workflows/deploy.yml@refs/heads/main', 'octo-org/app/.github/workflows/x/deploy.yml@refs/heads/main', 'octo-org/app/.github/workflows/deploy.yml@refs/heads/dev'),
      ref: fc.constantFrom('refs/heads/main', 'refs/tags/v12', 'refs/tags/v1.2'),
      event_name: fc.constantFrom('push', 'pull_request_target'),
    });
    fc.assert(
      fc.property(claimSets, (claims) => {
        const engine = evaluatePolicy(policy, { iss: 'https://token.actions.githubusercontent.com', ...claims }).allowed;
        expect(evaluateCel(condition, { assertion: claims })).toBe(engine);
      }),
      { numRuns: 200 },
    );
  });
});
