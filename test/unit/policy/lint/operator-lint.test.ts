// `policy lint` on the `operators:` section: an operator entry opens the whole inventory and revocation
// of any repository's sessions, so it faces the rules' checks where they apply, in its own words, and
// without the deny rules, which never narrow it. Each hostile case is a near miss of a safe entry.
import { describe, expect, it } from '@jest/globals';
import { lintPolicy } from '../../../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';
import type { Finding } from '../../../../src/policy/lint/finding.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
/** Bound by ids, on a protected branch, started by hand: nothing to say. */
const SAFE_OPERATOR = 'repository_id: "777", repository_owner_id: "1342004", ref: refs/heads/main, event_name: workflow_dispatch';

/** A policy whose one rule is clean and guarded by a deny rule for untrusted triggers, with one operator entry. */
function policy(operatorMatch: string, options: { issuer?: string; head?: string } = {}) {
  return parsePolicy(
    `version: 1
${options.head ?? ''}audiences: [sts.amazonaws.com]
rules:
  - name: no-untrusted-triggers
    effect: deny
    match: {event_name: [pull_request, pull_request_target, workflow_run]}
  - name: deploy
    match: {repository_id: "8429", repository_owner_id: "1342004", ref: refs/heads/main}
    grant: {aws: {roles: [${ROLE}]}}
operators:
  - name: incident-response
${options.issuer ? `    issuer: "${options.issuer}"\n` : ''}    match: {${operatorMatch}}
`,
    'p.yml',
  );
}

function operatorFindings(match: string, options?: Parameters<typeof policy>[1]): Finding[] {
  return lintPolicy(policy(match, options)).filter((finding) => finding.rule === 'operators: incident-response');
}

function ids(match: string, options?: Parameters<typeof policy>[1]): string[] {
  return operatorFindings(match, options).map((finding) => `${finding.severity} ${finding.id}`);
}

describe('policy lint on operators', () => {
  it('has nothing to say about an entry bound by ids to a protected branch and a manual start', () => {
    expect(lintPolicy(policy(SAFE_OPERATOR))).toEqual([]);
  });

  it('reports an unbound entry in operator words, at the entry, with what the match opens', () => {
    const [finding] = operatorFindings('ref: refs/heads/main, event_name: workflow_dispatch');
    expect(finding).toEqual({
      id: 'operator-no-repository-binding',
      severity: 'error',
      rule: 'operators: incident-response',
      message: 'The operator entry is not bound to a repository or an owner: any job with matching claims, from any repository on this issuer, gets the operator API: every session in the inventory, and revocation of any repository’s.',
      fix: 'Add `repository_id` (or `repository_owner_id`) to its match.',
      location: { file: 'p.yml', line: 11, column: 5 },
    });
  });

  it.each([
    ['an id bound by a pattern that admits every id', 'repository_id: {regex: "77[0-9]"}, ref: refs/heads/main, event_name: workflow_dispatch', 'error operator-no-repository-binding'],
    ['an owner matched by a glob', 'repository_owner_id: {glob: "*"}, ref: refs/heads/main, event_name: workflow_dispatch', 'error operator-no-repository-binding'],
    ['the operators’ repository by name, without its id', 'repository: octo-org/ops, ref: refs/heads/main, event_name: workflow_dispatch', 'warning operator-name-without-id'],
    ['an owner’s name in `sub`, without an id', 'sub: "repo:octo-org/ops:ref:refs/heads/main", event_name: workflow_dispatch', 'warning operator-name-without-id'],
    ['pull_request_target among its events', 'repository_id: "777", repository_owner_id: "1342004", ref: refs/heads/main, event_name: [workflow_dispatch, pull_request_target]', 'error operator-untrusted-trigger'],
    ['any ref, refs/pull included', 'repository_id: "777", repository_owner_id: "1342004", ref: {glob: "refs/**"}, event_name: workflow_dispatch', 'warning operator-unpinned-ref'],
    ['no ref at all', 'repository_id: "777", repository_owner_id: "1342004", event_name: workflow_dispatch', 'warning operator-unpinned-ref'],
    ['a top-level alternation', `${SAFE_OPERATOR}, environment: {regex: "ops|admin"}`, 'warning operator-broad-pattern'],
    ['a prefix glob on the workflow', `${SAFE_OPERATOR}, job_workflow_ref: {glob: "octo-org/ops*/.github/workflows/revoke.yml@refs/heads/main"}`, 'warning operator-broad-pattern'],
    ['the caller workflow as proof', `${SAFE_OPERATOR}, workflow_ref: "octo-org/ops/.github/workflows/revoke.yml@refs/heads/main"`, 'warning operator-caller-workflow-claim'],
    ['trust in an environment', `${SAFE_OPERATOR}, environment: incident`, 'note operator-environment-trust'],
  ])('flags %s', (_what, match, expected) => {
    expect(ids(match)).toContain(expected);
  });

  it('does not let the policy’s deny rules excuse an operator entry, which they never narrow', () => {
    // The same match as a rule is kept from pull requests by the deny rule; as an operator entry it is not.
    const open = 'repository_id: "777", repository_owner_id: "1342004", ref: {glob: "refs/**"}';
    expect(ids(open)).toContain('error operator-untrusted-trigger');
    const asRule = parsePolicy(
      `version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: no-untrusted-triggers\n    effect: deny\n    match: {event_name: [pull_request, pull_request_target, workflow_run]}\n  - name: r\n    match: {${open}}\n    grant: {aws: {roles: [${ROLE}]}}\n`,
      'p.yml',
    );
    expect(lintPolicy(asRule).map((f) => f.id)).not.toContain('untrusted-trigger');

    const eventOpen = operatorFindings('repository_id: "777", repository_owner_id: "1342004", ref: refs/heads/main');
    const trigger = eventOpen.find((f) => f.id === 'operator-untrusted-trigger-open');
    expect(trigger?.severity).toBe('warning');
    expect(trigger?.fix).toContain('deny rules do not apply to operators');
    expect(trigger?.message).toMatch(/^The operator entry leaves `event_name` open/);
  });

  it('applies no check about granted credentials to an entry that grants none', () => {
    expect(ids(`${SAFE_OPERATOR}, environment: production`)).toEqual(['note operator-environment-trust']);
  });

  it.each([
    ['GitLab: a group path without its id', 'https://gitlab.com', 'namespace_path: ops, ref_protected: "true", ref_type: branch', 'error operator-gitlab-path-without-id'],
    ['GitLab: no project or group', 'https://gitlab.com', 'ref_protected: "true"', 'error operator-no-repository-binding'],
    ['Buildkite: no organisation', 'https://agent.buildkite.com', 'pipeline_slug: incident, build_source: webhook', 'error operator-buildkite-no-organization'],
    ['CircleCI: no vcs-origin', 'https://oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90', '"oidc.circleci.com/project-id": 0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4', 'error operator-circleci-no-vcs-origin'],
  ])('checks an entry of another CI system by that system’s traps: %s', (_what, issuer, match, expected) => {
    const found = ids(match, { issuer, head: `issuers: ["${issuer}", "https://token.actions.githubusercontent.com"]\n` });
    expect(found).toContain(expected);
    expect(found.some((id) => id.includes('untrusted-trigger'))).toBe(false);
  });

  it('keeps its findings apart from the rules’: by id prefix and by name, even for an entry named like a rule', () => {
    const text = `version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: deploy\n    match: {ref: refs/heads/main, event_name: push}\n    grant: {aws: {roles: [${ROLE}]}}\noperators:\n  - name: deploy\n    match: {ref: refs/heads/main, event_name: workflow_dispatch}\n`;
    const findings = lintPolicy(parsePolicy(text, 'p.yml')).filter((f) => f.id.endsWith('no-repository-binding'));
    expect(findings.map((f) => [f.id, f.rule])).toEqual([
      ['no-repository-binding', 'deploy'],
      ['operator-no-repository-binding', 'operators: deploy'],
    ]);
  });
});
