import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAwsSandboxFile } from '../../../src/sandbox/aws/config-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-sandbox-file-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('readAwsSandboxFile', () => {
  it('fills in the provider and account placeholders', async () => {
    const path = join(dir, 'roles.json');
    await writeFile(
      path,
      JSON.stringify({
        roles: [{ name: 'ci', trustPolicy: { Statement: { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::{{account}}:oidc-provider/{{provider}}' }, Condition: { StringEquals: { '{{provider}}:aud': 'sts.amazonaws.com' } } } } }],
      }),
    );
    const file = await readAwsSandboxFile(path, { provider: '127.0.0.1:4000', account: '111122223333' });
    expect(JSON.stringify(file.roles[0]!.trustPolicy)).toBe(
      '{"Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/127.0.0.1:4000"},"Condition":{"StringEquals":{"127.0.0.1:4000:aud":"sts.amazonaws.com"}}}}',
    );
  });

  it('names the file and the problem when it is not JSON or has no roles', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ roles: ');
    await expect(readAwsSandboxFile(broken, { provider: 'p', account: 'a' })).rejects.toThrow(`${broken}: not valid JSON`);
    const empty = join(dir, 'empty.json');
    await writeFile(empty, '{}');
    await expect(readAwsSandboxFile(empty, { provider: 'p', account: 'a' })).rejects.toThrow(`${empty}: expected a "roles" array`);
  });

  it('fills in every occurrence of the placeholders, in managed policies too', async () => {
    const path = join(dir, 'managed.json');
    await writeFile(
      path,
      JSON.stringify({
        roles: [],
        managedPolicies: { reader: { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: ['arn:aws:iam::{{account}}:role/a', 'arn:aws:iam::{{account}}:role/b'] } } },
      }),
    );
    const file = await readAwsSandboxFile(path, { provider: 'p', account: '444455556666' });
    expect(file).toEqual({
      roles: [],
      managedPolicies: { reader: { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: ['arn:aws:iam::444455556666:role/a', 'arn:aws:iam::444455556666:role/b'] } } },
    });
  });

  it('keeps the parser’s reason in the message for malformed JSON', async () => {
    const broken = join(dir, 'trailing-comma.json');
    await writeFile(broken, '{"roles": [],}');
    const error = (await readAwsSandboxFile(broken, { provider: 'p', account: 'a' }).catch((e: unknown) => e)) as Error;
    expect(error.message.startsWith(`${broken}: not valid JSON (`)).toBe(true);
    expect(error.message).toMatch(/position 13.*\)$/);
  });

  it('refuses roles that are not an array, naming the shape it expects', async () => {
    const path = join(dir, 'object-roles.json');
    await writeFile(path, '{"roles": {"name": "ci"}}');
    await expect(readAwsSandboxFile(path, { provider: 'p', account: 'a' })).rejects.toThrow(
      `${path}: expected a "roles" array of {name, trustPolicy, permissions?, maxSessionDuration?}`,
    );
  });

  it('fails with the path when the file does not exist', async () => {
    const missing = join(dir, 'missing.json');
    await expect(readAwsSandboxFile(missing, { provider: 'p', account: 'a' })).rejects.toMatchObject({ code: 'ENOENT', path: missing });
  });
});

