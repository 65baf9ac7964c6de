import { randomUUID } from 'node:crypto';

/** The job a sandbox issuer describes in its tokens: the facts GitHub puts in an Actions OIDC token. */
export interface GitHubJob {
  repository: string;
  repositoryId: string;
  repositoryOwner: string;
  repositoryOwnerId: string;
  repositoryVisibility: 'public' | 'private' | 'internal';
  ref: string;
  refType: 'branch' | 'tag';
  refProtected: boolean;
  environment?: string | undefined;
  eventName: string;
  baseRef?: string | undefined;
  headRef?: string | undefined;
  workflow: string;
  workflowRef: string;
  workflowSha: string;
  jobWorkflowRef: string;
  jobWorkflowSha: string;
  runId: string;
  runNumber: string;
  runAttempt: string;
  runnerEnvironment: 'github-hosted' | 'self-hosted';
  actor: string;
  actorId: string;
  sha: string;
}

export const defaultJob: GitHubJob = {
  repository: 'octo-org/app',
  repositoryId: '8429',
  repositoryOwner: 'octo-org',
  repositoryOwnerId: '1342004',
  repositoryVisibility: 'private',
  ref: 'refs/heads/main',
  refType: 'branch',
  refProtected: true,
  environment: 'production',
  eventName: 'push',
  workflow: 'deploy',
  workflowRef: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
  workflowSha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
  jobWorkflowRef: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
  jobWorkflowSha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
  runId: '9876543210',
  runNumber: '42',
  runAttempt: '1',
  runnerEnvironment: 'github-hosted',
  actor: 'octocat',
  actorId: '583231',
  sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
};

/** GitHub's default subject: environment first, then pull requests, then the ref. */
export function subjectFor(job: GitHubJob): string {
  const repo = `repo:${job.repository}`;
  if (job.environment) return `${repo}:environment:${job.environment}`;
  if (job.eventName === 'pull_request') return `${repo}:pull_request`;
  return `${repo}:ref:${job.ref}`;
}

/** The token's custom claims, spelled and typed as GitHub spells and types them (IDs are strings). */
export function claimsFor(job: GitHubJob): Record<string, string> {
  const claims: Record<string, string> = {
    jti: randomUUID(),
    sub: subjectFor(job),
    ref: job.ref,
    sha: job.sha,
    repository: job.repository,
    repository_owner: job.repositoryOwner,
    repository_owner_id: job.repositoryOwnerId,
    repository_id: job.repositoryId,
    repository_visibility: job.repositoryVisibility,
    run_id: job.runId,
    run_number: job.runNumber,
    run_attempt: job.runAttempt,
    actor: job.actor,
    actor_id: job.actorId,
    workflow: job.workflow,
    workflow_ref: job.workflowRef,
    workflow_sha: job.workflowSha,
    job_workflow_ref: job.jobWorkflowRef,
    job_workflow_sha: job.jobWorkflowSha,
    event_name: job.eventName,
    ref_type: job.refType,
    ref_protected: String(job.refProtected),
    runner_environment: job.runnerEnvironment,
    head_ref: job.headRef ?? '',
    base_ref: job.baseRef ?? '',
  };
  if (job.environment) claims.environment = job.environment;
  return claims;
}
