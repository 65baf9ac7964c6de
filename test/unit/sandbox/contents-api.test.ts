import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubContentsApi } from '../../../src/sandbox/github/contents-api.ts';

let api: GitHubContentsApi;
beforeAll(async () => {
  api = await GitHubContentsApi.start();
  api.putFiles('octo-org/policies', 'main', { 'ci.yml': 'version: 1\n' });
  api.putFiles('octo-org/policies', 'v1', { 'ci.yml': 'version: 1 # v1\n' });
});
afterAll(() => api.close());

const get = (path: string, options: { token?: string; accept?: string } = {}) =>
  fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${options.token ?? api.token}`, accept: options.accept ?? 'application/vnd.github.raw' } });

describe('GitHubContentsApi', () => {
  it('serves a file at a ref, or on the default branch', async () => {
    expect(await (await get('/repos/octo-org/policies/contents/ci.yml?ref=v1')).text()).toBe('version: 1 # v1\n');
    expect(await (await get('/repos/octo-org/policies/contents/ci.yml')).text()).toBe('version: 1\n');
  });

  it('answers JSON with base64 content unless the raw media type is asked for', async () => {
    const body = (await (await get('/repos/octo-org/policies/contents/ci.yml', { accept: 'application/json' })).json()) as { encoding: string; content: string };
    expect(Buffer.from(body.content, body.encoding as BufferEncoding).toString()).toBe('version: 1\n');
  });

  it('refuses a bad token with 401 and hides what it cannot see with 404', async () => {
    expect((await get('/repos/octo-org/policies/contents/ci.yml', { token: 'nope' })).status).toBe(401);
    expect((await get('/repos/octo-org/policies/contents/missing.yml')).status).toBe(404);
    expect((await get('/repos/octo-org/secret/contents/ci.yml')).status).toBe(404);
  });
});
