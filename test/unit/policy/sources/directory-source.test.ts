import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { directorySource } from '../../../../src/policy/sources/directory-source.ts';
import { rejection } from '../../../helpers/broker-error.ts';

let root: string;
let repository: string;

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'directory-source-')));
  repository = join(root, 'repository');
  await mkdir(join(repository, '.github'), { recursive: true });
  await writeFile(join(repository, '.github', 'ci-oidc-broker.yml'), 'version: 1\n');
  await writeFile(join(root, 'outside.yml'), 'version: 1\n');
  await symlink(join(root, 'outside.yml'), join(repository, '.github', 'escape.yml'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('directorySource', () => {
  it('reads files inside the directory and names them by their relative path', async () => {
    const source = directorySource(repository);
    expect(await source.read('.github/ci-oidc-broker.yml')).toBe('version: 1\n');
    expect(source.displayName('.github/ci-oidc-broker.yml')).toBe('.github/ci-oidc-broker.yml');
  });

  it('answers undefined for a file that does not exist', async () => {
    expect(await directorySource(repository).read('.github/missing.yml')).toBeUndefined();
  });

  it.each(['../outside.yml', '/etc/hostname', '.github/escape.yml', '.'])('refuses %p, which is not a file inside it', async (path) => {
    const error = await rejection(directorySource(repository).read(path));
    expect(error.code).toBe(ErrorCode.PolicySourceInvalid);
    expect(error.message).toBe(`The policy path "${path}" leads outside ${repository}.`);
  });
});
