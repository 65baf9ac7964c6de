// `ci-oidc-broker scan --github-org` as a user runs it, against the sandbox's GitHub API: the token
// from the environment, never printed; no progress lines off a terminal; bad input exits 2.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubContentsApi } from '../../src/sandbox/github/contents-api.ts';
import { runCli } from '../helpers/cli.ts';
import { CORPUS_REPOSITORIES, corpusFiles } from '../unit/scan/corpus-files.ts';
import { plantedIn } from '../unit/scan/planted-secrets.ts';

let api: GitHubContentsApi;

beforeAll(async () => {
  api = await GitHubContentsApi.start();
  for (const name of CORPUS_REPOSITORIES) api.putFiles(`acme/${name}`, 'main', await corpusFiles(name));
});
afterAll(() => api.close());

describe('scan --github-org', () => {
  it('scans every repository of the organisation', async () => {
    const run = await runCli(['scan', '--github-org', 'acme', '--github-api-url', api.url, '--format', 'json'], { env: { GITHUB_TOKEN: api.token } });
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as { summary: { repositories: number; static: number }; files: string[] };
    expect(output.summary.repositories).toBe(CORPUS_REPOSITORIES.length);
    expect(output.files).toContain('acme/gitlab/ci/jobs/azure.yml');
    expect(run.stderr).toBe('');
    expect(run.stdout + run.stderr).not.toContain(api.token);
    expect(plantedIn(run.stdout + run.stderr)).toEqual([]);
  });

  it('says when --max-repositories cuts the listing short', async () => {
    const run = await runCli(['scan', '--github-org', 'acme', '--github-api-url', api.url, '--max-repositories', '2', '--fail-on', 'never'], { env: { GITHUB_TOKEN: api.token } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('only the first 2 were read');
  });

  it('exits 2 without a token, with a bad one, or with folders as well', async () => {
    expect((await runCli(['scan', '--github-org', 'acme', '--github-api-url', api.url])).code).toBe(2);
    const bad = await runCli(['scan', '--github-org', 'acme', '--github-api-url', api.url], { env: { GITHUB_TOKEN: 'ghs_not-the-token' } });
    expect([bad.code, bad.stderr.includes('HTTP 401'), bad.stderr.includes('ghs_not-the-token')]).toEqual([2, true, false]);
    expect((await runCli(['scan', '.', '--github-org', 'acme'], { env: { GITHUB_TOKEN: api.token } })).code).toBe(2);
  });
});
