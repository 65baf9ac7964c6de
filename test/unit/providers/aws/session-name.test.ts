import { describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../../src/errors/broker-error.ts';
import { defaultSessionName, validateSessionName } from '../../../../src/providers/aws/session-name.ts';

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
    expect(name).toBe('group.sub_group_app@42-1-build__linux_');
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
