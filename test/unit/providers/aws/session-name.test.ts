import { describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../../src/errors/broker-error.ts';
import { defaultSessionName, sessionNameForToken, validateSessionName } from '../../../../src/providers/aws/session-name.ts';
import { ciTokenClaims } from '../../../../src/sandbox/issuer/ci-claims.ts';

const job = { repository: 'octo-org/app', runId: '9876543210', runAttempt: '2', job: 'deploy' };

describe('defaultSessionName', () => {
  it('names the repository, run, attempt and job', () => {
    expect(defaultSessionName(job)).toBe('octo-org.app@9876543210-2-deploy');
  });

  it('differs for each job, attempt and run', () => {
    const names = [
      job,
      { ...job, job: 'test' },
      { ...job, runAttempt: '3' },
      { ...job, runId: '9876543211' },
      { ...job, repository: 'octo-org/api' },
    ].map(defaultSessionName);
    expect(new Set(names).size).toBe(names.length);
  });

  it('replaces characters STS does not allow and keeps the result valid', () => {
    const name = defaultSessionName({ repository: 'group/sub group/app', runId: '42', runAttempt: '1', job: 'build (linux)' });
    expect(name).toBe('group.sub_group.app@42-1-build__linux_');
    expect(() => validateSessionName(name)).not.toThrow();
  });

  it('shortens a long repository but keeps the run id, attempt and job whole', () => {
    const name = defaultSessionName({ ...job, repository: `octo-org/${'a'.repeat(80)}` });
    expect(name).toHaveLength(64);
    expect(name.endsWith('@9876543210-2-deploy')).toBe(true);
    expect(name.startsWith('octo-org.aaaa')).toBe(true);
    expect(() => validateSessionName(name)).not.toThrow();
  });

  it('keeps repositories that share a long prefix apart when it shortens them', () => {
    const prefix = `octo-org/${'shared-prefix-'.repeat(6)}`;
    const first = defaultSessionName({ ...job, repository: `${prefix}one` });
    const second = defaultSessionName({ ...job, repository: `${prefix}two` });
    expect(first).toHaveLength(64);
    expect(second).toHaveLength(64);
    expect(first).not.toBe(second);
  });

  it('still leaves room for the repository when the job id alone is too long', () => {
    const long = { ...job, job: 'j'.repeat(100) };
    const name = defaultSessionName(long);
    expect(name).toHaveLength(64);
    expect(name.startsWith('octo-org.app@9876543210-2-jjj')).toBe(true);
    expect(defaultSessionName({ ...long, job: `${'j'.repeat(99)}k` })).not.toBe(name);
    expect(() => validateSessionName(name)).not.toThrow();
  });

  it('shortens both when the repository and the job id are long', () => {
    const name = defaultSessionName({ ...job, repository: `octo-org/${'a'.repeat(80)}`, job: 'j'.repeat(100) });
    expect(name).toHaveLength(64);
    expect(name).toContain('@9876543210-2-jjj');
  });

  it('keeps "@" as the one separator between the repository and the run', () => {
    expect(defaultSessionName({ ...job, repository: 'a@b/c', job: 'x@y' })).toBe('a_b.c@9876543210-2-x_y');
  });
});

describe('sessionNameForToken', () => {
  const issued = { iat: 1_790_000_000 };
  const gitlab = { ...ciTokenClaims('gitlab'), ...issued, iss: 'https://gitlab.com' };
  const circleci = { ...ciTokenClaims('circleci'), ...issued, iss: 'https://oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90' };
  const buildkite = { ...ciTokenClaims('buildkite'), ...issued, iss: 'https://agent.buildkite.com' };
  const github = { iss: 'https://token.actions.githubusercontent.com', repository: 'octo-org/app', run_id: '9876543210', run_attempt: '2', sub: 'repo:octo-org/app:ref:refs/heads/main', ...issued };

  it.each([
    ['GitHub Actions: the repository, run, attempt and job, as the action names it', github, { GITHUB_JOB: 'deploy' }, 'octo-org.app@9876543210-2-deploy'],
    ['GitLab: the project path, pipeline and job', gitlab, {}, 'octo-group.app@880011-5550123'],
    ['CircleCI: the repository and the build number', circleci, { CIRCLE_BUILD_NUM: '318' }, 'octo-org.app@318'],
    ['CircleCI without a build number: the issue time', circleci, {}, 'octo-org.app@1790000000'],
    ['Buildkite: the organisation, pipeline, build and job', buildkite, {}, 'octo-org.deploy@42-0190e0a1-dddd-4eee-8fff-718293a4b5c6'],
  ])('%s', (_, claims, env, expected) => {
    const name = sessionNameForToken(claims, undefined, env);
    expect(name).toBe(expected);
    expect(() => validateSessionName(name)).not.toThrow();
  });

  it('follows the CI system the caller names, for an issuer it cannot recognise (self-managed GitLab, the sandbox)', () => {
    expect(sessionNameForToken({ ...gitlab, iss: 'https://ci.example.com' }, 'gitlab', {})).toBe('octo-group.app@880011-5550123');
  });

  it('names a token of an unknown issuer, or without its system’s claims, by its subject and issue time', () => {
    expect(sessionNameForToken({ iss: 'https://issuer.example.com', sub: 'deploy-bot', ...issued }, undefined, {})).toBe('deploy-bot@1790000000');
    expect(sessionNameForToken({ ...gitlab, job_id: undefined }, undefined, {})).toBe('project_path_octo-group.app_ref_type_branch_ref_main@1790000000');
  });

  it('differs for each job of a pipeline and each pipeline of a project', () => {
    const names = [gitlab, { ...gitlab, job_id: '5550124' }, { ...gitlab, pipeline_id: '880012' }, { ...gitlab, project_path: 'octo-group/api' }].map((claims) => sessionNameForToken(claims, undefined, {}));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('validateSessionName', () => {
  it.each(['ab', 'deploy-prod', 'user@example.com', 'a+b=c,d.e_f', 'x'.repeat(64)])('accepts %s', (name) => {
    expect(() => validateSessionName(name)).not.toThrow();
  });

  it.each([
    ['a', 'is 1 characters long'],
    ['x'.repeat(65), 'is 65 characters long'],
    ['deploy/prod', 'contains "/"'],
    ['deploy prod', 'contains " "'],
  ])('rejects %j because it %s', (name, problem) => {
    let caught: unknown;
    try {
      validateSessionName(name);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BrokerError);
    const error = caught as BrokerError;
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toContain(problem);
    expect(error.hint).toContain('2 to 64 characters');
  });
});
