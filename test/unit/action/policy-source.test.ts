import { afterEach, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { jobWorkflowLocation, openPolicySource, parsePolicySourceSetting } from '../../../src/action/policy-source.ts';
import type { VerifiedClaims } from '../../../src/oidc/verify.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { thrown } from '../../helpers/broker-error.ts';

const claims = (extra: Record<string, unknown> = {}) => ({ iss: 'i', sub: 's', aud: 'a', exp: 0, iat: 0, ...extra }) as VerifiedClaims;
let context: ActionContext | undefined;
afterEach(async () => {
  await context?.restore();
  context = undefined;
});

describe('parsePolicySourceSetting', () => {
  it('reads the three kinds of source', () => {
    expect(parsePolicySourceSetting('')).toEqual({ kind: 'workspace' });
    expect(parsePolicySourceSetting('workspace')).toEqual({ kind: 'workspace' });
    expect(parsePolicySourceSetting('job-workflow')).toEqual({ kind: 'job-workflow' });
    expect(parsePolicySourceSetting('octo-org/policies')).toEqual({ kind: 'repository', location: { owner: 'octo-org', repo: 'policies', ref: undefined } });
    expect(parsePolicySourceSetting('octo-org/.github@refs/tags/v1')).toEqual({ kind: 'repository', location: { owner: 'octo-org', repo: '.github', ref: 'refs/tags/v1' } });
  });

  it.each(['octo-org', 'octo-org/policies/path.yml', 'https://github.com/octo-org/policies'])('refuses %p', (text) => {
    expect(thrown(() => parsePolicySourceSetting(text)).code).toBe(ErrorCode.InputInvalid);
  });
});

describe('jobWorkflowLocation', () => {
  it('is the reusable workflow’s repository at the attested commit', () => {
    const sha = 'b'.repeat(40);
    expect(jobWorkflowLocation(claims({ job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml@refs/heads/main', job_workflow_sha: sha }))).toEqual({ owner: 'octo-org', repo: '.github', ref: sha });
  });

  it('refuses a token without a usable job workflow', () => {
    const error = thrown(() => jobWorkflowLocation(claims({ job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml@refs/heads/main', job_workflow_sha: 'main' })));
    expect(error.code).toBe(ErrorCode.PolicySourceInvalid);
    expect(error.hint).toContain('reusable workflow');
  });
});

describe('openPolicySource', () => {
  it('warns that a pull request can change a workspace policy', async () => {
    context = await actionContext();
    openPolicySource({ kind: 'workspace' }, claims(), '', { GITHUB_WORKSPACE: context.dir, GITHUB_EVENT_NAME: 'pull_request' });
    expect(context.stdout()).toContain('::warning::The policy is read from the workspace on a pull_request event, where the pull request can change it.');
  });

  it('needs a token to read another repository', () => {
    expect(thrown(() => openPolicySource({ kind: 'repository', location: { owner: 'o', repo: 'r', ref: undefined } }, claims(), '')).message).toBe(
      'Reading the policy from another repository needs the `github-token` input.',
    );
  });
});
