import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { locateWorkspacePolicy } from '../../../src/action/policy-location.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { thrown } from '../../helpers/broker-error.ts';

let workspace: string;
let outside: string;
let context: ActionContext | undefined;

beforeAll(async () => {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'policy-location-')));
  workspace = join(root, 'workspace');
  outside = join(root, 'outside.yml');
  await mkdir(join(workspace, '.github'), { recursive: true });
  await writeFile(join(workspace, '.github', 'ci-oidc-broker.yml'), 'version: 1\n');
  await writeFile(outside, 'version: 1\n');
  await symlink(outside, join(workspace, '.github', 'escape.yml'));
});
afterAll(() => rm(join(workspace, '..'), { recursive: true, force: true }));
afterEach(async () => {
  await context?.restore();
  context = undefined;
});

function refusal(input: string): BrokerError {
  return thrown(() => locateWorkspacePolicy(input, { GITHUB_WORKSPACE: workspace }));
}

describe('locateWorkspacePolicy', () => {
  it('resolves the policy inside the workspace', () => {
    expect(locateWorkspacePolicy('.github/ci-oidc-broker.yml', { GITHUB_WORKSPACE: workspace })).toBe(join(workspace, '.github', 'ci-oidc-broker.yml'));
  });

  it.each(['../outside.yml', '/etc/passwd', '.github/escape.yml', '.'])('refuses %p, which leaves the workspace or is not a file in it', (input) => {
    const error = refusal(input);
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(`The policy path "${input}" is outside the workspace.`);
  });

  it('warns that a pull request can change a workspace policy', async () => {
    context = await actionContext();
    locateWorkspacePolicy('.github/ci-oidc-broker.yml', { GITHUB_WORKSPACE: workspace, GITHUB_EVENT_NAME: 'pull_request_target' });
    expect(context.stdout()).toContain('::warning::The policy is read from the workspace on a pull_request_target event, where the pull request can change it.');
  });

  it('does not warn on a push', async () => {
    context = await actionContext();
    locateWorkspacePolicy('.github/ci-oidc-broker.yml', { GITHUB_WORKSPACE: workspace, GITHUB_EVENT_NAME: 'push' });
    expect(context.stdout()).toBe('');
  });
});
