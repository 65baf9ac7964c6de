import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runMain } from '../../../src/action/run-main.ts';
import { startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';

// run-main in process, against the sandbox; test/e2e drives the bundled step with its failures.
const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
let sandbox: Sandbox;
let context: ActionContext;

beforeAll(async () => {
  sandbox = await startSandbox();
  context = await actionContext({ issuer: sandbox.issuer.url, 'aws-region': 'eu-west-1', 'role-to-assume': ROLE, 'role-duration-seconds': '7200' }, sandbox.runnerEnv());
  process.env.GITHUB_WORKSPACE = context.dir;
  await mkdir(join(context.dir, '.github'));
  await writeFile(
    join(context.dir, '.github', 'ci-oidc-broker.yml'),
    `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: app\n    match: {repository: octo-org/app}\n    grant: {aws: {roles: [${ROLE}], max-duration: 30m}}\n`,
  );
  await runMain();
});
afterAll(async () => {
  await context.restore();
  await sandbox.close();
});

describe('runMain', () => {
  it('exports the credentials and the region the way the AWS CLI and SDKs read them', async () => {
    const session = sandbox.aws.sessions.at(-1)!;
    expect(Object.fromEntries(await context.env())).toEqual({
      AWS_ACCESS_KEY_ID: session.accessKeyId,
      AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
      AWS_SESSION_TOKEN: session.sessionToken,
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
    });
  });

  it('masks the token on arrival, and each credential and the account id before any line could show it', () => {
    const lines = context.stdout().split('\n');
    const session = sandbox.aws.sessions.at(-1)!;
    expect(lines[0]).toBe(`::add-mask::${sandbox.issuer.minted.at(-1)}`);
    for (const secret of [session.accessKeyId, session.secretAccessKey, session.sessionToken, '111122223333']) {
      const mask = lines.indexOf(`::add-mask::${secret}`);
      expect(mask).toBeGreaterThan(0);
      expect(lines.slice(0, mask).filter((line) => line.includes(secret))).toEqual([]);
    }
    expect(lines.findIndex((line) => line.startsWith('AWS: assumed '))).toBeGreaterThan(lines.indexOf(`::add-mask::${session.sessionToken}`));
  });

  it('caps the duration at the rule’s max-duration and says so', () => {
    const session = sandbox.aws.sessions.at(-1)!;
    expect((session.expiration.getTime() - session.issuedAt.getTime()) / 1000).toBe(1800);
    expect(context.stdout()).toContain('::notice::role-duration-seconds lowered to 1800, the most that rule "app" grants.');
  });

  it('saves what the post step needs, and no secret', async () => {
    const session = sandbox.aws.sessions.at(-1)!;
    const state = (await context.state()).get('issued-credentials')!;
    expect(JSON.parse(state)).toEqual([expect.objectContaining({ provider: 'aws', identity: session.assumedRoleId, role: ROLE })]);
    for (const secret of [session.accessKeyId, session.secretAccessKey, session.sessionToken, ...sandbox.issuer.minted]) expect(state).not.toContain(secret);
  });

  it('outputs the account id and the rule, and no credential unless asked', async () => {
    expect(Object.fromEntries(await context.outputs())).toEqual({ 'aws-account-id': '111122223333', 'policy-rule': 'app' });
  });
});
