// `scan --plan` on the corpus: every draft policy validates and its lint is listed, every export lints
// clean or its refusal is said, and every patch applies to the corpus file and leaves no static key
// of the planned clouds behind.
import { describe, expect, it } from '@jest/globals';
import { applyPatch } from 'diff';
import { parsePolicy } from '../../../src/policy/load.ts';
import { planMigration, planSummary } from '../../../src/scan/plan/plan.ts';
import type { Repository } from '../../../src/scan/repository.ts';
import { scanPaths, scanRepository } from '../../../src/scan/scan.ts';
import { CORPUS, CORPUS_REPOSITORIES } from './corpus-files.ts';
import { plantedIn } from './planted-secrets.ts';

const REPOSITORIES = CORPUS_REPOSITORIES.map((name) => `${CORPUS}/${name}`);
const MAP = new Map([['AWS_SECRET_ACCESS_KEY', 'arn:aws:iam::111122223333:role/site-deploy']]);

const planOf = async (options: { repositoryId?: string; ownerId?: string } = {}) => {
  const scans = await scanPaths(REPOSITORIES);
  return { scans, plan: await planMigration(scans, { ...options, map: MAP }) };
};

/** The repository with the patched workflows in place of the originals. */
function patched(source: Repository, files: ReadonlyMap<string, string>): Repository {
  return { ...source, read: async (path) => files.get(path) ?? source.read(path) };
}

describe('scan --plan', () => {
  it('plans every GitHub Actions job with static AWS or Google keys, and says why the others have none', async () => {
    const { plan } = await planOf();
    expect(plan.jobs.map((job) => job.rule).sort()).toEqual(['deploy-deploy', 'deploy-publish-image', 'legacy-release', 'nightly-backup', 'pr-preview-preview']);
    const gitlab = ['build', 'upload', 'oidc-release', '.gcloud', 'deploy-gke', 'deploy-azure'];
    const others = ['.github/actions/upload-artifacts', 'azure-webapp', 'build', 'deploy', 'publish-gcp', 'build', 'upload', 'release'];
    expect(plan.unplanned.map((job) => job.job).sort()).toEqual([...gitlab, ...others].sort());
    expect(plan.migrated).toBe(7);
  });

  it('writes draft policies that validate, bound to the ids given', async () => {
    const { plan } = await planOf({ repositoryId: '8429', ownerId: '1342004' });
    for (const job of plan.jobs) {
      expect(job.problems).toEqual([]);
      const policy = parsePolicy(job.policy, `${job.rule}/policy.yml`);
      const rule = policy.rules.find((candidate) => candidate.name === job.rule)!;
      expect(rule.conditions.find((condition) => condition.claim === 'repository_id')!.matcher).toEqual({ kind: 'equals', values: ['8429'] });
    }
    const deploy = plan.jobs.find((job) => job.rule === 'deploy-deploy')!;
    expect(deploy.policy).toContain('arn:aws:iam::111122223333:role/site-deploy');
    expect(deploy.policy).toContain('environment: "production"');
    expect(deploy.todos).toBe(0);
  });

  it('marks what it cannot know as TODO', async () => {
    const { plan } = await planOf();
    const backup = plan.jobs.find((job) => job.rule === 'nightly-backup')!;
    expect(backup.policy).toMatch(/repository_id: "0" +# TODO/);
    expect(backup.policy).toMatch(/ref: "refs\/heads\/main" +# TODO: the default branch/);
  });

  it('exports trust that lints clean, or says why it refuses', async () => {
    const { plan } = await planOf({ repositoryId: '8429', ownerId: '1342004' });
    const summary = planSummary(plan);
    for (const job of plan.jobs) {
      expect(job.exports.length).toBeGreaterThan(0);
      for (const found of job.exports) {
        if (found.refused === undefined) expect(found.lint.filter((lint) => lint.severity !== 'note')).toEqual([]);
        else expect(summary).toContain(`${found.kind} refused: ${found.refused.split('\n')[0]}`);
      }
      for (const lint of job.lint) expect(summary).toContain(`${lint.severity} ${lint.id} [${job.rule}]`);
    }
    expect(plan.jobs.find((job) => job.rule === 'legacy-release')!.exports[0]!.refused).toMatch(/pull-request/);
  });

  it('writes patches that apply to the corpus files and leave no planned key behind', async () => {
    const { scans, plan } = await planOf();
    for (const workflow of plan.workflows) expect(applyPatch(workflow.original, workflow.diff)).toBe(workflow.patched);
    const [staticRepository] = scans;
    const files = new Map(plan.workflows.filter((workflow) => workflow.repository === staticRepository!.repository).map((workflow) => [workflow.workflow, workflow.patched]));
    const rescan = await scanRepository(patched(staticRepository!.source, files));
    // What the user deletes by hand (a committed credential) is still there; every other key is gone.
    const leftToUser = new Set(plan.workflows.filter((workflow) => workflow.manual.some((note) => note.includes('committed credential'))).map((workflow) => workflow.workflow));
    for (const job of plan.jobs) {
      const after = rescan.jobs.find((candidate) => candidate.path === job.workflow && candidate.name === job.job)!;
      if (!leftToUser.has(job.workflow)) expect([...after.clouds].filter((cloud) => cloud !== 'azure')).toEqual([]);
      expect(after.migrated).toBe(true);
    }
    expect(rescan.findings.filter((found) => found.rule === 'static-keys-reachable-from-forks')).toEqual([]);
  });

  it('grants id-token: write on each planned job', async () => {
    const { plan } = await planOf();
    const deploy = plan.workflows.find((workflow) => workflow.workflow === '.github/workflows/deploy.yml')!;
    expect(deploy.diff).toContain('+    permissions:\n+      contents: read\n+      id-token: write');
  });

  it('lists the secrets that can go once applied, keeping those a job still needs', async () => {
    const { plan } = await planOf();
    expect(plan.deletableSecrets).toEqual(expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'GCP_SA_KEY', 'NIGHTLY_AWS_SECRET', 'PREVIEW_AWS_SECRET']));
    expect(plan.deletableSecrets).not.toContain('AZURE_CLIENT_SECRET');
    expect(plan.deletableSecrets).not.toContain('CI_AWS_SECRET');
  });

  it('prints no planted secret in any file it writes', async () => {
    const { plan } = await planOf();
    const everything = [planSummary(plan), ...plan.jobs.flatMap((job) => [job.policy, ...job.exports.map((found) => found.text ?? '')]), ...plan.workflows.map((workflow) => workflow.diff)];
    expect(plantedIn(everything.join('\n'))).toEqual([]);
  });

  it('leaves a committed credential for the user to delete, rather than copy it into the patch', async () => {
    const { plan } = await planOf();
    const legacy = plan.workflows.find((workflow) => workflow.workflow === '.github/workflows/legacy.yml')!;
    expect(legacy.manual).toEqual(['.github/workflows/legacy.yml:8-10 holds a committed credential: delete it yourself (the patch does not copy it), then revoke it']);
    expect(legacy.patched).toContain('AWS_SECRET_ACCESS_KEY:');
    expect(legacy.diff).toContain('+      - uses: ci-oidc-broker/ci-oidc-broker@v1');
  });
});
