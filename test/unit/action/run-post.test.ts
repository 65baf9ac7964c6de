import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { runPost } from '../../../src/action/run-post.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { rejection } from '../../helpers/broker-error.ts';
import { awsCredentialRecord, gcpCredentialRecord } from '../../helpers/issued-credential.ts';

// core.summary keeps the file it first wrote to, so the whole file shares one context.
let context: ActionContext;
beforeAll(async () => {
  context = await actionContext();
});
afterAll(() => context.restore());
afterEach(async () => {
  delete process.env['STATE_issued-credentials'];
  await writeFile(process.env.GITHUB_ENV!, '');
  await writeFile(process.env.GITHUB_STEP_SUMMARY!, '');
});

function credentialWithFile(file: string) {
  return awsCredentialRecord({ files: [file] });
}

describe('runPost', () => {
  it('clears every exported variable, deletes written files and reports each credential', async () => {
    const file = join(context.dir, 'credentials');
    await writeFile(file, 'secret');
    process.env['STATE_issued-credentials'] = JSON.stringify([credentialWithFile(file)]);
    await runPost();
    expect(Object.fromEntries(await context.env())).toEqual({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' });
    await expect(access(file)).rejects.toThrow('ENOENT');
    expect(await context.summary()).toContain('<td>cleared only</td>');
    expect(context.stdout()).toContain('aws AROAEXAMPLE:octo-org.app@42-1-deploy: cleared only.');
  });

  it('does no harm when run again after its files are gone', async () => {
    process.env['STATE_issued-credentials'] = JSON.stringify([credentialWithFile(join(context.dir, 'already-gone'))]);
    const start = context.stdout().length;
    await runPost();
    await runPost();
    expect(process.exitCode ?? 0).toBe(0);
    expect(context.stdout().slice(start)).not.toContain('::error');
    expect(context.stdout().slice(start)).not.toContain('::warning');
  });

  it('clears the variables in its own process too, as the runner would for later steps', async () => {
    process.env.AWS_SESSION_TOKEN = 'still-here';
    process.env['STATE_issued-credentials'] = JSON.stringify([awsCredentialRecord()]);
    await runPost();
    expect(process.env.AWS_SESSION_TOKEN).toBe('');
  });

  it('clears only the variables the main step says it exported', async () => {
    process.env['STATE_issued-credentials'] = JSON.stringify([awsCredentialRecord({ exportedVariables: ['AWS_SESSION_TOKEN'] })]);
    await runPost();
    expect(Object.fromEntries(await context.env())).toEqual({ AWS_SESSION_TOKEN: '' });
  });

  it('cleans up every credential and reports each in one table', async () => {
    const first = join(context.dir, 'first');
    const second = join(context.dir, 'second');
    await writeFile(first, 'secret');
    await writeFile(second, 'secret');
    process.env['STATE_issued-credentials'] = JSON.stringify([
      awsCredentialRecord({ identity: 'AROAONE:one', files: [first] }),
      awsCredentialRecord({ identity: 'AROATWO:two', files: [second], exportedVariables: ['AWS_PROFILE'] }),
    ]);
    await runPost();
    await expect(access(first)).rejects.toThrow('ENOENT');
    await expect(access(second)).rejects.toThrow('ENOENT');
    expect(Object.fromEntries(await context.env())).toMatchObject({ AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '' });
    const summary = await context.summary();
    expect(summary.match(/<h3>Revocation<\/h3>/g)).toHaveLength(1);
    expect(summary).toContain('<code>AROAONE:one</code>');
    expect(summary).toContain('<code>AROATWO:two</code>');
    expect(context.stdout()).toContain('aws AROAONE:one: cleared only.');
    expect(context.stdout()).toContain('aws AROATWO:two: cleared only.');
  });

  it('warns about a file it cannot delete and still clears and reports the rest', async () => {
    const file = join(context.dir, 'deletable');
    await writeFile(file, 'secret');
    // A path below a file cannot be deleted, even by root.
    const undeletable = join(file, 'child');
    process.env['STATE_issued-credentials'] = JSON.stringify([awsCredentialRecord({ files: [undeletable, file] })]);
    await runPost();
    const problem = `Could not delete ${undeletable} (ENOTDIR).`;
    expect(context.stdout()).toContain(`::warning::${problem}`);
    await expect(access(file)).rejects.toThrow('ENOENT');
    expect(Object.fromEntries(await context.env())).toEqual({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' });
    expect(await context.summary()).toContain(problem);
  });

  it('clears again, to the same empty values, when run a second time', async () => {
    process.env['STATE_issued-credentials'] = JSON.stringify([awsCredentialRecord()]);
    await runPost();
    await runPost();
    expect((await readFile(process.env.GITHUB_ENV!, 'utf8')).match(/^AWS_SESSION_TOKEN<</gm)).toHaveLength(2);
    expect(Object.fromEntries(await context.env())).toEqual({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' });
  });

  it('refuses unreadable state without clearing or reporting anything', async () => {
    process.env['STATE_issued-credentials'] = '{"provider":';
    expect((await rejection(runPost())).code).toBe(ErrorCode.StateInvalid);
    expect(await context.env()).toEqual(new Map());
    expect(await context.summary()).toBe('');
  });

  it('succeeds and says so when the main step issued nothing', async () => {
    await runPost();
    expect(context.stdout()).toContain('ci-oidc-broker: no credentials were issued by the main step; nothing to clean up.');
    expect(await context.summary()).toBe('');
  });
});

describe('runPost with Google credentials', () => {
  it('deletes the credentials folder, clears the variables, and says Google cannot revoke the token', async () => {
    const runnerTemp = join(context.dir, 'runner-temp');
    const folder = join(runnerTemp, 'ci-oidc-broker-gcp-abc123');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'oidc-token'), 'token');
    process.env.RUNNER_TEMP = runnerTemp;
    process.env['STATE_issued-credentials'] = JSON.stringify([gcpCredentialRecord({ files: [folder] })]);
    try {
      await runPost();
    } finally {
      delete process.env.RUNNER_TEMP;
    }
    await expect(access(folder)).rejects.toThrow('ENOENT');
    expect(Object.fromEntries(await context.env())).toEqual({ GOOGLE_APPLICATION_CREDENTIALS: '', CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '' });
    const summary = await context.summary();
    expect(summary).toContain('<td>gcp</td>');
    expect(summary).toContain('Google cannot revoke access tokens');
    expect(summary).toContain('<td>cleared only</td>');
    expect(summary).not.toContain('<td>revoked</td>');
  });

  it('also deletes credentials folders that no saved state names, and leaves other files alone', async () => {
    const runnerTemp = join(context.dir, 'runner-temp-2');
    const orphan = join(runnerTemp, 'ci-oidc-broker-gcp-orphan');
    const unrelated = join(runnerTemp, 'another-action');
    await mkdir(orphan, { recursive: true });
    await mkdir(unrelated);
    await writeFile(join(orphan, 'oidc-token'), 'token');
    process.env.RUNNER_TEMP = runnerTemp;
    try {
      await runPost();
    } finally {
      delete process.env.RUNNER_TEMP;
    }
    await expect(access(orphan)).rejects.toThrow('ENOENT');
    await expect(access(unrelated)).resolves.toBeUndefined();
  });
});
