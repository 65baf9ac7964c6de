import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { githubPolicySource } from '../../../src/action/github-policy-source.ts';
import { GitHubContentsApi } from '../../../src/sandbox/github/contents-api.ts';
import { rejection } from '../../helpers/broker-error.ts';

const POLICY = 'version: 1\nrules: []\n';
let api: GitHubContentsApi;
const savedApiUrl = process.env.GITHUB_API_URL;

beforeAll(async () => {
  api = await GitHubContentsApi.start();
  // @actions/github reads GITHUB_API_URL once, when the first source loads it.
  process.env.GITHUB_API_URL = api.url;
  api.putFiles('octo-org/policies', 'main', { 'ci.yml': POLICY, 'nested/ünïcode.yml': 'name: ünïcode\n' });
  api.putFiles('octo-org/policies', 'v2', { 'ci.yml': `${POLICY}# v2\n` });
});
afterEach(() => {
  api.requests.length = 0;
});
afterAll(async () => {
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
  await api.close();
});
function source(ref: string | undefined, token = api.token) {
  return githubPolicySource({ owner: 'octo-org', repo: 'policies', ref }, token);
}

describe('githubPolicySource', () => {
  it('reads a file at the ref it was given', async () => {
    expect(await source('v2').read('ci.yml')).toBe(`${POLICY}# v2\n`);
    expect(api.requests).toEqual([{ repository: 'octo-org/policies', path: 'ci.yml', ref: 'v2' }]);
  });

  it('reads the default branch when no ref was given', async () => {
    expect(await source(undefined).read('ci.yml')).toBe(POLICY);
    expect(api.requests).toEqual([{ repository: 'octo-org/policies', path: 'ci.yml', ref: undefined }]);
  });

  it('reads a file in a folder with non-ASCII characters in its name', async () => {
    expect(await source(undefined).read('nested/ünïcode.yml')).toBe('name: ünïcode\n');
  });

  it('treats a file the API does not show as absent', async () => {
    expect(await source('v2').read('missing.yml')).toBeUndefined();
    expect(await source('no-such-ref').read('ci.yml')).toBeUndefined();
  });

  it('names files by repository, path and ref', () => {
    expect(source('v2').displayName('ci.yml')).toBe('octo-org/policies/ci.yml@v2');
    expect(source(undefined).displayName('policies/deploy.json')).toBe('octo-org/policies/policies/deploy.json');
  });

  it('refuses a token the API does not accept, and says which token to give', async () => {
    const error = await rejection(source('v2', 'ghs_not-a-valid-token').read('ci.yml'));
    expect(error.code).toBe(ErrorCode.PolicySourceInvalid);
    expect(error.message).toBe('Reading octo-org/policies/ci.yml@v2 through the GitHub API failed (HTTP 401).');
    expect(error.hint).toBe(
      'Give `github-token` a token that can read octo-org/policies (contents: read), such as a GitHub App installation token; the job\'s own GITHUB_TOKEN reads only its repository.',
    );
    expect(error.message).not.toContain('ghs_not-a-valid-token');
  });
});
