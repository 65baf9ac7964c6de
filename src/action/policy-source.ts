import { readdir } from 'node:fs/promises';
import * as core from '@actions/core';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { VerifiedClaims } from '../oidc/verify.ts';
import { directorySource } from '../policy/sources/directory-source.ts';
import type { PolicySource } from '../policy/sources/policy-source.ts';
import { githubPolicySource, type RepositoryLocation } from './github-policy-source.ts';

// Events whose workspace may hold a pull request's own files, and so a policy the request can edit.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/** Where the main step reads its policy, from the `policy-source` input. */
export type PolicySourceSetting = { kind: 'workspace' } | { kind: 'job-workflow' } | { kind: 'repository'; location: RepositoryLocation };

export function parsePolicySourceSetting(text: string): PolicySourceSetting {
  if (text === '' || text === 'workspace') return { kind: 'workspace' };
  if (text === 'job-workflow') return { kind: 'job-workflow' };
  const match = /^([A-Za-z0-9-]+)\/([\w.-]+)(?:@(.+))?$/.exec(text);
  if (!match) {
    throw new BrokerError(ErrorCode.InputInvalid, `The input \`policy-source\` is ${JSON.stringify(text)}.`, {
      hint: 'Use `workspace` (the default), `job-workflow`, or a central repository as OWNER/REPO or OWNER/REPO@REF.',
    });
  }
  return { kind: 'repository', location: { owner: match[1]!, repo: match[2]!, ref: match[3] } };
}

/**
 * Opens the policy source the step was told to use. How far each can be trusted is in the README:
 * the workspace is only as protected as the branch it came from; a central repository is protected by
 * its own rules; the job workflow's repository is pinned by the commit that GitHub attests in the token.
 */
export function openPolicySource(setting: PolicySourceSetting, claims: VerifiedClaims, githubToken: string, env: NodeJS.ProcessEnv = process.env): PolicySource {
  switch (setting.kind) {
    case 'workspace':
      if (PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) {
        core.warning(
          `The policy is read from the workspace on a ${env.GITHUB_EVENT_NAME} event, where the pull request can change it. ` +
            'Only the cloud trust policy is enforcing here; use a central policy (`policy-source`) or bind the trust policy to protected refs.',
        );
      }
      return workspaceSource(env.GITHUB_WORKSPACE ?? process.cwd());
    case 'repository':
      return githubPolicySource(setting.location, requireToken(githubToken));
    case 'job-workflow':
      return githubPolicySource(jobWorkflowLocation(claims), requireToken(githubToken));
  }
}

/**
 * The checked-out workspace, with the two mistakes that meet a new user named for what they are: no
 * checkout before this step, and a path that leads to a folder.
 */
function workspaceSource(workspace: string): PolicySource {
  const files = directorySource(workspace);
  return {
    displayName: files.displayName,
    async read(path) {
      const text = await files.read(path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EISDIR') throw error;
        throw new BrokerError(ErrorCode.InputInvalid, `${path} is a folder of the workspace, not a file.`, {
          hint: 'Point the `policy` input (and any session-policy path) at a file, such as .github/ci-oidc-broker.yml.',
        });
      });
      if (text === undefined && (await readdir(workspace).catch(() => [])).length === 0) {
        throw new BrokerError(ErrorCode.PolicyNotFound, `No policy file at ${path}: the workspace is empty.`, {
          hint: 'Check the repository out before this step (`- uses: actions/checkout@v4`), or read the policy from a central repository with the `policy-source` input.',
        });
      }
      return text;
    },
  };
}

/** The reusable workflow's repository at the commit the token attests: `job_workflow_ref` and `job_workflow_sha`. */
export function jobWorkflowLocation(claims: VerifiedClaims): RepositoryLocation {
  const ref = claims.job_workflow_ref;
  const sha = claims.job_workflow_sha;
  const match = typeof ref === 'string' ? /^([^/]+)\/([^/]+)\/[^@]+@.+$/.exec(ref) : null;
  if (!match || typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) {
    throw new BrokerError(ErrorCode.PolicySourceInvalid, 'The token has no usable job_workflow_ref and job_workflow_sha, so `policy-source: job-workflow` has no workflow to read the policy from.', {
      hint: 'Use job-workflow only in the reusable workflow that org admins require (see .github/workflows/ci-oidc-broker.yml).',
    });
  }
  return { owner: match[1]!, repo: match[2]!, ref: sha };
}

function requireToken(token: string): string {
  if (token) return token;
  throw new BrokerError(ErrorCode.InputInvalid, 'Reading the policy from another repository needs the `github-token` input.', {
    hint: 'Pass a token that can read the policy repository (contents: read), such as a GitHub App installation token.',
  });
}
