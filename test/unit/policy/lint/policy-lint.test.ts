import { describe, expect, it } from '@jest/globals';
import { lintPolicy } from '../../../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const SAFE = 'repository_id: "8429", repository_owner_id: "1342004", ref: refs/heads/main';

/** A one-rule policy: `match` is the inside of a flow mapping; `extra` lines go under the rule. */
function policy(match: string, options: { effect?: 'deny'; duration?: string; audiences?: string } = {}) {
  const grant = options.effect ? '' : `    grant: {aws: {roles: [${ROLE}]${options.duration ? `, max-duration: ${options.duration}` : ''}}}\n`;
  const text = `version: 1\naudiences: [${options.audiences ?? 'sts.amazonaws.com'}]\nrules:\n  - name: r\n${options.effect ? '    effect: deny\n' : ''}    match: {${match}}\n${grant}`;
  return parsePolicy(text, 'p.yml');
}

function ids(match: string, options?: Parameters<typeof policy>[1]): string[] {
  return lintPolicy(policy(match, options)).map((finding) => `${finding.severity} ${finding.id}`);
}

describe('lintPolicy', () => {
  it('has nothing to say about a rule bound by IDs to a protected branch', () => {
    expect(ids(SAFE)).toEqual([]);
  });

  it.each([
    ['no binding to a repository or owner', 'ref: refs/heads/main', 'error no-repository-binding'],
    ['a repository name without its ID', 'repository: octo-org/app, ref: refs/heads/main', 'warning name-without-id'],
    ['an owner name without its ID', 'repository_id: "8429", repository_owner: octo-org, ref: refs/heads/main', 'warning name-without-id'],
    ['a prefix glob', `${SAFE}, job_workflow_ref: {glob: "octo-org/app*/.github/workflows/d.yml@refs/heads/main"}`, 'warning broad-pattern'],
    ['an unescaped dot in a regex', `${SAFE}, job_workflow_ref: {regex: "octo-org/app/.github/workflows/d.yml@refs/heads/main"}`, 'warning broad-pattern'],
    ['a .* in a regex', `${SAFE}, workflow_ref: {regex: "octo-org/app/.*"}`, 'warning broad-pattern'],
    ['a top-level alternation', `${SAFE}, environment: {regex: "prod|staging"}`, 'warning broad-pattern'],
    ['pull_request_target allowed', `${SAFE}, event_name: [push, pull_request_target]`, 'error untrusted-trigger'],
    ['workflow_run allowed by a glob', `${SAFE}, event_name: {glob: "*"}`, 'error untrusted-trigger'],
    ['refs/pull allowed', 'repository_id: "8429", repository_owner_id: "1342004", ref: {glob: "refs/**"}', 'error untrusted-trigger'],
    ['trust in an environment', 'repository_id: "8429", repository_owner_id: "1342004", environment: staging', 'note environment-trust'],
    ['the caller workflow instead of job_workflow_ref', `${SAFE}, workflow_ref: "octo-org/app/.github/workflows/d.yml@refs/heads/main"`, 'warning caller-workflow-claim'],
    ['production on any runner', 'repository_id: "8429", repository_owner_id: "1342004", environment: production', 'warning self-hosted-production'],
    ['a ref left open', 'repository_id: "8429", repository_owner_id: "1342004"', 'warning unpinned-ref'],
  ])('flags %s', (_what, match, expected) => {
    expect(ids(match)).toContain(expected);
  });

  it.each([
    ['a repository bound through sub', 'sub: "repo:octo-org/app:ref:refs/heads/main", repository_id: "8429", repository_owner_id: "1342004"', 'no-repository-binding'],
    ['exact workflow pins', `${SAFE}, job_workflow_ref: "octo-org/app/.github/workflows/d.yml@refs/heads/main"`, 'broad-pattern'],
    ['a glob with whole segments', `${SAFE}, job_workflow_ref: {glob: "octo-org/app/.github/workflows/*.yml@refs/heads/main"}`, 'broad-pattern'],
    ['an escaped dot and a grouped alternation', `${SAFE}, environment: {regex: "(prod|staging)\\\\.eu"}`, 'broad-pattern'],
    ['only trusted events', `${SAFE}, event_name: [push, workflow_dispatch]`, 'untrusted-trigger'],
    ['production on GitHub-hosted runners', 'repository_id: "8429", repository_owner_id: "1342004", environment: production, runner_environment: github-hosted', 'self-hosted-production'],
    ['a deny rule without a binding', 'event_name: pull_request_target', 'no-repository-binding'],
  ])('does not flag %s', (_what, match, id) => {
    const effect = id === 'no-repository-binding' && match.startsWith('event_name') ? { effect: 'deny' as const } : {};
    expect(ids(match, effect).map((line) => line.split(' ')[1])).not.toContain(id);
  });

  it('flags sessions longer than an hour, and not an hour', () => {
    expect(ids(SAFE, { duration: '2h' })).toContain('warning long-duration');
    expect(ids(SAFE, { duration: '1h' })).not.toContain('warning long-duration');
  });

  it('flags a missing or generic audience, and not a specific one', () => {
    const missing = lintPolicy(parsePolicy(`version: 1\nrules:\n  - name: r\n    match: {${SAFE}}\n    grant: {aws: {roles: [${ROLE}]}}\n`, 'p.yml'));
    expect(missing.map((f) => f.id)).toContain('audience-missing');
    expect(ids(SAFE, { audiences: 'https://github.com/octo-org' })).toContain('warning audience-generic');
    expect(ids(SAFE)).not.toContain('warning audience-generic');
  });

  it('says where, why and how to fix', () => {
    const [finding] = lintPolicy(policy('ref: refs/heads/main'));
    expect(finding).toEqual({
      id: 'no-repository-binding',
      severity: 'error',
      rule: 'r',
      message: 'The rule is not bound to a repository or an owner: any job with matching claims, from any repository on this issuer, gets its grant.',
      fix: 'Add `repository_id` (or `repository_owner_id`) to its match.',
      location: { file: 'p.yml', line: 4, column: 5 },
    });
  });
});

describe('lintPolicy for other CI systems', () => {
  const GITLAB = 'https://gitlab.com';
  const CIRCLECI = 'https://oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90';
  const BUILDKITE = 'https://agent.buildkite.com';

  /** A one-rule policy for one issuer, named either on the policy or on the rule. */
  function lint(issuer: string, match: string, where: 'policy' | 'rule' = 'policy'): string[] {
    const text = `version: 1\nissuers: ["${issuer}", "https://token.actions.githubusercontent.com"]\naudiences: [sts.amazonaws.com]\nrules:\n  - name: r\n${where === 'rule' ? `    issuer: "${issuer}"\n` : ''}    match: {${match}}\n    grant: {aws: {roles: [${ROLE}]}}\n`;
    const policy = parsePolicy(where === 'rule' ? text : text.replace(', "https://token.actions.githubusercontent.com"', ''), 'p.yml');
    return lintPolicy(policy).map((finding) => `${finding.severity} ${finding.id}`);
  }

  it.each([
    ['GitLab: project_path without project_id', GITLAB, 'project_path: octo-org/app, ref_protected: "true"', 'error gitlab-path-without-id'],
    ['GitLab: namespace_path without namespace_id', GITLAB, 'project_id: "22", namespace_path: octo-org', 'error gitlab-path-without-id'],
    ['GitLab: no project or group at all', GITLAB, 'ref: main', 'error no-repository-binding'],
    ['CircleCI: no vcs-origin check', CIRCLECI, '"oidc.circleci.com/project-id": 0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4', 'error circleci-no-vcs-origin'],
    ['Buildkite: no organisation binding', BUILDKITE, 'pipeline_slug: deploy', 'error buildkite-no-organization'],
  ])('flags %s', (_what, issuer, match, expected) => {
    expect(lint(issuer, match)).toContain(expected);
    // The rule's own issuer decides too, in a policy that mixes CI systems.
    expect(lint(issuer, match, 'rule')).toContain(expected);
  });

  it.each([
    ['GitLab bound by IDs', GITLAB, 'project_id: "22", namespace_id: "7", ref_protected: "true"'],
    ['CircleCI bound to its repository', CIRCLECI, '"oidc.circleci.com/vcs-origin": github.com/octo-org/app, "oidc.circleci.com/project-id": 0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4'],
    ['Buildkite bound to its organisation', BUILDKITE, 'organization_id: 0190e0a1-2b3c-4d5e-8f60-718293a4b5c6, pipeline_slug: deploy'],
  ])('has nothing to say about %s, and applies no GitHub check to it', (_what, issuer, match) => {
    expect(lint(issuer, match)).toEqual([]);
  });
});
