// The scan corpus (test/fixtures/scan): every case each CI system's reader must find, where it must
// point, what it must leave alone, and that no output of any format holds a planted secret.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import { Ajv, type SchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import { RULES } from '../../../src/scan/findings.ts';
import { scanJson } from '../../../src/scan/formats/json.ts';
import { scanSarif } from '../../../src/scan/formats/sarif.ts';
import { scanTable } from '../../../src/scan/formats/table.ts';
import { scanPaths } from '../../../src/scan/scan.ts';
import { allFindings, summarize } from '../../../src/scan/summary.ts';
import { CORPUS } from './corpus-files.ts';
import { plantedIn } from './planted-secrets.ts';


/** Each repository of the corpus: every finding, as rule and file:line, in the order scan sorts them. */
const EXPECTED: Record<string, Array<[string, string]>> = {
  'github-static': [
    ['static-aws-keys', '.github/actions/upload-artifacts/action.yml:12'],
    ['static-aws-keys', '.github/actions/upload-artifacts/action.yml:13'],
    ['id-token-write-workflow-level', '.github/workflows/deploy.yml:6'],
    ['static-aws-keys', '.github/workflows/deploy.yml:18'],
    ['static-gcp-key', '.github/workflows/deploy.yml:28'],
    ['static-azure-secret', '.github/workflows/deploy.yml:35'],
    ['static-aws-keys', '.github/workflows/legacy.yml:9'],
    ['committed-aws-access-key-id', '.github/workflows/legacy.yml:9'],
    ['committed-credential', '.github/workflows/legacy.yml:10'],
    ['committed-private-key', '.github/workflows/legacy.yml:16'],
    ['static-aws-keys', '.github/workflows/nightly.yml:6'],
    ['static-gcp-key', '.github/workflows/nightly.yml:13'],
    ['static-gcp-key', '.github/workflows/nightly.yml:19'],
    ['static-azure-secret', '.github/workflows/nightly.yml:23'],
    ['secrets-in-privileged-trigger', '.github/workflows/notify.yml:7'],
    ['secrets-in-privileged-trigger', '.github/workflows/pr-preview.yml:6'],
    ['static-keys-reachable-from-forks', '.github/workflows/pr-preview.yml:6'],
    ['static-aws-keys', '.github/workflows/pr-preview.yml:15'],
    ['committed-gcp-service-account-key', 'keys/backup-sa.json:2'],
  ],
  'github-migrated': [
    ['oidc-migrated', '.github/workflows/deploy.yml:22'],
  ],
  'github-oidc-unpoliced': [
    ['oidc-migrated', '.github/workflows/release.yml:12'],
    ['oidc-without-policy', '.github/workflows/release.yml:12'],
    ['oidc-migrated', '.github/workflows/release.yml:23'],
    ['oidc-without-policy', '.github/workflows/release.yml:23'],
    ['oidc-migrated', '.github/workflows/release.yml:33'],
    ['oidc-migrated', '.github/workflows/release.yml:43'],
    ['oidc-without-policy', '.github/workflows/release.yml:43'],
  ],
  'github-wide-trust': [
    ['oidc-migrated', '.github/workflows/deploy.yml:9'],
    ['oidc-wide-trust', '.github/workflows/deploy.yml:9'],
  ],
  'gitlab': [
    ['static-aws-keys', '.gitlab-ci.yml:10'],
    ['oidc-migrated', '.gitlab-ci.yml:31'],
    ['oidc-migrated', '.gitlab-ci.yml:35'],
    ['static-keys-reachable-from-forks', '.gitlab-ci.yml:45'],
    ['static-gcp-key', 'ci/deploy.yml:5'],
    ['static-azure-secret', 'ci/jobs/azure.yml:5'],
    ['static-azure-secret', 'ci/jobs/azure.yml:7'],
  ],
  'circleci': [
    ['static-keys-forks-by-setting', '.circleci/config.yml:8'],
    ['static-aws-keys', '.circleci/config.yml:12'],
    ['static-aws-keys', '.circleci/config.yml:25'],
    ['static-keys-forks-by-setting', '.circleci/config.yml:30'],
    ['static-gcp-key', '.circleci/config.yml:34'],
    ['static-gcp-key', '.circleci/config.yml:38'],
    ['oidc-migrated', '.circleci/config.yml:44'],
  ],
  'buildkite': [
    ['static-gcp-key', '.buildkite/pipeline.yml:2'],
    ['static-keys-forks-by-setting', '.buildkite/pipeline.yml:5'],
    ['static-keys-forks-by-setting', '.buildkite/pipeline.yml:13'],
    ['static-aws-keys', '.buildkite/pipeline.yml:16'],
    ['static-aws-keys', '.buildkite/pipeline.yml:17'],
    ['oidc-migrated', '.buildkite/pipeline.yml:23'],
  ],
  'clean': [
  ],
};

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
  partialFingerprints: Record<string, string>;
}

const scanOf = async (name: string) => scanPaths([`${CORPUS}/${name}`]);

describe('scan on the corpus', () => {
  it.each(Object.keys(EXPECTED))('finds every case in %s, and nothing else', async (name) => {
    const findings = allFindings(await scanOf(name));
    expect(findings.map((found) => [found.rule, `${found.location.file.replace(`${CORPUS}/${name}/`, '')}:${found.location.line}`])).toEqual(EXPECTED[name]);
  });

  it('covers every rule', () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((cases) => cases.map(([rule]) => rule)));
    expect([...Object.keys(RULES)].filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it('reads each CI system, includes and composite actions among them', async () => {
    const files = (await scanPaths(Object.keys(EXPECTED).map((name) => `${CORPUS}/${name}`))).flatMap((scan) => scan.files);
    expect(files).toEqual(
      expect.arrayContaining([
        `${CORPUS}/gitlab/ci/deploy.yml`,
        `${CORPUS}/gitlab/ci/jobs/azure.yml`,
        `${CORPUS}/github-static/.github/actions/upload-artifacts/action.yml`,
        `${CORPUS}/circleci/.circleci/config.yml`,
        `${CORPUS}/buildkite/.buildkite/pipeline.yml`,
      ]),
    );
  });

  it('names the secrets that hold a job’s keys, and counts jobs already on OIDC', async () => {
    const [scan] = await scanOf('github-static');
    const nightly = scan!.jobs.find((job) => job.name === 'backup')!;
    expect([...nightly.clouds].sort()).toEqual(['aws', 'azure', 'gcp']);
    expect([...nightly.secrets.keys()].sort()).toEqual(['AZURE_CLIENT_SECRET', 'NIGHTLY_AWS_KEY_ID', 'NIGHTLY_AWS_SECRET']);
    expect(summarize(await scanOf('github-oidc-unpoliced'))).toMatchObject({ jobs: 4, migrated: 4, static: 0 });
  });

  it('reports committed key material by fingerprint only', async () => {
    const committed = allFindings(await scanOf('github-static')).filter((found) => found.rule.startsWith('committed-'));
    expect(committed).toHaveLength(4);
    for (const found of committed) expect(found.fingerprint).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('refuses a path that is not a folder', async () => {
    await expect(scanPaths([`${CORPUS}/README.md`])).rejects.toMatchObject({ code: 'INPUT_INVALID' });
  });

  it('refuses a CI file that is not YAML, saying where', async () => {
    const { YamlFile } = await import('../../../src/scan/yaml-file.ts');
    expect(() => new YamlFile('w.yml', 'w.yml', 'jobs:\n  a: [\n')).toThrow(/^w\.yml:\d+:\d+: YAML syntax/);
  });
});

describe('scan output', () => {
  const everything = async () => scanPaths(Object.keys(EXPECTED).map((name) => `${CORPUS}/${name}`));

  it('holds no planted secret in any format', async () => {
    const scans = await everything();
    const findings = allFindings(scans);
    for (const output of [scanTable(findings, summarize(scans)), JSON.stringify(scanJson(scans)), JSON.stringify(scanSarif(findings, '0.0.0'))]) expect(plantedIn(output)).toEqual([]);
  });

  it('is SARIF 2.1.0 that validates against the schema', async () => {
    // The OASIS SARIF 2.1.0 schema (its final draft, rtm.5), as @microsoft/jest-sarif ships it: a draft-04
    // schema, whose top-level `id` Ajv 8 reads as `$id`; it uses no other draft-04-only keyword. Its
    // pattern for `language` has a stray `]` that only a non-Unicode RegExp accepts, as draft-04 tools read it.
    const path = createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(await readFile(path, 'utf8')) as SchemaObject;
    schema.$id = schema.id as string;
    delete schema.id;
    delete schema.$schema;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const scans = await everything();
    const sarif = scanSarif(allFindings(scans), '0.1.0');
    expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    // The schema has teeth: a result with an unknown level is refused.
    const [run] = (sarif as { runs: Array<{ results: object[] }> }).runs;
    expect(validate({ ...(sarif as object), runs: [{ ...run, results: [{ ...run!.results[0], level: 'fatal' }] }] })).toBe(false);
  });

  it('gives GitHub code scanning what it needs of each result', async () => {
    const sarif = scanSarif(allFindings(await scanOf('github-static')), '0.1.0') as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; properties: Record<string, string> }> } }; results: SarifResult[] }> };
    const [run] = sarif.runs;
    for (const rule of run!.tool.driver.rules) expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    for (const result of run!.results) {
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).toMatch(/^test\/fixtures\/scan\/github-static\//);
      expect(region.startLine).toBeGreaterThan(0);
      expect(region.startColumn).toBeGreaterThan(0);
      expect(result.message.text).toContain('Fix: ');
      expect(run!.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});
