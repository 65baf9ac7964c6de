import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import * as core from '@actions/core';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';

// Events whose workspace may hold a pull request's own files, and so a policy the request can edit.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/**
 * Resolves the `policy` input inside the workspace and refuses anything outside it (absolute paths,
 * `..`, symlinks out), so that the only policy a step can read is one that the repository's branch
 * protection governs. Warns where that protection does not apply: on pull-request events.
 */
export function locateWorkspacePolicy(input: string, env: NodeJS.ProcessEnv = process.env): string {
  const workspace = realpathSync(env.GITHUB_WORKSPACE ?? process.cwd());
  const candidate = resolve(workspace, input);
  const real = tryRealpath(candidate) ?? candidate;
  const inside = relative(workspace, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    throw new BrokerError(ErrorCode.InputInvalid, `The policy path "${input}" is outside the workspace.`, {
      hint: 'Keep the policy in the repository (default .github/ci-oidc-broker.yml) on a protected branch.',
    });
  }
  if (PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) {
    core.warning(
      `The policy is read from the workspace on a ${env.GITHUB_EVENT_NAME} event, where the pull request can change it. ` +
        'Only the cloud trust policy is enforcing here; bind it to protected refs or environments.',
    );
  }
  return real;
}

function tryRealpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
