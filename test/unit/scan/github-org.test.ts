// `scan --github-org` against the sandbox's GitHub API: the corpus served as an organisation's
// repositories is found exactly as it is on disk, page by page, bounded, with the ids GitHub reports;
// and `scan --plan` of a checkout reads its repository's ids there.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { scan } from '../../../src/cli/commands/scan.ts';
import { GitHubContentsApi } from '../../../src/sandbox/github/contents-api.ts';
import { readRepositoryIds, scanGitHubOrg } from '../../../src/scan/github-org.ts';
import { planMigration } from '../../../src/scan/plan/plan.ts';
import { scanPaths } from '../../../src/scan/scan.ts';
import { CORPUS, CORPUS_REPOSITORIES, corpusFiles } from './corpus-files.ts';

let api: GitHubContentsApi;

beforeAll(async () => {
  api = await GitHubContentsApi.start();
  for (const name of CORPUS_REPOSITORIES) api.putFiles(`acme/${name}`, 'main', await corpusFiles(name));
  api.putFiles('other-org/tools', 'main', { '.gitlab-ci.yml': 'test:\n  script: [make]\n' });
  // More than one page of the listing (GitHub's pages hold at most 100).
  for (let index = 0; index < 105; index++) api.putFiles(`big/repo-${String(index).padStart(3, '0')}`, 'main', { '.buildkite/pipeline.yml': 'steps:\n  - command: make\n' });
});
afterAll(() => api.close());

const located = (findings: ReadonlyArray<{ rule: string; location: { file: string; line: number; column: number } }>, prefix: string) =>
  findings.map((found) => `${found.rule} ${found.location.file.replace(prefix, '')}:${found.location.line}:${found.location.column}`);

describe('scan --github-org', () => {
  it('finds in each repository what a scan of its folder finds', async () => {
    const { scans, truncated } = await scanGitHubOrg({ org: 'acme', apiUrl: api.url, token: api.token, maxRepositories: 50 });
    expect(truncated).toBe(false);
    expect(scans.map((scan) => scan.repository)).toEqual(CORPUS_REPOSITORIES.map((name) => `acme/${name}`).sort());
    for (const scan of scans) {
      const name = scan.repository.split('/')[1]!;
      const [local] = await scanPaths([`${CORPUS}/${name}`]);
      expect([name, located(scan.findings, `${scan.repository}/`)]).toEqual([name, located(local!.findings, `${CORPUS}/${name}/`)]);
    }
  });

  it('follows the listing from page to page', async () => {
    const { scans, truncated } = await scanGitHubOrg({ org: 'big', apiUrl: api.url, token: api.token, maxRepositories: 200 });
    expect([scans.length, truncated]).toEqual([105, false]);
    expect(scans.every((scan) => scan.files.length === 1 && scan.findings.length === 0)).toBe(true);
  });

  it('stops at --max-repositories, and says so', async () => {
    const seen: string[] = [];
    const { scans, truncated } = await scanGitHubOrg({ org: 'acme', apiUrl: api.url, token: api.token, maxRepositories: 3, progress: (done, total, repository) => seen.push(`${done}/${total} ${repository}`) });
    expect(scans).toHaveLength(3);
    expect(truncated).toBe(true);
    expect(seen.map((line) => line.split(' ')[0])).toEqual(['1/3', '2/3', '3/3']);
  });

  it('binds the plan of GitHub Actions jobs to the ids GitHub reports, and names the repository CircleCI builds', async () => {
    const { scans } = await scanGitHubOrg({ org: 'acme', apiUrl: api.url, token: api.token, maxRepositories: 50 });
    const plan = await planMigration(scans, { map: new Map() });
    const ids = api.idsOf('acme/github-static')!;
    const github = plan.jobs.filter((job) => job.system === 'github-actions');
    expect(github).toHaveLength(5);
    for (const job of github) {
      expect(job.policy).toContain(`repository_id: "${ids.repositoryId}"\n`);
      expect(job.policy).toContain(`repository_owner_id: "${ids.ownerId}"\n`);
      // The API names the default branch, which the deploy workflow's dispatched runs use.
      expect(job.policy).not.toContain('TODO: the default branch');
    }
    // GitHub's ids are no GitLab project's.
    for (const job of plan.jobs.filter((candidate) => candidate.system === 'gitlab')) expect(job.policy).toMatch(/project_id: "0" +# TODO/);
    for (const job of plan.jobs.filter((candidate) => candidate.system === 'circleci')) expect(job.policy).toContain('"oidc.circleci.com/vcs-origin": "github.com/acme/circleci"\n');
  });

  it('reads one repository’s ids through GET /repos/{owner}/{repo}', async () => {
    const ids = api.idsOf('acme/github-static')!;
    expect(await readRepositoryIds(api.url, api.token, 'acme/github-static')).toEqual({ fullName: 'acme/github-static', repositoryId: String(ids.repositoryId), ownerId: String(ids.ownerId), defaultBranch: 'main' });
    await expect(readRepositoryIds(api.url, api.token, 'acme/missing')).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('no repository acme/missing') });
    await expect(readRepositoryIds(api.url, 'ghs_wrong', 'acme/github-static')).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('HTTP 401') });
  });

  it('binds the plan of a checkout to the ids of --repository, read with the token', async () => {
    const ids = api.idsOf('acme/github-static')!;
    const dir = await mkdtemp(join(tmpdir(), 'scan-plan-ids-'));
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    process.env.SCAN_IDS_TEST_TOKEN = api.token;
    try {
      const code = await scan([`${CORPUS}/github-static`], { format: 'text', failOn: 'never', plan: dir, repository: 'acme/github-static', githubApiUrl: api.url, githubTokenEnv: 'SCAN_IDS_TEST_TOKEN', maxRepositories: '1' });
      expect(code).toBe(0);
      const policy = await readFile(join(dir, 'github-static', 'deploy-deploy', 'policy.yml'), 'utf8');
      expect(policy).toContain(`repository_id: "${ids.repositoryId}"\n      ref: "refs/heads/main"\n`);
      expect(policy).toContain(`repository_owner_id: "${ids.ownerId}"\n`);
    } finally {
      delete process.env.SCAN_IDS_TEST_TOKEN;
      stdout.mockRestore();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad token and an unknown organisation', async () => {
    await expect(scanGitHubOrg({ org: 'acme', apiUrl: api.url, token: 'ghs_wrong', maxRepositories: 5 })).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('HTTP 401') });
    await expect(scanGitHubOrg({ org: 'nobody', apiUrl: api.url, token: api.token, maxRepositories: 5 })).rejects.toMatchObject({ code: 'INPUT_INVALID', message: expect.stringContaining('no organisation nobody') });
  });

  it('shows its progress on a terminal, one line rewritten per repository', async () => {
    const written: string[] = [];
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((text) => written.push(String(text)) > 0);
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    process.env.SCAN_PROGRESS_TEST_TOKEN = api.token;
    try {
      const code = await scan([], { format: 'json', failOn: 'never', githubOrg: 'acme', githubApiUrl: api.url, githubTokenEnv: 'SCAN_PROGRESS_TEST_TOKEN', maxRepositories: '3' });
      expect(code).toBe(0);
    } finally {
      delete process.env.SCAN_PROGRESS_TEST_TOKEN;
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const progress = written.filter((text) => text.startsWith('\r'));
    expect(progress).toHaveLength(3);
    // Carriage return and erase-line: the terminal shows one line that each repository rewrites.
    expect(progress[2]!.startsWith('\r\u001b[Kscanned 3/3: acme/')).toBe(true);
    expect(progress[2]!.endsWith('\n')).toBe(true);
    expect(written.join('')).not.toContain(api.token);
  });
});
