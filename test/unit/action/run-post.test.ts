import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { runPost } from '../../../src/action/run-post.ts';
import { actionContext, type ActionContext } from '../../helpers/action-context.ts';
import { awsCredentialRecord } from '../../helpers/issued-credential.ts';

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
    expect(context.stdout()).toContain('aws AROAEXAMPLE:octo-org.app@42-1-deploy: not-revocable.');
  });

  it('does no harm when run again after its files are gone', async () => {
    process.env['STATE_issued-credentials'] = JSON.stringify([credentialWithFile(join(context.dir, 'already-gone'))]);
    await runPost();
    await runPost();
    expect(process.exitCode ?? 0).toBe(0);
    expect(context.stdout()).not.toContain('::error');
    expect(context.stdout()).not.toContain('::warning');
  });

  it('succeeds and says so when the main step issued nothing', async () => {
    await runPost();
    expect(context.stdout()).toContain('ci-oidc-broker: no credentials were issued by the main step; nothing to clean up.');
    expect(await context.summary()).toBe('');
  });
});
