import { describe, expect, it } from '@jest/globals';
import type { VerifiedClaims } from '../../../src/oidc/verify.ts';
import { jobIdentityOf } from '../../../src/service/job-identity.ts';
import { sessionTags, sourceIdentity } from '../../../src/service/session-tags.ts';

const base = { sub: 's', aud: 'a', exp: 2e9, iat: 1.9e9 };
const claims = (iss: string, extra: Record<string, unknown>): VerifiedClaims => ({ ...base, iss, ...extra });

describe('jobIdentityOf', () => {
  it('files a GitHub job by repository and owner ids and its run attempt, with the claims worth a tag', () => {
    const identity = jobIdentityOf(
      claims('https://token.actions.githubusercontent.com', { repository_id: '8429', repository_owner_id: '1342004', run_id: '77', run_attempt: '2', ref: 'refs/heads/main', event_name: 'push', actor: 'octocat' }),
    );
    expect(identity).toEqual({ system: 'github-actions', repositoryId: '8429', ownerId: '1342004', run: '77/2', job: undefined, tagClaims: { repository_id: '8429', repository_owner_id: '1342004', ref: 'refs/heads/main', event_name: 'push' } });
  });

  it('uses each CI system’s own ids: GitLab’s project, namespace and pipeline; CircleCI’s organisation from the subject', () => {
    expect(jobIdentityOf(claims('https://gitlab.com', { project_id: '12', namespace_id: '3', pipeline_id: '99', job_id: '4242' }))).toMatchObject({ repositoryId: '12', ownerId: '3', run: '99', job: '4242' });
    const circle = jobIdentityOf({ ...claims('https://oidc.circleci.com/org/0e5d5bd6-6d0c-4f4a-9c1a-2a1d2e3f4a5b', { 'oidc.circleci.com/project-id': 'p-1' }), sub: 'org/0e5d5bd6/project/p-1/user/u' });
    expect(circle).toMatchObject({ repositoryId: 'p-1', ownerId: '0e5d5bd6', run: undefined, job: undefined });
  });

  it('names the job within the run where the token does (GitHub’s check_run_id), for revocation at that job’s end', () => {
    const github = claims('https://token.actions.githubusercontent.com', { repository_id: '8429', run_id: '77', run_attempt: '1', check_run_id: '31337' });
    expect(jobIdentityOf(github)).toMatchObject({ run: '77/1', job: '31337' });
    expect(jobIdentityOf(claims('https://agent.buildkite.com', { pipeline_id: 'p', organization_id: 'o', build_number: 5, job_id: 'j-1' }))).toMatchObject({ system: 'buildkite', run: '5', job: 'j-1' });
  });

  it('files an issuer it does not model under the token’s subject and issuer', () => {
    expect(jobIdentityOf(claims('https://ci.example.com', { sub: 'job-7' }))).toEqual({ system: undefined, repositoryId: 'job-7', ownerId: 'https://ci.example.com', run: undefined, job: undefined, tagClaims: {} });
  });
});

describe('session tags and source identity', () => {
  it('keep to STS’s characters and lengths', () => {
    expect(sessionTags({ ref: 'refs/heads/feature#1 ünïcode', job_workflow_ref: `o/r/.github/workflows/${'x'.repeat(300)}` })).toEqual([
      { Key: 'ref', Value: 'refs/heads/feature_1 ünïcode' },
      { Key: 'job_workflow_ref', Value: `o/r/.github/workflows/${'x'.repeat(234)}` },
    ]);
    expect(sourceIdentity('8429', '77/2')).toBe('8429@77_2');
    expect(sourceIdentity('x'.repeat(80), undefined)).toHaveLength(64);
  });
});
