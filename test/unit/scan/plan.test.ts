// `scan --plan` on the corpus, in all four CI systems: every draft policy validates and its lint is
// listed, every export lints clean or its refusal is said, and every patch applies to the corpus file
// and leaves no static key of the planned clouds behind.
import { describe, expect, it } from '@jest/globals';
import { applyPatch } from 'diff';
import { parseDocument } from 'yaml';
import { lintPolicy } from '../../../src/policy/lint/policy-lint.ts';
import { parsePolicy } from '../../../src/policy/load.ts';
import { planMigration, planSummary } from '../../../src/scan/plan/plan.ts';
import type { Repository } from '../../../src/scan/repository.ts';
import { scanPaths, scanRepository } from '../../../src/scan/scan.ts';
import { CORPUS, CORPUS_REPOSITORIES } from './corpus-files.ts';
import { plantedIn } from './planted-secrets.ts';

const REPOSITORIES = CORPUS_REPOSITORIES.map((name) => `${CORPUS}/${name}`);
const MAP = new Map([['AWS_SECRET_ACCESS_KEY', 'arn:aws:iam::111122223333:role/site-deploy']]);

const planOf = async (options: { repositoryId?: string; ownerId?: string; repository?: string } = {}) => {
  const scans = await scanPaths(REPOSITORIES);
  return { scans, plan: await planMigration(scans, { ...options, map: MAP }) };
};

/** The repository with the patched workflows in place of the originals. */
function patched(source: Repository, files: ReadonlyMap<string, string>): Repository {
  return { ...source, read: async (path) => files.get(path) ?? source.read(path) };
}

describe('scan --plan', () => {
  it('plans every job with static AWS or Google keys in each CI system, and says why the others have none', async () => {
    const { plan } = await planOf();
    const rules = (system: string) => plan.jobs.filter((job) => job.system === system).map((job) => job.rule).sort();
    expect(rules('github-actions')).toEqual(['deploy-deploy', 'deploy-publish-image', 'legacy-release', 'nightly-backup', 'pr-preview-preview']);
    expect(rules('gitlab')).toEqual(['deploy-deploy-gke', 'gitlab-ci-build', 'gitlab-ci-oidc-release', 'gitlab-ci-review-app', 'gitlab-ci-upload']);
    expect(rules('circleci')).toEqual(['config-build', 'config-deploy', 'config-publish-gcp']);
    expect(rules('buildkite')).toEqual(['pipeline-build', 'pipeline-release', 'pipeline-upload']);
    expect(plan.unplanned.map((job) => [job.job, job.reason.split(':')[0]]).sort()).toEqual([
      ['.gcloud', 'a template (hidden job)'],
      ['.github/actions/upload-artifacts', 'a composite action'],
      ['azure-webapp', 'Azure only, which ci-oidc-broker does not issue'],
      ['deploy-azure', 'Azure only, which ci-oidc-broker does not issue'],
    ]);
    expect(plan.migrated).toBe(7);
    expect(planSummary(plan)).toContain('16 jobs with static keys have a plan (GitHub Actions 5, GitLab CI 5, CircleCI 3, Buildkite 3)');
  });

  it('writes draft policies that validate, bound to the ids given', async () => {
    const { plan } = await planOf({ repositoryId: '8429', ownerId: '1342004' });
    const ids: Record<string, [string, string]> = { 'github-actions': ['repository_id', 'repository_owner_id'], gitlab: ['project_id', 'namespace_id'] };
    for (const job of plan.jobs) {
      expect([job.rule, job.problems]).toEqual([job.rule, []]);
      const policy = parsePolicy(job.policy, `${job.rule}/policy.yml`);
      const rule = policy.rules.find((candidate) => candidate.name === job.rule)!;
      for (const claim of ids[job.system] ?? []) expect(rule.conditions.find((condition) => condition.claim === claim)!.matcher).toEqual({ kind: 'equals', values: [claim.includes('owner') || claim === 'namespace_id' ? '1342004' : '8429'] });
    }
    const deploy = plan.jobs.find((job) => job.rule === 'deploy-deploy')!;
    expect(deploy.policy).toContain('arn:aws:iam::111122223333:role/site-deploy');
    expect(deploy.policy).toContain('environment: "production"');
    expect(deploy.todos).toBe(0);
  });

  it('binds each CI system’s own ids, refs and environments, and no numeric id where a UUID belongs', async () => {
    const { plan } = await planOf({ repositoryId: '8429', ownerId: '1342004', repository: 'acme/site' });
    const policy = (rule: string) => plan.jobs.find((job) => job.rule === rule)!.policy;
    expect(policy('gitlab-ci-upload')).toContain('      project_id: "8429"\n      ref_protected: "true"\n      ref_type: branch\n      ref: "main"   # TODO: the default branch');
    expect(policy('gitlab-ci-upload')).toContain('pipeline_source: [merge_request_event, external_pull_request_event]');
    expect(policy('deploy-deploy-gke')).toContain('      environment: "production"\n      environment_protected: "true"');
    expect(policy('config-deploy')).toContain('"oidc.circleci.com/vcs-origin": "github.com/acme/site"\n');
    expect(policy('config-deploy')).toContain('"oidc.circleci.com/vcs-ref": "refs/heads/main"');
    expect(policy('config-deploy')).toMatch(/"oidc\.circleci\.com\/project-id": "0{8}-0{4}-0{4}-0{4}-0{12}" +# TODO/);
    expect(policy('pipeline-upload')).toMatch(/organization_id: "0{8}-0{4}-0{4}-0{4}-0{12}" +# TODO/);

    const org = '8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90';
    const project = '0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
    const uuids = await planOf({ repositoryId: project, ownerId: org });
    const circle = uuids.plan.jobs.find((job) => job.rule === 'config-deploy')!;
    expect(circle.policy).toContain(`issuers: ["https://oidc.circleci.com/org/${org}"]\naudiences: ["${org}"]\n`);
    expect(circle.policy).toContain(`"oidc.circleci.com/project-id": "${project}"\n`);
    expect(circle.exports[0]!.text).toContain(`"oidc.circleci.com/org/${org}:oidc.circleci.com/project-id": "${project}"`);
    const buildkite = parsePolicy(uuids.plan.jobs.find((job) => job.rule === 'pipeline-upload')!.policy, 'pipeline-upload.yml');
    expect(buildkite.rules[0]!.conditions.map((condition) => [condition.claim, condition.matcher])).toEqual([
      ['organization_id', { kind: 'equals', values: [org] }],
      ['pipeline_id', { kind: 'equals', values: [project] }],
    ]);
    expect(uuids.plan.jobs.find((job) => job.rule === 'gitlab-ci-upload')!.policy).toMatch(/project_id: "0" +# TODO/);
  });

  it('lints every draft clean of errors: each binds what its system’s lint asks for', async () => {
    const { plan } = await planOf();
    for (const job of plan.jobs) expect([job.rule, lintPolicy(parsePolicy(job.policy, 'p.yml')).filter((found) => found.severity === 'error')]).toEqual([job.rule, []]);
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

  it('writes patches that apply to the corpus files of every system and leave no planned key behind', async () => {
    const { scans, plan } = await planOf();
    expect(new Set(plan.workflows.map((workflow) => workflow.system))).toEqual(new Set(['github-actions', 'gitlab', 'circleci', 'buildkite']));
    for (const workflow of plan.workflows) {
      expect(applyPatch(workflow.original, workflow.diff)).toBe(workflow.patched);
      expect([workflow.workflow, parseDocument(workflow.patched).errors]).toEqual([workflow.workflow, []]);
    }
    // What the user deletes by hand (a committed credential) is still there; every other key is gone.
    const leftToUser = new Set(plan.workflows.filter((workflow) => workflow.manual.some((note) => note.includes('committed credential'))).map((workflow) => workflow.workflow));
    for (const scan of scans) {
      const files = new Map(plan.workflows.filter((workflow) => workflow.repository === scan.repository).map((workflow) => [workflow.workflow, workflow.patched]));
      if (files.size === 0) continue;
      const rescan = await scanRepository(patched(scan.source, files));
      for (const job of plan.jobs.filter((planned) => planned.repository === scan.repository)) {
        const after = rescan.jobs.find((candidate) => candidate.path === job.workflow && candidate.name === job.job)!;
        if (!leftToUser.has(job.workflow)) expect([job.rule, [...after.clouds].filter((cloud) => cloud !== 'azure')]).toEqual([job.rule, []]);
        expect([job.rule, after.migrated]).toEqual([job.rule, true]);
      }
      expect(rescan.findings.filter((found) => found.rule === 'static-keys-reachable-from-forks')).toEqual([]);
    }
  });

  it('hands each system’s jobs their OIDC token as that system does', async () => {
    const { plan } = await planOf();
    const diff = (path: string) => plan.workflows.find((workflow) => workflow.workflow === path)!.diff;
    expect(diff('.gitlab-ci.yml')).toContain('+  id_tokens:\n+    GITLAB_OIDC_TOKEN:\n+      aud: "sts.amazonaws.com"\n');
    expect(diff('.gitlab-ci.yml')).toContain('+    - eval "$(ci-oidc-broker exchange --preset gitlab --policy .gitlab/ci-oidc-broker.yml --aws-role arn:aws:iam::000000000000:role/TODO-gitlab-ci-upload --aws-region eu-west-1)"');
    // The job that already declares a token gets the broker's beside it.
    expect(diff('.gitlab-ci.yml')).toMatch(/id_tokens:\n\+ {4}GITLAB_OIDC_TOKEN:\n\+ {6}aud: "sts.amazonaws.com"\n {5}AWS_ID_TOKEN:/);
    expect(diff('ci/deploy.yml')).toContain('-    - echo "$GCP_SERVICE_KEY" > /tmp/key.json');
    expect(plan.workflows.find((workflow) => workflow.workflow === '.gitlab-ci.yml')!.manual).toEqual([expect.stringMatching(/^job review-app: it runs in merge request pipelines, where the draft's deny rule refuses every exchange/)]);
    expect(diff('.circleci/config.yml')).toContain('ci-oidc-broker exchange --preset circleci --issuer https://oidc.circleci.com/org/00000000-0000-0000-0000-000000000000 --audience 00000000-0000-0000-0000-000000000000');
    expect(diff('.circleci/config.yml')).toContain('>> "$BASH_ENV"');
    expect(diff('.circleci/config.yml')).toContain('+          oidc_role_arn: arn:aws:iam::000000000000:role/TODO-config-build');
    expect(diff('.circleci/config.yml')).toContain('+      - gcp-cli/install');
    expect(diff('.buildkite/pipeline.yml')).toContain('+          - eval "$(ci-oidc-broker exchange --preset buildkite --policy .buildkite/ci-oidc-broker.yml --aws-role');
    expect(diff('.buildkite/pipeline.yml')).toContain('+    command:\n+      - eval "$(ci-oidc-broker exchange --preset buildkite');
  });

  it('grants id-token: write on each planned job', async () => {
    const { plan } = await planOf();
    const deploy = plan.workflows.find((workflow) => workflow.workflow === '.github/workflows/deploy.yml')!;
    expect(deploy.diff).toContain('+    permissions:\n+      contents: read\n+      id-token: write');
  });

  it('lists the secrets that can go once applied, keeping those a job still needs', async () => {
    const { plan } = await planOf();
    expect(plan.deletableSecrets).toEqual(expect.arrayContaining(['AWS_ACCESS_KEY_ID', 'GCP_SA_KEY', 'NIGHTLY_AWS_SECRET', 'PREVIEW_AWS_SECRET']));
    expect(plan.deletableSecrets).toEqual(expect.arrayContaining(['CI_AWS_SECRET', 'GCP_SERVICE_KEY', 'DEPLOY_AWS_SECRET', 'ECR_SECRET_ACCESS_KEY', 'GCLOUD_SERVICE_KEY', 'BK_AWS_SECRET', 'BK_GCP_KEY_JSON']));
    expect(plan.deletableSecrets).not.toContain('AZURE_CLIENT_SECRET');
    expect(plan.deletableSecrets).not.toContain('AZURE_SP_SECRET');
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
