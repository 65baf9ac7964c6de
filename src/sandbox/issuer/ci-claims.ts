import { claimsFor, defaultJob } from './github-claims.ts';
import type { CiSystem } from '../../oidc/ci-systems.ts';

/**
 * The claims of another CI system's token, to pass as `mint({ claims })`: every GitHub claim is
 * removed (undefined), and the system's own claims set, with `overrides` on top. Shapes follow each
 * system's published token format; the values describe one plausible job.
 */
export function ciTokenClaims(system: Exclude<CiSystem, 'github-actions'>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const withoutGitHub = Object.fromEntries(Object.keys(claimsFor(defaultJob)).map((name) => [name, undefined]));
  return { ...withoutGitHub, ...SHAPES[system](), ...overrides };
}

const SHAPES: Record<Exclude<CiSystem, 'github-actions'>, () => Record<string, unknown>> = {
  gitlab: () => ({
    sub: 'project_path:octo-group/app:ref_type:branch:ref:main',
    namespace_id: '72',
    namespace_path: 'octo-group',
    project_id: '4321',
    project_path: 'octo-group/app',
    user_id: '17',
    user_login: 'octocat',
    pipeline_id: '880011',
    pipeline_source: 'push',
    job_id: '5550123',
    ref: 'main',
    ref_type: 'branch',
    ref_path: 'refs/heads/main',
    ref_protected: 'true',
    environment: 'production',
    environment_protected: 'true',
    deployment_tier: 'production',
    runner_id: 12,
    runner_environment: 'gitlab-hosted',
    sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    ci_config_ref_uri: 'gitlab.com/octo-group/app//.gitlab-ci.yml@refs/heads/main',
    ci_config_sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    project_visibility: 'private',
  }),
  circleci: () => ({
    sub: 'org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90/project/0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4/user/2f5e8a91-6c7d-4e3f-a1b2-c3d4e5f60718',
    'oidc.circleci.com/project-id': '0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
    'oidc.circleci.com/context-ids': ['c7a1e2b3-4d5f-6a7b-8c9d-0e1f2a3b4c5d'],
    'oidc.circleci.com/vcs-origin': 'github.com/octo-org/app',
    'oidc.circleci.com/vcs-ref': 'refs/heads/main',
    'oidc.circleci.com/ssh-rerun': false,
  }),
  buildkite: () => ({
    sub: 'organization:octo-org:pipeline:deploy:ref:refs/heads/main:commit:e3b0c44298fc1c149afbf4c8996fb92427ae41e4:step:deploy',
    organization_slug: 'octo-org',
    organization_id: '0190e0a1-2b3c-4d5e-8f60-718293a4b5c6',
    pipeline_slug: 'deploy',
    pipeline_id: '0190e0a1-aaaa-4bbb-8ccc-718293a4b5c6',
    build_number: 42,
    build_branch: 'main',
    build_tag: null,
    build_commit: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    build_source: 'webhook',
    step_key: 'deploy',
    job_id: '0190e0a1-dddd-4eee-8fff-718293a4b5c6',
    agent_id: '0190e0a1-1111-4222-8333-718293a4b5c6',
    runner_environment: 'buildkite-hosted',
  }),
};
