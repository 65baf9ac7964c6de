import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { evaluatePolicy } from '../../../../src/policy/evaluate.ts';
import { exportGcpAttributeCondition } from '../../../../src/policy/export/gcp-attribute-condition.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import type { Policy } from '../../../../src/policy/types.ts';
import { compileCel, conditionAdmits, type CelVariables } from '../../../../src/sandbox/gcp/cel.ts';
import { thrown } from '../../../helpers/broker-error.ts';

const GITHUB = 'https://token.actions.githubusercontent.com';
const GRANT = 'grant: {aws: {roles: ["arn:aws:iam::111122223333:role/deploy"]}}';
const policy = parsePolicy(
  `version: 1
audiences: [https://github.com/octo-org]
rules:
  - name: no-forks
    effect: deny
    match: {event_name: [pull_request, pull_request_target]}
  - name: production
    match:
      repository_id: "8429"
      environment: production
      job_workflow_ref: {glob: "octo-org/.github/.github/workflows/deploy.yml@refs/tags/v*"}
    ${GRANT}
  - name: tags
    match: {repository_id: "8429", ref: {regex: "refs/tags/v[0-9]+"}}
    ${GRANT}
`,
  'p.yml',
);

/**
 * Google's verdict on the exported condition and the broker's, on the same claims from the policy's first
 * issuer (or `issuer`) for an audience it accepts, which Google checks before the condition.
 */
function judge(target: Policy, issuer = target.issuers[0]!): (claims: Record<string, unknown>) => { google: boolean; broker: boolean } {
  const condition = compileCel(exportGcpAttributeCondition(target).condition);
  return (claims) => {
    const token = { iss: issuer, ...(target.audiences.length > 0 ? { aud: target.audiences[0] } : {}), ...claims };
    return { google: conditionAdmits(condition, { assertion: token as CelVariables }), broker: evaluatePolicy(target, token).allowed };
  };
}

describe('exportGcpAttributeCondition', () => {
  it('requires no deny rule to match and some allow rule to match, each claim present and a string', () => {
    const { condition, notes } = exportGcpAttributeCondition(policy);
    expect(condition).toBe(
      '!(has(assertion.event_name) && type(assertion.event_name) == string && assertion.event_name in ["pull_request", "pull_request_target"]) && (' +
        '(has(assertion.repository_id) && type(assertion.repository_id) == string && assertion.repository_id == "8429" && ' +
        'has(assertion.environment) && type(assertion.environment) == string && assertion.environment == "production" && ' +
        'has(assertion.job_workflow_ref) && type(assertion.job_workflow_ref) == string && assertion.job_workflow_ref.matches("(?s)^octo-org/\\\\.github/\\\\.github/workflows/deploy\\\\.yml@refs/tags/v[^/]*$")) || ' +
        '(has(assertion.repository_id) && type(assertion.repository_id) == string && assertion.repository_id == "8429" && has(assertion.ref) && type(assertion.ref) == string && assertion.ref.matches("^(?:refs/tags/v[0-9]+)$")))',
    );
    expect(notes).toEqual([
      `The provider's issuer must be ${GITHUB}, the policy's issuer.`,
      "Google checks the audience itself, against the provider's allowed audiences (by default its own resource name), not in this condition; the policy accepts https://github.com/octo-org.",
    ]);
  });

  it('exports one rule on request, with every deny rule', () => {
    expect(exportGcpAttributeCondition(policy, { rule: 'tags' }).condition).toBe(
      '!(has(assertion.event_name) && type(assertion.event_name) == string && assertion.event_name in ["pull_request", "pull_request_target"]) && ' +
        'has(assertion.repository_id) && type(assertion.repository_id) == string && assertion.repository_id == "8429" && has(assertion.ref) && type(assertion.ref) == string && assertion.ref.matches("^(?:refs/tags/v[0-9]+)$")',
    );
    expect(thrown(() => exportGcpAttributeCondition(policy, { rule: 'no-forks' })).message).toBe('The policy has no allow rule named "no-forks".');
  });

  it('does not lock out a job that lacks the claim a deny rule tests, or carries it as another type', () => {
    const verdicts = judge(policy);
    const tag = { repository_id: '8429', ref: 'refs/tags/v12' };
    expect(verdicts(tag)).toEqual({ google: true, broker: true });
    expect(verdicts({ ...tag, event_name: 42 })).toEqual({ google: true, broker: true });
    expect(verdicts({ ...tag, event_name: ['pull_request'] })).toEqual({ google: true, broker: true });
    expect(verdicts({ ...tag, event_name: 'pull_request_target' })).toEqual({ google: false, broker: false });
    expect(verdicts({ ...tag, repository_id: 8429 })).toEqual({ google: false, broker: false });
    expect(verdicts({ ...tag, ref: 'refs/tags/v12\n' })).toEqual({ google: false, broker: false });
  });

  it('tests a list claim on any of its strings, in allow and deny rules alike', () => {
    const ORG = 'https://oidc.circleci.com/org/8f1e2a3b-0c4d-4e5f-9a6b-7c8d9e0f1a2b';
    const circleci = parsePolicy(
      `version: 1
issuers: [${ORG}]
rules:
  - name: no-sandbox-context
    effect: deny
    match: {oidc.circleci.com/context-ids: [bad]}
  - name: deploy
    match: {oidc.circleci.com/vcs-origin: github.com/octo-org/app, oidc.circleci.com/context-ids: {glob: "prod-*"}}
    ${GRANT}
`,
      'c.yml',
    );
    expect(exportGcpAttributeCondition(circleci).condition).toBe(
      '!("oidc.circleci.com/context-ids" in assertion && (type(assertion["oidc.circleci.com/context-ids"]) == list ? assertion["oidc.circleci.com/context-ids"] : [assertion["oidc.circleci.com/context-ids"]]).exists(v, type(v) == string && v == "bad")) && ' +
        '"oidc.circleci.com/vcs-origin" in assertion && type(assertion["oidc.circleci.com/vcs-origin"]) == string && assertion["oidc.circleci.com/vcs-origin"] == "github.com/octo-org/app" && ' +
        '"oidc.circleci.com/context-ids" in assertion && (type(assertion["oidc.circleci.com/context-ids"]) == list ? assertion["oidc.circleci.com/context-ids"] : [assertion["oidc.circleci.com/context-ids"]]).exists(v, type(v) == string && v.matches("(?s)^prod-[^/]*$"))',
    );
    const verdicts = judge(circleci);
    const job = (contexts: unknown) => verdicts({ 'oidc.circleci.com/vcs-origin': 'github.com/octo-org/app', 'oidc.circleci.com/context-ids': contexts });
    expect(job(['dev-1', 'prod-1'])).toEqual({ google: true, broker: true });
    expect(job('prod-1')).toEqual({ google: true, broker: true });
    expect(job([42, null, ['prod-1'], 'prod-2'])).toEqual({ google: true, broker: true });
    expect(job(['prod-1', 'bad'])).toEqual({ google: false, broker: false });
    expect(job('bad')).toEqual({ google: false, broker: false });
    expect(job([['prod-1'], 42])).toEqual({ google: false, broker: false });
    expect(job([])).toEqual({ google: false, broker: false });
  });

  it('exports a rule’s issuer as a test of the verified iss, and odd claim names and values so that they read plainly', () => {
    const ENTERPRISE = `${GITHUB}/octo-enterprise`;
    const enterprise = parsePolicy(
      `version: 1
issuers: [${GITHUB}, ${ENTERPRISE}]
custom-claims: [namespace, 'odd"name']
rules:
  - name: enterprise
    issuer: ${ENTERPRISE}
    match: {namespace: "caf\\u00e9\\u00a0\\U0001F600", "odd\\"name": x}
    ${GRANT}
`,
      'e.yml',
    );
    const { condition, notes } = exportGcpAttributeCondition(enterprise);
    expect(condition).toBe(
      `assertion.iss == "${ENTERPRISE}" && "namespace" in assertion && type(assertion["namespace"]) == string && assertion["namespace"] == "caf\\u00e9\\u00a0\\U0001f600" && ` +
        '"odd\\"name" in assertion && type(assertion["odd\\"name"]) == string && assertion["odd\\"name"] == "x"',
    );
    const verdicts = judge(enterprise, ENTERPRISE);
    expect(verdicts({ namespace: 'café\u00a0😀', 'odd"name': 'x' })).toEqual({ google: true, broker: true });
    expect(verdicts({ namespace: 'café 😀', 'odd"name': 'x' })).toEqual({ google: false, broker: false });
    expect(judge(enterprise, GITHUB)({ namespace: 'café\u00a0😀', 'odd"name': 'x' })).toEqual({ google: false, broker: false });
    expect(notes[0]).toBe(`The provider's issuer must be one of the policy's issuers (${GITHUB}, ${ENTERPRISE}); rules naming another issuer never match there.`);
    expect(notes[1]).toMatch(/; the policy accepts any\.$/);
  });

  it('fails when the condition is longer than Google accepts, and passes at the limit', () => {
    const sized = (length: number) => parsePolicy(`version: 1\nrules:\n  - name: r\n    match: {ref: "${'x'.repeat(length)}"}\n    ${GRANT}\n`, 'long.yml');
    const overhead = exportGcpAttributeCondition(sized(1)).condition.length - 1;
    expect(exportGcpAttributeCondition(sized(4096 - overhead)).condition).toHaveLength(4096);
    const error = thrown(() => exportGcpAttributeCondition(sized(4097 - overhead)));
    expect(error.code).toBe(ErrorCode.ExportInexact);
    expect(error.message).toBe('Google cannot hold the policy in one provider: its attribute condition would be 4097 characters, and Google accepts at most 4096.');
    expect(error.hint).toContain('deny rules');
    expect(thrown(() => exportGcpAttributeCondition({ ...policy, rules: [...policy.rules, ...sized(4097).rules] })).hint).toContain('--rule NAME');
  });
});
