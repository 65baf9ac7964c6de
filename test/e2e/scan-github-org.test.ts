// `ci-oidc-broker scan --github-org` as a user runs it, against the sandbox's GitHub API: the token
// from the environment, never printed; no progress lines off a terminal; bad input exits 2; and
// `scan --plan` of a checkout, whose repository's ids it reads there.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GitHubContentsApi } from '../../src/sandbox/github/contents-api.ts';
import { runCli } from '../helpers/cli.ts';
import { CORPUS, CORPUS_REPOSITORIES, corpusFiles } from '../unit/scan/corpus-files.ts';
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

  it('--plan on a checkout reads its ids through the API, for the repository its git remote names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-remote-'));
    try {
      const checkout = join(dir, 'site');
      await cp(join(CORPUS, 'github-static'), checkout, { recursive: true });
      await promisify(execFile)('git', ['init', '-q', checkout], { timeout: 20_000 });
      await promisify(execFile)('git', ['-C', checkout, 'remote', 'add', 'origin', 'git@github.com:acme/github-static.git'], { timeout: 20_000 });
      const ids = api.idsOf('acme/github-static')!;
      const run = await runCli(['scan', checkout, '--plan', join(dir, 'plan'), '--github-api-url', api.url, '--fail-on', 'never'], { env: { GITHUB_TOKEN: api.token } });
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout + run.stderr).not.toContain(api.token);
      const policy = await readFile(join(dir, 'plan', 'site', 'nightly-backup', 'policy.yml'), 'utf8');
      expect(policy).toContain(`repository_owner_id: "${ids.ownerId}"\n      repository_id: "${ids.repositoryId}"\n      ref: "refs/heads/main"\n`);
      // Without a token the ids stay TODO, and GitHub is not asked.
      const asked = api.requests.length;
      const offline = await runCli(['scan', checkout, '--plan', join(dir, 'offline'), '--github-api-url', api.url, '--fail-on', 'never']);
      expect(offline.code).toBe(0);
      expect(await readFile(join(dir, 'offline', 'site', 'nightly-backup', 'policy.yml'), 'utf8')).toMatch(/repository_id: "0" +# TODO/);
      expect(api.requests.length).toBe(asked);
      // A repository the token cannot see is invalid input.
      const missing = await runCli(['scan', checkout, '--plan', join(dir, 'missing'), '--repository', 'acme/nothing-here', '--github-api-url', api.url], { env: { GITHUB_TOKEN: api.token } });
      expect([missing.code, missing.stderr.includes('no repository acme/nothing-here')]).toEqual([2, true]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 without a token, with a bad one, or with folders as well', async () => {
    expect((await runCli(['scan', '--github-org', 'acme', '--github-api-url', api.url])).code).toBe(2);
    const bad = await runCli(['scan', '--github-org', 'acme', '--github-api-url', api.url], { env: { GITHUB_TOKEN: 'ghs_not-the-token' } });
    expect([bad.code, bad.stderr.includes('HTTP 401'), bad.stderr.includes('ghs_not-the-token')]).toEqual([2, true, false]);
    expect((await runCli(['scan', '.', '--github-org', 'acme'], { env: { GITHUB_TOKEN: api.token } })).code).toBe(2);
  });
});
