// `scan --plan` on GitLab, CircleCI and Buildkite files the corpus does not hold: the refs each system's
// file names (GitLab's only: and tags, Buildkite's branches:), a script written as a literal block, and
// a variables mapping that keeps what is not a key. Each patch applies and leaves its jobs on OIDC.
import { describe, expect, it } from '@jest/globals';
import { applyPatch } from 'diff';
import { parseDocument } from 'yaml';
import { parsePolicy } from '../../../src/policy/load.ts';
import { planMigration } from '../../../src/scan/plan/plan.ts';
import type { Repository } from '../../../src/scan/repository.ts';
import { scanRepository } from '../../../src/scan/scan.ts';

function memory(files: Record<string, string>): Repository {
  return {
    display: 'memory',
    read: async (path) => files[path],
    list: async (dir) => Object.keys(files).filter((path) => path.startsWith(`${dir}/`) && !path.slice(dir.length + 1).includes('/')).map((path) => path.slice(dir.length + 1)),
    folders: async () => [],
  };
}

const GITLAB = `variables:
  AWS_REGION: eu-central-1
  AWS_ACCESS_KEY_ID: $RELEASE_KEY_ID
  AWS_SECRET_ACCESS_KEY: $RELEASE_SECRET

publish:
  image: amazon/aws-cli
  script: |
    aws s3 cp dist/ s3://acme-dist/ --recursive
  only: [main, release]

tag-release:
  image: amazon/aws-cli
  script: aws s3 cp dist/ "s3://acme-releases/$CI_COMMIT_TAG/" --recursive
  rules:
    - if: $CI_COMMIT_TAG
`;

const BUILDKITE = `steps:
  - label: deploy
    branches: main
    env:
      AWS_ACCESS_KEY_ID: $BK_KEY_ID
      AWS_SECRET_ACCESS_KEY: $BK_SECRET
    command: |
      aws s3 sync dist/ s3://acme-site
`;

async function planned(files: Record<string, string>) {
  const repository = memory(files);
  const scan = await scanRepository(repository);
  const plan = await planMigration([scan], { map: new Map([['RELEASE_SECRET', 'arn:aws:iam::111122223333:role/release'], ['BK_SECRET', 'arn:aws:iam::111122223333:role/deploy']]) });
  const patched = new Map(plan.workflows.map((workflow) => [workflow.workflow, workflow.patched]));
  const rescan = await scanRepository({ ...repository, read: async (path) => patched.get(path) ?? files[path] });
  return { plan, rescan };
}

describe('scan --plan beyond the corpus', () => {
  it('binds GitLab rules to the branches of only: and to tags, and opens a literal script and a one-line one', async () => {
    const { plan, rescan } = await planned({ '.gitlab-ci.yml': GITLAB });
    const rule = (name: string) => parsePolicy(plan.jobs.find((job) => job.job === name)!.policy, 'p.yml').rules.find((candidate) => candidate.effect === 'allow')!;
    const claims = (name: string) => Object.fromEntries(rule(name).conditions.map((condition) => [condition.claim, condition.matcher.kind === 'equals' ? condition.matcher.values : condition.matcher.pattern]));
    expect(claims('publish')).toMatchObject({ ref_protected: ['true'], ref_type: ['branch'], ref: ['main', 'release'] });
    expect(claims('tag-release')).toMatchObject({ ref_protected: ['true'], ref_type: ['tag'] });
    expect(claims('tag-release')).not.toHaveProperty('ref');
    const [workflow] = plan.workflows;
    expect(applyPatch(workflow!.original, workflow!.diff)).toBe(workflow!.patched);
    expect(parseDocument(workflow!.patched).errors).toEqual([]);
    // The region stays; the keys go; each job opens with its exchange, in the region the pipeline names.
    expect(workflow!.patched).toContain('variables:\n  AWS_REGION: eu-central-1\n\npublish:');
    expect(workflow!.patched).toContain('  script: |\n    eval "$(ci-oidc-broker exchange --preset gitlab --policy .gitlab/ci-oidc-broker.yml --aws-role arn:aws:iam::111122223333:role/release --aws-region eu-central-1)"\n    aws s3 cp');
    expect(workflow!.patched).toContain('  script:\n    - eval "$(ci-oidc-broker exchange --preset gitlab');
    expect(workflow!.patched).toContain('\n    - aws s3 cp dist/ "s3://acme-releases/$CI_COMMIT_TAG/" --recursive\n');
    for (const job of rescan.jobs) expect([job.name, [...job.clouds], job.migrated]).toEqual([job.name, [], true]);
    expect(plan.deletableSecrets).toEqual(['RELEASE_KEY_ID', 'RELEASE_SECRET']);
  });

  it('binds a Buildkite step to its branches only with build_source: webhook, and opens its literal command', async () => {
    const { plan, rescan } = await planned({ '.buildkite/pipeline.yml': BUILDKITE });
    const [job] = plan.jobs;
    expect(job!.policy).toContain('      build_branch: "main"\n      build_source: webhook\n');
    expect(job!.lint.filter((found) => found.severity !== 'note')).toEqual([]);
    const [workflow] = plan.workflows;
    expect(workflow!.patched).toBe(`steps:
  - label: deploy
    branches: main
    command: |
      eval "$(ci-oidc-broker exchange --preset buildkite --policy .buildkite/ci-oidc-broker.yml --aws-role arn:aws:iam::111122223333:role/deploy --aws-region us-east-1)"
      aws s3 sync dist/ s3://acme-site
`.replace('command: |', 'command: |   # TODO: the region'));
    expect(rescan.jobs.map((scanned) => [scanned.name, [...scanned.clouds], scanned.migrated])).toEqual([['deploy', [], true]]);
  });
});
