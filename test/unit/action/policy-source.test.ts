import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

  it.each(['octo-org', 'octo-org/policies/path.yml', 'https://github.com/octo-org/policies', 'octo-org/policies@', 'octo_org/policies', ' workspace', 'Workspace'])(
    'refuses %p',
    (text) => {
      expect(thrown(() => parsePolicySourceSetting(text)).code).toBe(ErrorCode.InputInvalid);
    },
  );

  it('names the value it refuses and lists what it accepts', () => {
    const error = thrown(() => parsePolicySourceSetting('octo-org'));
    expect(error.message).toBe('The input `policy-source` is "octo-org".');
    expect(error.hint).toBe('Use `workspace` (the default), `job-workflow`, or a central repository as OWNER/REPO or OWNER/REPO@REF.');
  });

  it('keeps a commit SHA as the ref', () => {
    const sha = 'a'.repeat(40);
    expect(parsePolicySourceSetting(`octo-org/policies@${sha}`)).toEqual({ kind: 'repository', location: { owner: 'octo-org', repo: 'policies', ref: sha } });
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
    expect(error.message).toBe(
      'The token has no usable job_workflow_ref and job_workflow_sha, so `policy-source: job-workflow` has no workflow to read the policy from.',
    );
    expect(error.hint).toBe('Use job-workflow only in the reusable workflow that org admins require (see .github/workflows/ci-oidc-broker.yml).');
  });

  it.each([
    ['no job_workflow_ref', { job_workflow_sha: 'b'.repeat(40) }],
    ['a job_workflow_ref without a ref', { job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml', job_workflow_sha: 'b'.repeat(40) }],
    ['a job_workflow_ref that is not a string', { job_workflow_ref: ['octo-org/.github/x.yml@main'], job_workflow_sha: 'b'.repeat(40) }],
    ['no job_workflow_sha', { job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml@refs/heads/main' }],
    ['a short job_workflow_sha', { job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml@refs/heads/main', job_workflow_sha: 'b'.repeat(39) }],
  ])('refuses a token with %s', (_, extra) => {
    expect(thrown(() => jobWorkflowLocation(claims(extra))).code).toBe(ErrorCode.PolicySourceInvalid);
  });
});

describe('openPolicySource', () => {
  it('warns that a pull request can change a workspace policy', async () => {
    context = await actionContext();
    openPolicySource({ kind: 'workspace' }, claims(), '', { GITHUB_WORKSPACE: context.dir, GITHUB_EVENT_NAME: 'pull_request' });
    expect(context.stdout()).toContain('::warning::The policy is read from the workspace on a pull_request event, where the pull request can change it.');
  });

  it.each(['pull_request_target', 'pull_request_review', 'pull_request_review_comment'])('warns on a %s event too', async (event) => {
    context = await actionContext();
    openPolicySource({ kind: 'workspace' }, claims(), '', { GITHUB_WORKSPACE: context.dir, GITHUB_EVENT_NAME: event });
    expect(context.stdout()).toContain(`::warning::The policy is read from the workspace on a ${event} event`);
  });

  it.each(['push', 'workflow_dispatch', 'merge_group'])('reads the workspace without a warning on a %s event', async (event) => {
    context = await actionContext();
    openPolicySource({ kind: 'workspace' }, claims(), '', { GITHUB_WORKSPACE: context.dir, GITHUB_EVENT_NAME: event });
    expect(context.stdout()).toBe('');
  });

  it('reads the policy from GITHUB_WORKSPACE, not the current directory', async () => {
    context = await actionContext();
    await mkdir(join(context.dir, '.github'));
    await writeFile(join(context.dir, '.github', 'ci-oidc-broker.yml'), 'version: 1\n');
    const source = openPolicySource({ kind: 'workspace' }, claims(), '', { GITHUB_WORKSPACE: context.dir });
    expect(await source.read('.github/ci-oidc-broker.yml')).toBe('version: 1\n');
    expect(source.displayName('.github/ci-oidc-broker.yml')).toBe('.github/ci-oidc-broker.yml');
  });

  it('names a central repository’s file with its repository and ref', () => {
    const source = openPolicySource({ kind: 'repository', location: { owner: 'octo-org', repo: 'policies', ref: 'v2' } }, claims(), 'ghs_token');
    expect(source.displayName('ci.yml')).toBe('octo-org/policies/ci.yml@v2');
  });

  it('reads a job-workflow policy from the reusable workflow’s repository at the attested commit', () => {
    const sha = 'c'.repeat(40);
    const source = openPolicySource(
      { kind: 'job-workflow' },
      claims({ job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml@refs/tags/v1', job_workflow_sha: sha }),
      'ghs_token',
    );
    expect(source.displayName('.github/ci-oidc-broker.yml')).toBe(`octo-org/.github/.github/ci-oidc-broker.yml@${sha}`);
  });

  it('needs a token to read another repository', () => {
    const error = thrown(() => openPolicySource({ kind: 'repository', location: { owner: 'o', repo: 'r', ref: undefined } }, claims(), ''));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe('Reading the policy from another repository needs the `github-token` input.');
    expect(error.hint).toBe('Pass a token that can read the policy repository (contents: read), such as a GitHub App installation token.');
  });

  it('needs a token to read the job workflow’s repository too', () => {
    const job = claims({ job_workflow_ref: 'octo-org/.github/.github/workflows/deploy.yml@refs/heads/main', job_workflow_sha: 'b'.repeat(40) });
    expect(thrown(() => openPolicySource({ kind: 'job-workflow' }, job, '')).code).toBe(ErrorCode.InputInvalid);
  });
});
