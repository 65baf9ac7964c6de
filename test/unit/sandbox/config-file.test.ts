import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { readAwsSandboxFile } from '../../../src/sandbox/aws/config-file.ts';
import { rejection } from '../../helpers/broker-error.ts';

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

  it('names the file and the problem, as a usage error with the expected shape, when it is not JSON or has no roles', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ roles: ');
    const notJson = await rejection(readAwsSandboxFile(broken, { provider: 'p', account: 'a' }));
    expect(notJson.code).toBe(ErrorCode.InputInvalid);
    expect(notJson.message).toContain(`${broken}: not valid JSON`);
    expect(notJson.hint).toContain('demo/sandbox-aws.json is an example');
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
      `${path}: expected a "roles" array of {name, trustPolicy, permissions?, maxSessionDuration?, permissionsBoundary?}`,
    );
  });

  const trustPolicy = { Statement: [] };
  it.each([
    ['not an object', [], 'expected a JSON object with a "roles" array'],
    ['an unknown key', { roles: [], role: [] }, 'unknown key "role"'],
    ['a role that is not an object', { roles: ['ci'] }, 'roles[0] must be an object'],
    ['a role without a name', { roles: [{ trustPolicy }] }, "roles[0].name must be the role's name"],
    ['a role with an unknown key', { roles: [{ name: 'ci', trustPolicy, permission: {} }] }, 'roles[0] has an unknown key "permission"'],
    ['a trust policy without statements', { roles: [{ name: 'ci', trustPolicy: { Version: '2012-10-17' } }] }, 'roles[0].trustPolicy must be a policy document'],
    ['permissions that are not documents', { roles: [{ name: 'ci', trustPolicy, permissions: { read: 'iam:GetRole' } }] }, 'roles[0].permissions.read must be a policy document'],
    ['a session duration that is not a number', { roles: [{ name: 'ci', trustPolicy, maxSessionDuration: '1h' }] }, 'roles[0].maxSessionDuration must be a whole number of seconds'],
    ['a boundary that is not an ARN', { roles: [{ name: 'ci', trustPolicy, permissionsBoundary: {} }] }, "roles[0].permissionsBoundary must be a managed policy's ARN"],
    ['managed policies as a list', { roles: [], managedPolicies: [] }, 'managedPolicies must map names to policy documents'],
  ])('refuses %s, saying where', async (_, content, problem) => {
    const path = join(dir, 'shape.json');
    await writeFile(path, JSON.stringify(content));
    const error = await rejection(readAwsSandboxFile(path, { provider: 'p', account: 'a' }));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toBe(`${path}: ${problem}`);
  });

  it('says a missing file or a folder is one, as a usage error naming it', async () => {
    const missing = join(dir, 'missing.json');
    const error = await readAwsSandboxFile(missing, { provider: 'p', account: 'a' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).message).toBe(`Cannot read the sandbox AWS configuration ${missing} (ENOENT).`);
    expect((await rejection(readAwsSandboxFile(dir, { provider: 'p', account: 'a' }))).message).toBe(`The sandbox AWS configuration ${dir} is a folder.`);
  });
});

