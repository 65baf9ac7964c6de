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
