// `scan --github-org` against the sandbox's GitHub API: the corpus served as an organisation's
// repositories is found exactly as it is on disk, page by page, bounded, with the ids GitHub reports.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { scan } from '../../../src/cli/commands/scan.ts';
import { GitHubContentsApi } from '../../../src/sandbox/github/contents-api.ts';
import { scanGitHubOrg } from '../../../src/scan/github-org.ts';
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

  it('binds the plan to the ids GitHub reports', async () => {
    const { scans } = await scanGitHubOrg({ org: 'acme', apiUrl: api.url, token: api.token, maxRepositories: 50 });
    const plan = await planMigration(scans, { map: new Map() });
    const ids = api.idsOf('acme/github-static')!;
    for (const job of plan.jobs) {
      expect(job.policy).toContain(`repository_id: "${ids.repositoryId}"\n`);
      expect(job.policy).toContain(`repository_owner_id: "${ids.ownerId}"\n`);
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
