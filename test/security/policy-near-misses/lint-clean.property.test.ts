// "A policy that lint calls clean never grants a pull request, a fork, or a repository it does not
// name": allow rules are put together from conditions an author might write for octo-org/app, good and
// bad, behind the deny rules an author might add; whenever `policy lint` has nothing to say but notes,
// the jobs an attacker can start must all be denied by the policy itself.
//
// Assumed, as lint's environment-trust note asks: environments are protected, so a pull request's job
// or a push to an unprotected branch never gets the repository's environment; pull_request_target and
// workflow_run, which run on the default branch, do.
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { evaluatePolicy } from '../../../src/policy/evaluate.ts';
import { lintPolicy } from '../../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../../src/policy/load.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const ROLE = 'arn:aws:iam::111122223333:role/deploy';
const WORKFLOW = 'octo-org/workflows/.github/workflows/deploy.yml@0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';

/** A value a rule may give a claim, and whether it names octo-org/app itself rather than only its owner. */
type Choice = readonly [value: unknown, namesRepository?: boolean];

const CHOICES: Readonly<Record<string, readonly Choice[]>> = {
  repository_id: [['8429', true], [['8429', '8430'], true], [{ glob: '*' }], [{ regex: '[0-9]+' }], [{ regex: '84[0-9]{2}' }]],
  repository_owner_id: [['1342004'], [{ regex: '[0-9]+' }]],
  repository: [['octo-org/app', true], [{ glob: 'octo-org/*' }], [{ regex: '[^/]+/app' }], [{ glob: '*/app' }]],
  repository_owner: [['octo-org'], [{ glob: 'octo-*' }]],
  sub: [
    ['repo:octo-org/app:ref:refs/heads/main', true],
    [['repo:octo-org/app:ref:refs/heads/main', 'repo:octo-org/app:pull_request'], true],
    [{ regex: 'repo:octo-org/app:[a-z_:/-]+' }, true],
    [{ glob: 'repo:octo-org/app:ref:refs/heads/*' }, true],
    ['repo:octo-org/app:environment:production', true],
    [{ regex: 'repo:octo-org/app:environment:[a-z]+' }, true],
    [{ glob: 'repo:octo-org/*' }],
    ['repo:octo-org@1342004/app@8429:ref:refs/heads/main', true],
  ],
  ref: [['refs/heads/main'], [{ glob: 'refs/heads/**' }], [{ glob: 'refs/**' }], [{ glob: 'refs/heads/*' }], [['refs/heads/main', 'refs/tags/v1']], [{ glob: 'refs/tags/v*' }], [{ regex: 'refs/heads/(main|release-[0-9]+)' }]],
  event_name: [['push'], [['push', 'workflow_dispatch']], [['push', 'pull_request']], [{ glob: '*' }], ['pull_request_target'], [['push', 'workflow_run']]],
  environment: [['production'], [['production', 'staging']]],
  job_workflow_ref: [[WORKFLOW]],
  runner_environment: [['github-hosted']],
};

const DENY_RULES: ReadonlyArray<readonly object[]> = [
  [],
  [{ name: 'no-untrusted-triggers', effect: 'deny', match: { event_name: ['pull_request', 'pull_request_target', 'workflow_run'] } }],
  [{ name: 'no-prt', effect: 'deny', match: { event_name: 'pull_request_target' } }],
  [{ name: 'no-untrusted-here', effect: 'deny', match: { repository_id: '8429', event_name: ['pull_request_target', 'workflow_run'] } }],
];

const conditions = fc
  .record(Object.fromEntries(Object.entries(CHOICES).map(([claim, choices]) => [claim, fc.option(fc.constantFrom(...choices), { nil: undefined, freq: 2 })])))
  .map((picked) => Object.entries(picked).filter((entry): entry is [string, Choice] => entry[1] !== undefined))
  .filter((picked) => picked.length > 0);

interface Identity {
  repository_owner: string;
  repository_owner_id: string;
  repository: string;
  repository_id: string;
}
const APP: Identity = { repository_owner: 'octo-org', repository_owner_id: '1342004', repository: 'octo-org/app', repository_id: '8429' };
const FORK: Identity = { repository_owner: 'octo-contributor', repository_owner_id: '5550001', repository: 'octo-contributor/app', repository_id: '9001' };
const OTHER_OWNER: Identity = { repository_owner: 'evil-org', repository_owner_id: '5550002', repository: 'evil-org/app', repository_id: '777' };
const OWNER_NAME_REREGISTERED: Identity = { repository_owner: 'octo-org', repository_owner_id: '99000001', repository: 'octo-org/app', repository_id: '9999999' };
const SIBLING: Identity = { repository_owner: 'octo-org', repository_owner_id: '1342004', repository: 'octo-org/app-evil', repository_id: '9002' };

function token(identity: Identity, job: Record<string, string>): Record<string, unknown> {
  return { iss: ISSUER, aud: 'sts.amazonaws.com', ...identity, ref_type: 'branch', head_ref: '', base_ref: '', job_workflow_ref: WORKFLOW, runner_environment: 'github-hosted', ...job };
}

/** A push to main, with and without the production environment. */
const mainPushes = (identity: Identity) => [
  token(identity, { event_name: 'push', ref: 'refs/heads/main', sub: `repo:${identity.repository}:ref:refs/heads/main` }),
  token(identity, { event_name: 'push', ref: 'refs/heads/main', environment: 'production', sub: `repo:${identity.repository}:environment:production` }),
];

/** The jobs an attacker can start, named; another repository of the owner counts only when the rule names its repository. */
function hostileJobs(namesRepository: boolean): Array<[string, Record<string, unknown>]> {
  const jobs: Array<[string, Record<string, unknown>]> = [
    ['a pull request', token(APP, { event_name: 'pull_request', ref: 'refs/pull/1/merge', sub: 'repo:octo-org/app:pull_request', head_ref: 'patch-1', base_ref: 'main' })],
    ['a push to a branch a pull request pushed', token(APP, { event_name: 'push', ref: 'refs/heads/patch-1', sub: 'repo:octo-org/app:ref:refs/heads/patch-1' })],
    ['a manual run on that branch', token(APP, { event_name: 'workflow_dispatch', ref: 'refs/heads/patch-1', sub: 'repo:octo-org/app:ref:refs/heads/patch-1' })],
  ];
  for (const event of ['pull_request_target', 'workflow_run']) {
    const pr: Record<string, string> = event === 'pull_request_target' ? { head_ref: 'patch-1', base_ref: 'main' } : {};
    for (const [form, extra] of [
      ['with a branch subject', { sub: 'repo:octo-org/app:ref:refs/heads/main' }],
      ['with a pull-request subject', { sub: 'repo:octo-org/app:pull_request' }],
      ['in production', { environment: 'production', sub: 'repo:octo-org/app:environment:production' }],
    ] as const) {
      jobs.push([`${event} ${form}`, token(APP, { event_name: event, ref: 'refs/heads/main', ...pr, ...extra })]);
    }
  }
  const others: Array<[string, Identity]> = [
    ['a fork', FORK],
    ['another owner', OTHER_OWNER],
    ['the owner’s name re-registered', OWNER_NAME_REREGISTERED],
  ];
  if (namesRepository) others.push(['another repository of the owner', SIBLING]);
  for (const [name, identity] of others) for (const claims of mainPushes(identity)) jobs.push([name, claims]);
  return jobs;
}

describe('a policy that lint calls clean', () => {
  it('never grants a pull request, a fork, or a repository it does not name', () => {
    let clean = 0;
    let cleanAndUseful = 0;
    fc.assert(
      fc.property(conditions, fc.constantFrom(...DENY_RULES), (picked, denies) => {
        const match = Object.fromEntries(picked.map(([claim, [value]]) => [claim, value]));
        const text = stringify({ version: 1, audiences: ['sts.amazonaws.com'], rules: [...denies, { name: 'deploy', match, grant: { aws: { roles: [ROLE] } } }] });
        const policy = parsePolicy(text, 'generated.yml');
        if (lintPolicy(policy).some((finding) => finding.severity !== 'note')) return;
        clean++;
        if (mainPushes(APP).some((claims) => evaluatePolicy(policy, claims).allowed)) cleanAndUseful++;
        const namesRepository = picked.some(([, [, names]]) => names === true);
        for (const [job, claims] of hostileJobs(namesRepository)) {
          expect([job, evaluatePolicy(policy, claims).allowed, text]).toEqual([job, false, text]);
        }
      }),
      { numRuns: 2500 },
    );
    // The property is about policies lint passes: enough of them must have been generated, and some
    // must still grant the job they are for.
    expect(clean).toBeGreaterThan(50);
    expect(cleanAndUseful).toBeGreaterThan(25);
  });
});
