// `ci-oidc-broker scan` as a user runs it: the exit codes of --fail-on, each format on stdout, no
// planted secret of the corpus in anything the process prints, and --plan's files checked by the CLI's
// own `policy validate` and `lint aws-trust-policy` (test/unit/scan/plan.test.ts lints the drafts), and
// its patches by `git apply`.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { runCli } from '../helpers/cli.ts';
import { CORPUS, CORPUS_REPOSITORIES } from '../unit/scan/corpus-files.ts';
import { plantedIn } from '../unit/scan/planted-secrets.ts';

const ALL = CORPUS_REPOSITORIES.map((name) => `${CORPUS}/${name}`);

describe('scan', () => {
  it.each(['text', 'json', 'sarif'])('prints no planted secret as %s', async (format) => {
    const run = await runCli(['scan', ...ALL, '--format', format]);
    expect(run.code).toBe(1);
    expect(plantedIn(run.stdout + run.stderr)).toEqual([]);
    if (format !== 'text') expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  });

  it('exits 0 when no finding reaches --fail-on, 1 when one does', async () => {
    expect((await runCli(['scan', `${CORPUS}/clean`])).code).toBe(0);
    expect((await runCli(['scan', `${CORPUS}/github-oidc-unpoliced`])).code).toBe(0);
    expect((await runCli(['scan', `${CORPUS}/github-oidc-unpoliced`, '--fail-on', 'warning'])).code).toBe(1);
    expect((await runCli(['scan', `${CORPUS}/github-migrated`, '--fail-on', 'note'])).code).toBe(1);
    expect((await runCli(['scan', `${CORPUS}/github-static`, '--fail-on', 'never'])).code).toBe(0);
  });

  it('exits 2 on invalid input', async () => {
    const missing = await runCli(['scan', `${CORPUS}/no-such-repository`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('is not a folder');
    expect((await runCli(['scan', '--format', 'xml'])).code).toBe(2);
  });

  it('scans the current directory by default', async () => {
    const run = await runCli(['scan', '--format', 'json'], { cwd: `${CORPUS}/gitlab` });
    expect((JSON.parse(run.stdout) as { files: string[] }).files).toEqual(['.gitlab-ci.yml', 'ci/deploy.yml', 'ci/jobs/azure.yml']);
  });

  it('--plan writes policies that `policy validate` accepts, their exports, patches and a summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-plan-'));
    try {
      const run = await runCli(['scan', `${CORPUS}/github-static`, '--plan', dir, '--repository-id', '8429', '--owner-id', '1342004', '--map', 'AWS_SECRET_ACCESS_KEY=arn:aws:iam::111122223333:role/site-deploy']);
      expect(run.code).toBe(1);
      const folder = join(dir, 'github-static');
      const rules = (await readdir(folder)).filter((name) => name !== 'patches');
      expect(rules.sort()).toEqual(['deploy-deploy', 'deploy-publish-image', 'legacy-release', 'nightly-backup', 'pr-preview-preview']);
      expect(await readFile(join(folder, 'deploy-deploy', 'trust-policy.json'), 'utf8')).toContain('"token.actions.githubusercontent.com:repository_id": "8429"');
      expect((await readdir(join(folder, 'patches'))).sort()).toEqual(['deploy.yml.patch', 'legacy.yml.patch', 'nightly.yml.patch', 'pr-preview.yml.patch']);
      const summary = await readFile(join(dir, 'SUMMARY.md'), 'utf8');
      expect(summary).toContain('5 jobs with static keys have a plan');
      const written = await Promise.all((await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
      expect(written.length).toBeGreaterThan(10);
      expect(plantedIn([run.stdout, run.stderr, summary, ...written].join('\n'))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each(['gitlab', 'circleci', 'buildkite', 'github-static'])('--plan for %s: every draft passes `policy validate`, every trust policy `lint aws-trust-policy`, every patch `git apply`', async (name) => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-plan-'));
    try {
      const run = await runCli(['scan', `${CORPUS}/${name}`, '--plan', join(dir, 'plan'), '--fail-on', 'never', '--format', 'json']);
      expect([run.code, run.stderr]).toEqual([0, '']);
      const planned = JSON.parse(run.stdout) as { plan: { jobs: Array<{ workflow: string; job: string }> } };
      const folder = join(dir, 'plan', name);
      const rules = (await readdir(folder)).filter((entry) => entry !== 'patches');
      expect(rules.length).toBeGreaterThan(1);
      // One process per file, side by side: each is the CLI a user runs on that file.
      const checks = await Promise.all(
        rules.map(async (rule) => {
          const trust = join(folder, rule, 'trust-policy.json');
          const validate = await runCli(['policy', 'validate', join(folder, rule, 'policy.yml')]);
          const lintTrust = (await stat(trust).catch(() => undefined)) ? (await runCli(['lint', 'aws-trust-policy', trust])).code : 'no AWS grant';
          return [rule, validate.code, validate.stderr, lintTrust];
        }),
      );
      expect(checks.filter(([, validated, stderr, trusted]) => validated !== 0 || stderr !== '' || (trusted !== 0 && trusted !== 'no AWS grant'))).toEqual([]);
      expect(checks.some(([, , , trusted]) => trusted === 0)).toBe(true);
      // The patches, applied to a copy of the repository by git itself, leave its jobs on OIDC without keys.
      const copy = join(dir, 'repository');
      await cp(join(CORPUS, name), copy, { recursive: true });
      for (const patch of await readdir(join(folder, 'patches'))) {
        // A patch cut to no context (so as not to copy a committed key) needs git told so; the others apply strictly.
        const zero = !(await readFile(join(folder, 'patches', patch), 'utf8')).split('\n').some((line) => line.startsWith(' '));
        const { stderr } = await promisify(execFile)('git', ['apply', ...(zero ? ['--unidiff-zero'] : []), join(folder, 'patches', patch)], { cwd: copy, timeout: 20_000 });
        expect([patch, stderr]).toEqual([patch, '']);
      }
      const rescan = JSON.parse((await runCli(['scan', copy, '--format', 'json', '--fail-on', 'never'])).stdout) as { jobs: Array<{ file: string; name: string; clouds: string[]; migrated: boolean }> };
      for (const job of planned.plan.jobs) {
        const after = rescan.jobs.find((candidate) => candidate.file === join(copy, job.workflow) && candidate.name === job.job)!;
        expect([job.job, after.migrated]).toEqual([job.job, true]);
        if (name !== 'github-static') expect([job.job, after.clouds.filter((cloud) => cloud !== 'azure')]).toEqual([job.job, []]);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a --map that is not SECRET=ROLE_ARN or SECRET=EMAIL', async () => {
    expect((await runCli(['scan', `${CORPUS}/clean`, '--plan', 'unused', '--map', 'AWS_SECRET_ACCESS_KEY=deploy'])).code).toBe(2);
  });
});
