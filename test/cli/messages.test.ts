// The CLI, run from source, as a new user meets it: mistakes answered with what to do, in the CLI's own
// terms (flags, not the action's inputs), and nothing called a bug that is not one.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { runCli } from '../helpers/cli.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const EXAMPLE = '.github/ci-oidc-broker.yml';
// The action's words, which the CLI must not use.
const ACTION_WORDING = /`[a-z-]+` input|job summary/;

let sandbox: Sandbox;
let dir: string;
let policy: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  dir = await mkdtemp(join(tmpdir(), 'cli-messages-'));
  policy = join(dir, 'policy.yml');
  await writeFile(
    policy,
    `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: app\n    match: {sub: "repo:octo-org/app:environment:production"}\n    grant: {aws: {roles: [${ROLE}], max-duration: 1h}}\n`,
  );
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

const exchangeEnv = async (): Promise<Record<string, string>> => ({ CI_TOKEN: await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' }), AWS_ENDPOINT_URL_STS: sandbox.aws.url });

describe('input that is not what a command expects', () => {
  it('says a policy path that is a folder is one', async () => {
    const run = await runCli(['policy', 'validate', '.github']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('INPUT_INVALID: .github is a folder, not a policy file.\nHint: Name the policy file itself, such as .github/ci-oidc-broker.yml.\n');
  });

  it('says a missing policy is missing, in terms of the path given', async () => {
    const run = await runCli(['policy', 'lint', 'no-such-policy.yml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('POLICY_NOT_FOUND: No policy file at no-such-policy.yml.');
    expect(run.stderr).toContain('Check the path, which starts at the current directory');
  });

  it.each([
    ['a missing file', null, 'Cannot read the sandbox AWS configuration'],
    ['bad JSON', '{"roles": [', 'not valid JSON'],
    ['the wrong shape', '{"roles": [{"name": "ci"}]}', 'roles[0].trustPolicy must be a policy document'],
  ])('sandbox --aws-config with %s is a usage error that says what is wrong', async (_, content, problem) => {
    const file = join(dir, `sandbox-${problem.length}.json`);
    if (content !== null) await writeFile(file, content);
    const run = await runCli(['sandbox', '--aws-config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`INPUT_INVALID: `);
    expect(run.stderr).toContain(problem);
    expect(run.stderr).toContain('demo/sandbox-aws.json is an example');
    expect(run.stderr).not.toContain('INTERNAL_ERROR');
  });

  it('says revoke found no AWS credentials, and where it looked', async () => {
    const run = await runCli(['revoke', '--role', ROLE, '--issued-before', '2026-01-01T00:00:00Z'], {
      env: { HOME: dir, AWS_EC2_METADATA_DISABLED: 'true', AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_ENDPOINT_URL_IAM: sandbox.aws.url },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('INPUT_INVALID: No AWS credentials were found to write the denial with.');
    expect(run.stderr).toContain('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    expect(run.stderr).toContain('~/.aws/credentials');
    expect(run.stderr).toContain('--revoker-role');
    expect(run.stderr).not.toContain('network');
  });
});

describe('the CLI’s own terms', () => {
  it('names --audience, not the action’s input, when a token is for another audience', async () => {
    const token = join(dir, 'token');
    await writeFile(token, await sandbox.issuer.mint({ audience: 'https://github.com/octo-org' }));
    const run = await runCli(['token', 'verify', '--token', token, '--issuer', sandbox.issuer.url, '--audience', 'sts.amazonaws.com']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TOKEN_AUDIENCE_MISMATCH');
    expect(run.stderr).toContain('--audience');
    expect(run.stderr).not.toMatch(ACTION_WORDING);
  });

  it('points at the explanation it printed, not at a job summary, when exchange is denied', async () => {
    const run = await runCli(['exchange', '--token-env', 'CI_TOKEN', '--issuer', sandbox.issuer.url, '--policy', policy, '--aws-region', 'us-east-1'], {
      env: { ...(await exchangeEnv()), CI_TOKEN: await sandbox.issuer.mint({ audience: 'sts.amazonaws.com', claims: { sub: 'repo:octo-org/other:ref:refs/heads/main' } }) },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('POLICY_DENIED');
    expect(run.stderr).toContain("the explanation above shows every rule's result");
    expect(run.stderr).not.toMatch(ACTION_WORDING);
  });

  it('says on stderr that a session was capped at the rule’s max-duration, as the action’s notice does', async () => {
    const run = await runCli(['exchange', '--token-env', 'CI_TOKEN', '--issuer', sandbox.issuer.url, '--policy', policy, '--aws-region', 'us-east-1', '--aws-duration', '2h', '--format', 'json'], { env: await exchangeEnv() });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('notice: the AWS session lasts 3600 s, not the 7200 s asked for: rule "app" grants at most that (max-duration).\n');
    expect(JSON.parse(run.stdout)).toMatchObject({ rule: 'app' });
  });

  it('names a session after the job’s project and run, readably', async () => {
    const run = await runCli(['exchange', '--preset', 'github-actions', '--token-env', 'CI_TOKEN', '--issuer', sandbox.issuer.url, '--policy', policy, '--aws-region', 'us-east-1', '--format', 'json'], {
      env: { ...(await exchangeEnv()), GITHUB_JOB: 'deploy' },
    });
    expect(run.code).toBe(0);
    const { aws } = JSON.parse(run.stdout) as { aws: { assumedRoleId: string } };
    expect(aws.assumedRoleId).toMatch(new RegExp(`:octo-org\\.app@${sandbox.issuer.job.runId}-${sandbox.issuer.job.runAttempt}-deploy$`));
  });
});

describe('claims for explain and test', () => {
  it('says the claims lack `iss`, rather than that the issuer is not accepted', async () => {
    const claims = join(dir, 'no-iss.json');
    await writeFile(claims, JSON.stringify({ sub: 'repo:octo-org/app:environment:production' }));
    const run = await runCli(['policy', 'explain', policy, '--claims', claims]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`INPUT_INVALID: The claims in ${claims} have no \`iss\` claim`);
    expect(run.stderr).not.toContain('does not accept tokens from this issuer');
  });

  it('takes what `token verify --format json` prints as the claims', async () => {
    const token = join(dir, 'token-ok');
    await writeFile(token, await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' }));
    const verified = await runCli(['token', 'verify', '--token', token, '--issuer', sandbox.issuer.url, '--audience', 'sts.amazonaws.com', '--format', 'json']);
    expect(verified.code).toBe(0);
    const claims = join(dir, 'verified.json');
    await writeFile(claims, verified.stdout);
    const run = await runCli(['policy', 'explain', policy, '--claims', claims]);
    expect(run.stdout).toContain('Allowed by rule "app".');
    expect(run.code).toBe(0);
  });

  it('says which test case lacks `iss` when it fails for that reason', async () => {
    const cases = join(dir, 'cases.yml');
    await writeFile(cases, '- name: main deploys\n  claims: {sub: "repo:octo-org/app:environment:production"}\n  expect: {decision: allow, rule: app}\n');
    const run = await runCli(['policy', 'test', policy, '--cases', cases]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`  the case's claims carry no "iss": add the issuer the job's token carries (${sandbox.issuer.url})`);
  });
});

describe('the policy file, as the argument or with --policy', () => {
  it.each([
    ['validate', ['policy', 'validate', '--policy', EXAMPLE], 0],
    ['lint', ['policy', 'lint', '--policy', EXAMPLE], 0],
    ['explain', ['policy', 'explain', EXAMPLE, '--claims', 'CLAIMS'], 1],
    ['test', ['policy', 'test', '--policy', EXAMPLE, '--cases', 'CASES'], 0],
  ])('%s takes either form', async (_, args, code) => {
    const claims = join(dir, 'explain-claims.json');
    await writeFile(claims, JSON.stringify({ iss: 'https://token.actions.githubusercontent.com', sub: 'x' }));
    const cases = join(dir, 'explain-cases.yml');
    await writeFile(cases, '- name: stranger\n  claims: {iss: "https://token.actions.githubusercontent.com", sub: x}\n  expect: {decision: deny}\n');
    const run = await runCli(args.map((arg) => (arg === 'CLAIMS' ? claims : arg === 'CASES' ? cases : arg)));
    expect(run.stderr).not.toContain('error:');
    expect(run.code).toBe(code);
  });

  it('exports from a policy given as the argument', async () => {
    const run = await runCli(['policy', 'export', policy, '--gcp-attribute-condition']);
    expect(run.stderr).not.toContain('error:');
  });

  it.each([
    [['policy', 'validate'], 'error: name the policy file, as the argument or with --policy FILE'],
    [['policy', 'validate', EXAMPLE, '--policy', 'other.yml'], 'error: the policy file is given twice'],
  ])('refuses %j with a usage error', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('long outputs, the version and the help', () => {
  it('summarises a 20,000-rule policy in one short line', async () => {
    const big = join(dir, 'big.yml');
    const rules = Array.from({ length: 20_000 }, (_, i) => `  - name: rule-${i}\n    match: {sub: "repo:octo-org/app-${i}:ref:refs/heads/main"}\n    grant: {aws: {roles: [${ROLE}]}}`);
    await writeFile(big, `version: 1\nrules:\n  - name: no-prs\n    effect: deny\n    match: {event_name: pull_request}\n${rules.join('\n')}\n`);
    const run = await runCli(['policy', 'validate', big]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toHaveLength(2);
    expect(run.stdout.length).toBeLessThan(400);
    expect(run.stdout).toContain('valid; 20001 rules (20000 allow, 1 deny): no-prs (deny), rule-0 (allow),');
    expect(run.stdout).toContain('and 19991 more (--format json lists them all)');
  });

  it('prints its version', async () => {
    const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const run = await runCli(['--version']);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('names every server of the sandbox in its help, Google’s token URL included', async () => {
    const run = await runCli(['sandbox', '--help']);
    expect(run.code).toBe(0);
    for (const server of ['OIDC issuer', 'AWS STS and IAM', 'Google STS', 'URL/v1/token', 'Google IAM Credentials', 'GitHub contents API', '--gcp-token-url', '--gcp-iam-credentials-url']) expect(run.stdout).toContain(server);
  });
});

describe('aws-credential-process profiles', () => {
  it('reads a relative policy path from the profile file’s folder, whatever folder the `aws` CLI runs in', async () => {
    const profiles = join(dir, 'ci');
    await mkdir(profiles, { recursive: true });
    await writeFile(join(profiles, 'broker.yml'), await readFile(policy, 'utf8'));
    await writeFile(join(profiles, 'profiles.yml'), `profiles:\n  deploy:\n    token-env: CI_TOKEN\n    issuer: ${sandbox.issuer.url}\n    policy: broker.yml\n    aws-role: ${ROLE}\n    aws-region: us-east-1\n`);
    const run = await runCli(['aws-credential-process', '--profile', 'deploy', '--config', join(profiles, 'profiles.yml')], { env: await exchangeEnv(), cwd: tmpdir() });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ Version: 1 });
  });
});
