// The CLI, run from source, where a token could leak: pasted where a file or variable name belongs,
// quoted back by the argument parser, or printed as credentials inside a GitHub Actions job.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { SimulatedRunner } from '../../src/sandbox/runner/simulated-runner.ts';
import { CLI_SOURCE, runCli } from '../helpers/cli.ts';
import { findLeaks, leaksInOutput } from '../helpers/leak-scan.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const POLICY = '.github/ci-oidc-broker.yml';

let sandbox: Sandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  token = await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' });
});
afterAll(() => sandbox.close());

describe('a token given where a file or a variable name belongs', () => {
  const cases: Array<[string, () => string[]]> = [
    ['token verify --token', () => ['token', 'verify', '--token', token, '--issuer', sandbox.issuer.url, '--audience', 'sts.amazonaws.com']],
    ['policy explain --token', () => ['policy', 'explain', POLICY, '--token', token]],
    ['exchange --token-file', () => ['exchange', '--token-file', token, '--issuer', sandbox.issuer.url, '--policy', POLICY, '--aws-role', ROLE, '--aws-region', 'us-east-1']],
    ['exchange --token-env', () => ['exchange', '--token-env', token, '--issuer', sandbox.issuer.url, '--policy', POLICY, '--aws-role', ROLE, '--aws-region', 'us-east-1']],
    ['aws-credential-process --token-file', () => ['aws-credential-process', '--token-file', token, '--issuer', sandbox.issuer.url, '--policy', POLICY, '--aws-role', ROLE, '--aws-region', 'us-east-1']],
    ['revoke --token-file', () => ['revoke', '--role', ROLE, '--issued-before', '2026-01-01T00:00:00Z', '--revoker-role', ROLE, '--token-file', token]],
    ['revoke --token-env', () => ['revoke', '--role', ROLE, '--issued-before', '2026-01-01T00:00:00Z', '--revoker-role', ROLE, '--token-env', token]],
  ];

  it.each(cases)('%s: says a token was given, suggests --token-env, and never echoes it', async (_, args) => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^INPUT_INVALID: A token was given where the (token file's name|name of an environment variable) was expected; it is not repeated here\./);
    expect(run.stderr).toContain('--token-env');
    expect(leaksInOutput(run, [token])).toEqual([]);
  });

  it.each([
    ['as a command', () => [token]],
    ['as the value of an option with choices', () => ['token', 'verify', '--format', token, '--token', '-', '--issuer', sandbox.issuer.url, '--audience', 'x']],
    ['as an extra argument', () => ['lint', 'aws-trust-policy', 'trust.json', token]],
  ])('is kept out of the parser’s own errors when given %s', async (_, args) => {
    const run = await runCli(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error:');
    expect(leaksInOutput(run, [token])).toEqual([]);
  });
});

describe('exchange inside a GitHub Actions job', () => {
  let runner: SimulatedRunner;
  beforeAll(async () => {
    runner = await SimulatedRunner.create({ env: sandbox.runnerEnv() });
    await mkdir(join(runner.workspace, '.github'));
    await writeFile(
      join(runner.workspace, POLICY),
      `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: app\n    match: {sub: "repo:octo-org/app:environment:production"}\n    grant: {aws: {roles: [${ROLE}]}}\n`,
    );
  });
  afterAll(() => runner.dispose());

  it('masks every secret on stderr before `--format github-env >> $GITHUB_ENV` hands the credentials to later steps', async () => {
    const step = await runner.runShell(`"${process.execPath}" "${CLI_SOURCE}" exchange --preset github-actions --issuer ${sandbox.issuer.url} --policy ${POLICY} --aws-region us-east-1 --format github-env >> "$GITHUB_ENV"`);
    expect(step.stderr.split('\n').filter((line) => line && !line.startsWith('::add-mask::'))).toEqual([]);
    expect(step.exitCode).toBe(0);
    const secret = runner.jobEnv.get('AWS_SECRET_ACCESS_KEY') ?? '';
    expect(sandbox.secretsIssued().credentials).toContain(secret);
    expect(step.stderr).toContain(`::add-mask::${secret}\n`);
    expect(await findLeaks(runner, sandbox.secretsIssued())).toEqual([]);
  });

  it('prints no workflow command outside GitHub Actions', async () => {
    const run = await runCli(['exchange', '--token-env', 'CI_TOKEN', '--issuer', sandbox.issuer.url, '--policy', join(runner.workspace, POLICY), '--aws-region', 'us-east-1'], {
      env: { CI_TOKEN: await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' }), AWS_ENDPOINT_URL_STS: sandbox.aws.url },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('export AWS_SECRET_ACCESS_KEY=');
    expect(run.stderr).toBe('');
  });
});
