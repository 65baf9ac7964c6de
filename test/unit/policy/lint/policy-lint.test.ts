import { describe, expect, it } from '@jest/globals';
import { lintPolicy } from '../../../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../../../src/policy/load.ts';

const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const SAFE = 'repository_id: "8429", repository_owner_id: "1342004", ref: refs/heads/main';

/** The deny rule that keeps pull_request_target and workflow_run away from every allow rule. */
const GUARD = '  - name: no-untrusted-triggers\n    effect: deny\n    match: {event_name: [pull_request, pull_request_target, workflow_run]}\n';

/**
 * A policy of one rule, `match` being the inside of its flow mapping; with `guard`, the GUARD deny rule
 * comes first, and `head` lines go at the top (issuers, custom claims).
 */
function policy(match: string, options: { effect?: 'deny'; duration?: string; audiences?: string; guard?: boolean; head?: string } = {}) {
  const grant = options.effect ? '' : `    grant: {aws: {roles: [${ROLE}]${options.duration ? `, max-duration: ${options.duration}` : ''}}}\n`;
  const text = `version: 1\n${options.head ?? ''}audiences: [${options.audiences ?? 'sts.amazonaws.com'}]\nrules:\n${options.guard ? GUARD : ''}  - name: r\n${options.effect ? '    effect: deny\n' : ''}    match: {${match}}\n${grant}`;
  return parsePolicy(text, 'p.yml');
}

function ids(match: string, options?: Parameters<typeof policy>[1]): string[] {
  return lintPolicy(policy(match, options)).map((finding) => `${finding.severity} ${finding.id}`);
}

describe('lintPolicy', () => {
  it('has nothing to say about a rule bound by IDs to a protected branch, with untrusted triggers denied', () => {
    expect(ids(SAFE, { guard: true })).toEqual([]);
    expect(ids(`${SAFE}, event_name: [push, workflow_dispatch]`)).toEqual([]);
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

describe('lintPolicy on bindings that are patterns', () => {
  const GITLAB = 'issuers: [https://gitlab.com]\n';
  const CIRCLECI = 'issuers: ["https://oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90"]\n';
  const BUILDKITE = 'issuers: [https://agent.buildkite.com]\n';
  const REF = 'ref: refs/heads/main, event_name: push';

  // Each matches every identity, yet it stands where a binding would.
  it.each([
    ['repository_id: {glob: "*"}', `repository_id: {glob: "*"}, ${REF}`, '', 'no-repository-binding', 'repository_id'],
    ['repository_owner_id: {regex: "[0-9]+"}', `repository_owner_id: {regex: "[0-9]+"}, ${REF}`, '', 'no-repository-binding', 'repository_owner_id'],
    ['repository: {regex: "[^/]+/app"}', `repository: {regex: "[^/]+/app"}, ${REF}`, '', 'no-repository-binding', 'repository'],
    ['GitLab project_id: {regex: "[0-9]+"}', 'project_id: {regex: "[0-9]+"}, ref_protected: "true"', GITLAB, 'no-repository-binding', 'project_id'],
    ['Buildkite organization_id: {glob: "*"}', 'organization_id: {glob: "*"}, pipeline_slug: deploy, build_source: webhook', BUILDKITE, 'buildkite-no-organization', 'organization_id'],
    ['CircleCI vcs-origin: {glob: "**"}', '"oidc.circleci.com/vcs-origin": {glob: "**"}', CIRCLECI, 'circleci-no-vcs-origin', 'oidc.circleci.com/vcs-origin'],
  ])('refuses %s as a binding, at the pattern', (_what, match, head, id, claim) => {
    const lint = lintPolicy(policy(match, { head }));
    const found = lint.find((f) => f.id === id);
    expect(found?.severity).toBe('error');
    expect(found?.message).toContain('only exact values bind');
    expect(found?.location?.column).toBe(policy(match, { head }).rules[0]!.conditions.find((c) => c.claim === claim)!.location.column);
  });

  it.each([
    ['an exact repository_id', `repository_id: "8429", ${REF}`, '', 'no-repository-binding'],
    ['a list of exact repository_ids', `repository_id: ["8429", "8430"], ${REF}`, '', 'no-repository-binding'],
    ['a regex that is one exact value', `repository_id: {regex: "8429"}, ${REF}`, '', 'no-repository-binding'],
    ['a glob that pins the owner', `repository: {glob: "octo-org/*"}, repository_owner_id: "1342004", ${REF}`, '', 'no-repository-binding'],
    ['GitLab bound by an exact project_id', 'project_id: "22", ref_protected: "true"', GITLAB, 'no-repository-binding'],
    ['Buildkite bound by an exact organization_id', 'organization_id: 0190e0a1-2b3c-4d5e-8f60-718293a4b5c6, build_source: webhook', BUILDKITE, 'buildkite-no-organization'],
    ['CircleCI bound to an owner by a glob', '"oidc.circleci.com/vcs-origin": {glob: "github.com/octo-org/*"}', CIRCLECI, 'circleci-no-vcs-origin'],
  ])('accepts %s', (_what, match, head, id) => {
    expect(lintPolicy(policy(match, { head })).map((f) => f.id)).not.toContain(id);
  });

  it('takes a name with a pattern for its id as a name without an id', () => {
    expect(ids(`repository: octo-org/app, repository_owner_id: "1342004", repository_id: {glob: "*"}, ${REF}`)).toContain('warning name-without-id');
    expect(ids(`repository: octo-org/app, repository_owner_id: "1342004", repository_id: "8429", ${REF}`)).not.toContain('warning name-without-id');
  });

  it('takes an owner named only inside sub as a name without an id, unless the subject is the immutable one', () => {
    expect(ids(`sub: "repo:octo-org/app:ref:refs/heads/main", ${REF}`)).toContain('warning name-without-id');
    expect(ids(`sub: "repo:octo-org@1342004/app@8429:ref:refs/heads/main", ${REF}`)).toEqual([]);
  });
});

describe('lintPolicy on pull requests, probed with the rule’s own repository', () => {
  const IDS = 'repository_id: "8429", repository_owner_id: "1342004"';

  it.each([
    ['a list of subjects that includes the pull request one', `${IDS}, sub: ["repo:octo-org/app:ref:refs/heads/main", "repo:octo-org/app:pull_request"]`, 'error untrusted-trigger', 'sub'],
    ['a subject regex that admits repo:octo-org/app:pull_request', `${IDS}, sub: {regex: "repo:octo-org/app:[a-z_:/-]+"}`, 'error untrusted-trigger', 'sub'],
    ['the pull_request event, with no ref', `${IDS}, event_name: [push, pull_request]`, 'error untrusted-trigger', 'event_name'],
    ['a ref that admits every branch', `${IDS}, ref: {glob: "refs/heads/**"}, event_name: push`, 'warning unpinned-ref', 'ref'],
    ['a subject that admits every branch', `${IDS}, sub: {glob: "repo:octo-org/app:ref:refs/heads/*"}, event_name: push`, 'warning unpinned-ref', 'sub'],
    ['no ref, with only a reusable workflow pinned', `${IDS}, job_workflow_ref: "octo-org/workflows/.github/workflows/d.yml@refs/tags/v1", event_name: push`, 'warning unpinned-ref', undefined],
  ])('flags %s', (_what, match, expected, claim) => {
    const lint = lintPolicy(policy(match, { guard: expected === 'warning unpinned-ref' }));
    const found = lint.find((f) => `${f.severity} ${f.id}` === expected);
    expect(found).toBeDefined();
    const at = claim ? policy(match).rules[0]!.conditions.find((c) => c.claim === claim)!.location : policy(match).rules[0]!.location;
    expect(found!.location?.line).toBe(at.line + (expected === 'warning unpinned-ref' ? 3 : 0));
    expect(found!.location?.column).toBe(at.column);
  });

  it('names what it admits', () => {
    const [found] = lintPolicy(policy(`${IDS}, sub: {regex: "repo:octo-org/app:[a-z_:/-]+"}`)).filter((f) => f.id === 'untrusted-trigger');
    expect(found!.message).toBe('The rule allows the subject repo:octo-org/app:pull_request: jobs that run a pull request’s code.');
  });

  it.each([
    ['subjects of the main branch and an environment', `${IDS}, sub: ["repo:octo-org/app:ref:refs/heads/main", "repo:octo-org/app:environment:production"]`],
    ['release branches by a regex', `${IDS}, ref: {regex: "refs/heads/(main|release-[0-9]+)"}`],
    ['release tags by a glob', `${IDS}, ref: {glob: "refs/tags/v*"}`],
    ['an environment and no ref', `${IDS}, environment: production, runner_environment: github-hosted`],
    ['a pull-request ref that the deny rule refuses', `${IDS}, ref: {glob: "refs/*/**"}, sub: {glob: "repo:octo-org/app:*"}`],
  ])('accepts %s', (_what, match) => {
    expect(lintPolicy(policy(match, { guard: true })).filter((f) => ['untrusted-trigger', 'unpinned-ref', 'untrusted-trigger-open'].includes(f.id))).toEqual([]);
  });
});

describe('lintPolicy on pull_request_target and workflow_run', () => {
  const RULE = 'repository_id: "8429", repository_owner_id: "1342004", ref: refs/heads/main';

  it('warns when a rule pins the ref but leaves event_name open, and gives the deny rule to add', () => {
    const [found] = lintPolicy(policy(RULE)).filter((f) => f.id === 'untrusted-trigger-open');
    expect(found).toMatchObject({ severity: 'warning', rule: 'r', location: { line: 4 } });
    expect(found!.message).toContain('admits pull_request_target and workflow_run');
    // The fix's YAML, added to the policy, silences the warning.
    const rule = /`(- \{name: no-untrusted-triggers.*\}\})`/.exec(found!.fix)![1]!;
    const fixed = parsePolicy(`version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  ${rule}\n  - name: r\n    match: {${RULE}}\n    grant: {aws: {roles: [${ROLE}]}}\n`, 'p.yml');
    expect(lintPolicy(fixed)).toEqual([]);
  });

  it.each([
    ['an environment and no ref', 'repository_id: "8429", repository_owner_id: "1342004", environment: production, runner_environment: github-hosted', ['pull_request_target', 'workflow_run']],
    ['a deny rule for one of them only', RULE, ['workflow_run']],
  ])('warns for %s', (_what, match, open) => {
    const deny = open.length === 1 ? '  - name: no-prt\n    effect: deny\n    match: {event_name: pull_request_target}\n' : '';
    const text = `version: 1\naudiences: [sts.amazonaws.com]\nrules:\n${deny}  - name: r\n    match: {${match}}\n    grant: {aws: {roles: [${ROLE}]}}\n`;
    const found = lintPolicy(parsePolicy(text, 'p.yml')).find((f) => f.id === 'untrusted-trigger-open');
    expect(found?.message).toContain(`admits ${open.join(' and ')}:`);
  });

  it.each([
    ['event_name pinned to push', `${RULE}, event_name: push`, ''],
    ['a tag ref, which those events never have', 'repository_id: "8429", repository_owner_id: "1342004", ref: refs/tags/v1.2.3', ''],
    ['a deny rule for this repository', RULE, '  - name: no-untrusted\n    effect: deny\n    match: {repository_id: "8429", event_name: [pull_request_target, workflow_run]}\n'],
  ])('does not warn for %s', (_what, match, deny) => {
    const text = `version: 1\naudiences: [sts.amazonaws.com]\nrules:\n${deny}  - name: r\n    match: {${match}}\n    grant: {aws: {roles: [${ROLE}]}}\n`;
    expect(lintPolicy(parsePolicy(text, 'p.yml')).map((f) => f.id)).not.toContain('untrusted-trigger-open');
  });

  it('does not take a deny rule for another repository as covering the rule', () => {
    const text = `version: 1\naudiences: [sts.amazonaws.com]\nrules:\n  - name: other\n    effect: deny\n    match: {repository_id: "1", event_name: [pull_request_target, workflow_run]}\n  - name: r\n    match: {${RULE}}\n    grant: {aws: {roles: [${ROLE}]}}\n`;
    expect(lintPolicy(parsePolicy(text, 'p.yml')).map((f) => f.id)).toContain('untrusted-trigger-open');
  });
});

describe('lintPolicy on the traps of other CI systems', () => {
  const GITLAB = 'issuers: [https://gitlab.com]\n';
  const BUILDKITE = 'issuers: [https://agent.buildkite.com]\n';
  const kinds = (match: string, head: string) => lintPolicy(policy(match, { head })).map((f) => `${f.severity} ${f.id}`);

  it('warns of a GitLab ref without ref_protected or ref_type, which a tag of that name matches', () => {
    expect(kinds('project_id: "22", ref: main', GITLAB)).toContain('warning gitlab-ref-unqualified');
    expect(kinds('project_id: "22", ref: main, ref_protected: "true"', GITLAB)).toEqual([]);
    expect(kinds('project_id: "22", ref: main, ref_type: branch', GITLAB)).toEqual([]);
    expect(kinds('project_id: "22", ref_path: refs/heads/main, ref_protected: "true"', GITLAB)).toEqual([]);
  });

  it('warns of a Buildkite build_branch that whoever starts the build chooses', () => {
    const organization = 'organization_id: 0190e0a1-2b3c-4d5e-8f60-718293a4b5c6, pipeline_slug: deploy';
    expect(kinds(`${organization}, build_branch: main`, BUILDKITE)).toContain('warning buildkite-branch-chosen');
    expect(kinds(`${organization}, build_branch: main, build_source: [ui, webhook]`, BUILDKITE)).toContain('warning buildkite-branch-chosen');
    expect(kinds(`${organization}, build_branch: main, build_source: webhook`, BUILDKITE)).toEqual([]);
  });

  it('says it cannot judge the bindings of an issuer the broker does not model, and applies no GitHub check', () => {
    expect(kinds('project: app', 'issuers: [https://ci.example.com]\ncustom-claims: [project]\n')).toEqual(['note unknown-ci-system']);
  });
});
