// The bundled action (dist/main, dist/post) driven as a runner drives it, against the sandbox, with the
// real AWS SDK (and the real aws CLI) using what it exported.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { runAwsCli } from '../../src/sandbox/aws/aws-cli.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { findLeaks } from '../helpers/leak-scan.ts';
import { runnerWithPolicy } from '../helpers/policy-runner.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const DEPLOY_ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const OTHER_ROLE = 'arn:aws:iam::111122223333:role/other-repo-only';
const AWS_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION'];

function policyFor(issuer: string): string {
  return `version: 1
issuers: ["${issuer}"]
rules:
  - name: no-pull-requests
    effect: deny
    match:
      event_name: [pull_request, pull_request_target]
  - name: deploy-from-main
    match:
      repository_owner_id: "1342004"
      repository_id: "8429"
      ref: refs/heads/main
      environment: production
    grant:
      aws:
        roles: [${DEPLOY_ROLE}, ${OTHER_ROLE}]
        max-duration: 1h
`;
}

let sandbox: Sandbox;
let runner: SimulatedRunner;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

async function newRunner(envOverrides: Record<string, string | undefined> = {}, policy?: string): Promise<SimulatedRunner> {
  runner = await runnerWithPolicy({ ...sandbox.runnerEnv(), ...envOverrides }, policy ?? policyFor(sandbox.issuer.url));
  return runner;
}

afterEach(async () => {
  // Every scenario, failures included, ends with the leak scan over all it produced.
  const leaks = await findLeaks(runner, sandbox.secretsIssued());
  await runner.dispose();
  sandbox.issuer.runnerTokenShape = {};
  sandbox.issuer.job = { ...sandbox.issuer.job, ref: 'refs/heads/main', eventName: 'push' };
  expect(leaks).toEqual([]);
});

function mainInputs(extra: Record<string, string> = {}): Record<string, string> {
  return { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY_ROLE, ...extra };
}

function errorText(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

function credentialsFrom(r: SimulatedRunner): { accessKeyId: string; secretAccessKey: string; sessionToken: string } {
  return {
    accessKeyId: r.jobEnv.get('AWS_ACCESS_KEY_ID') ?? '',
    secretAccessKey: r.jobEnv.get('AWS_SECRET_ACCESS_KEY') ?? '',
    sessionToken: r.jobEnv.get('AWS_SESSION_TOKEN') ?? '',
  };
}

describe('the main and post steps, end to end', () => {
  it('mints credentials that the AWS SDK can use, reports them, and clears them in the post step', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, mainInputs());
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    for (const name of AWS_VARIABLES) expect(runner.jobEnv.get(name)).toBeTruthy();
    expect(runner.jobEnv.get('AWS_REGION')).toBe(REGION);

    const credentials = credentialsFrom(runner);
    const sts = new STSClient({ region: REGION, endpoint: sandbox.aws.url, credentials, maxAttempts: 1 });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toMatch(/^arn:aws:sts::111122223333:assumed-role\/ci-deploy\/octo-org\.app@9876543210-1-/);
    const iam = new IAMClient({ region: REGION, endpoint: sandbox.aws.url, credentials, maxAttempts: 1 });
    expect((await iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).Role?.Arn).toBe(DEPLOY_ROLE);

    expect(main.outputs.get('aws-account-id')).toBe('111122223333');
    expect(main.outputs.get('policy-rule')).toBe('deploy-from-main');
    expect(main.outputs.has('aws-secret-access-key')).toBe(false);
    expect(main.summary).toContain('deploy-from-main');
    expect(main.summary).toContain('octo-org.app@9876543210-1-');
    expect(main.summary).toContain('<code>ref</code> = <code>refs/heads/main</code>');
    // The account id is masked by default, and the summary is not a log the runner masks.
    expect(main.summary).toContain('arn:aws:iam::***:role/ci-deploy');
    expect(main.summary).not.toContain('111122223333');

    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    for (const name of AWS_VARIABLES) expect(runner.jobEnv.get(name)).toBe('');
    expect(post.summary).toContain('Revocation');
    expect(post.summary).toContain('cleared only');
    expect(post.summary).not.toContain('111122223333');
    expect(post.log.join('\n')).toMatch(/stays valid until it expires at \d{4}-\d\d-\d\dT/);
  });

  it('masks every credential before printing anything, and outputs them only when asked', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, mainInputs({ 'output-credentials': 'true' }));
    expect(main.exitCode).toBe(0);
    const credentials = credentialsFrom(runner);
    expect(main.outputs.get('aws-secret-access-key')).toBe(credentials.secretAccessKey);
    const lines = main.stdout.split('\n');
    const firstMask = lines.findIndex((line) => line === `::add-mask::${credentials.secretAccessKey}`);
    const firstInfoAfterExchange = lines.findIndex((line) => line.startsWith('AWS: assumed '));
    expect(firstMask).toBeGreaterThanOrEqual(0);
    expect(firstMask).toBeLessThan(firstInfoAfterExchange);
    expect(lines).toContain('::add-mask::111122223333');
  });

  it('gives the aws CLI working credentials (a second real client)', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(0);
    const out = await runAwsCli(['sts', 'get-caller-identity', '--region', REGION], { endpointUrl: sandbox.aws.url, env: { HOME: runner.root, ...Object.fromEntries(runner.jobEnv) } });
    if (out === undefined) {
      // Only a developer machine without awscli gets here; .ci/run installs it, and CI=true makes its absence a failure.
      expect(process.env.CI).not.toBe('true');
      console.warn('aws CLI not installed: skipping the awscli check (CI installs it with apt-get)');
    } else {
      expect((JSON.parse(out) as { Account: string }).Account).toBe('111122223333');
    }
    await runner.runPost(POST);
  });

  it('a post step with nothing to clean up succeeds and says so', async () => {
    await newRunner();
    const post = await runner.runPost(POST);
    expect(post.exitCode).toBe(0);
    expect(post.log.join('\n')).toContain('nothing to clean up');
  });
});

describe('failures name what failed and what to do', () => {
  it('a job without `permissions: id-token: write`', async () => {
    await newRunner({ ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('OIDC_PERMISSION_MISSING');
    expect(errorText(main)).toContain('permissions: id-token: write');
    expect(runner.jobEnv.size).toBe(0);
  });

  it('a token for another audience', async () => {
    await newRunner();
    sandbox.issuer.runnerTokenShape = { claims: { aud: 'https://github.com/octo-org' } };
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('TOKEN_AUDIENCE_MISMATCH');
    expect(errorText(main)).toContain('"https://github.com/octo-org"');
    expect(errorText(main)).toContain('"sts.amazonaws.com"');
  });

  it('an expired token', async () => {
    await newRunner();
    sandbox.issuer.runnerTokenShape = { issuedAt: Math.floor(Date.now() / 1000) - 3600 };
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('TOKEN_EXPIRED');
  });

  it('a token with a forged signature', async () => {
    await newRunner();
    sandbox.issuer.runnerTokenShape = { forgeSignature: true };
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('TOKEN_SIGNATURE_INVALID');
  });

  it('a policy denial names the closest rule and the claim that differed', async () => {
    await newRunner();
    sandbox.issuer.job = { ...sandbox.issuer.job, ref: 'refs/heads/dev' };
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    const text = errorText(main);
    expect(text).toContain('POLICY_DENIED');
    expect(text).toContain('deploy-from-main');
    expect(text).toContain('"refs/heads/dev"');
    expect(text).toContain('"refs/heads/main"');
    expect(main.summary).toContain('request denied');
  });

  it('a policy file with a typo points at its line and column', async () => {
    await newRunner({}, policyFor('https://example.invalid').replace('effect: deny', 'efect: deny'));
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    const annotation = main.annotations.find((a) => a.command === 'error');
    expect(annotation?.message).toContain('POLICY_INVALID');
    expect(annotation?.properties.file).toMatch(/ci-oidc-broker\.yml$/);
    expect(annotation?.properties.line).toBe('5');
  });

  it('a missing policy file', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, mainInputs({ policy: '.github/absent.yml' }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('POLICY_NOT_FOUND');
  });

  it('STS AccessDenied points at the trust policy and quotes the sub', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, mainInputs({ 'role-to-assume': OTHER_ROLE }));
    expect(main.exitCode).toBe(1);
    const text = errorText(main);
    expect(text).toContain('AWS_ACCESS_DENIED');
    expect(text).toContain('"repo:octo-org/app:environment:production"');
    expect(text).toContain('trust policy');
  });

  it('STS throttling is retried and then succeeds', async () => {
    await newRunner();
    sandbox.aws.throttle(2);
    const main = await runner.runMain(MAIN, mainInputs());
    expect(errorText(main)).toBe('');
    expect(main.exitCode).toBe(0);
    await runner.runPost(POST);
  });

  // In a child process, as a runner runs it: under jest's VM the SDK cannot recognise Node's socket errors.
  it('an unreachable STS endpoint is retried within the time budget, then named', async () => {
    const closed = await startSandbox();
    const unreachable = closed.aws.url;
    await closed.close();
    await newRunner({ AWS_ENDPOINT_URL_STS: unreachable });
    const main = await runner.runMain(MAIN, mainInputs());
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toMatch(
      /^AWS_EXCHANGE_TIMED_OUT: Gave up assuming arn:aws:iam::111122223333:role\/ci-deploy after 5 attempt\(s\) over \d+\.\d s, because no attempts were left; the last failure was ECONNREFUSED\./,
    );
  });

  it('reads a central policy through the GitHub API, at the pinned ref', async () => {
    sandbox.github.putFiles('octo-org/policies', 'v2', { '.github/ci-oidc-broker.yml': policyFor(sandbox.issuer.url) });
    await newRunner({}, 'version: 1\nrules: []\n');
    const main = await runner.runMain(MAIN, mainInputs({ 'policy-source': 'octo-org/policies@v2', 'github-token': sandbox.github.token }));
    expect(errorText(main)).toBe('');
    expect(main.outputs.get('policy-rule')).toBe('deploy-from-main');
    expect(main.log.join('\n')).toContain('AWS: policy octo-org/policies/.github/ci-oidc-broker.yml@v2: allowed');
    expect(sandbox.github.requests.at(-1)).toEqual({ repository: 'octo-org/policies', path: '.github/ci-oidc-broker.yml', ref: 'v2' });
    await runner.runPost(POST);
  });

  it('a central policy with a token that cannot read it', async () => {
    sandbox.github.putFiles('octo-org/policies', 'v2', { '.github/ci-oidc-broker.yml': policyFor(sandbox.issuer.url) });
    await newRunner();
    const main = await runner.runMain(MAIN, mainInputs({ 'policy-source': 'octo-org/policies@v2', 'github-token': 'ghs_not-a-valid-token' }));
    expect(main.exitCode).toBe(1);
    expect(errorText(main)).toContain('POLICY_SOURCE_INVALID: Reading octo-org/policies/.github/ci-oidc-broker.yml@v2 through the GitHub API failed (HTTP 401).');
    expect(errorText(main)).toContain('Give `github-token` a token that can read octo-org/policies');
  });

  it('reads the policy of the reusable workflow at the commit the token attests', async () => {
    const sha = 'a'.repeat(40);
    sandbox.issuer.job = { ...sandbox.issuer.job, jobWorkflowRef: 'octo-org/.github/.github/workflows/ci-oidc-broker.yml@refs/heads/main', jobWorkflowSha: sha };
    sandbox.github.putFiles('octo-org/.github', sha, { '.github/ci-oidc-broker.yml': policyFor(sandbox.issuer.url) });
    // The default branch moved on to a policy that denies everything; the attested commit is what counts.
    sandbox.github.putFiles('octo-org/.github', 'main', { '.github/ci-oidc-broker.yml': 'version: 1\nrules: []\n' }, { defaultBranch: true });
    try {
      await newRunner();
      const main = await runner.runMain(MAIN, mainInputs({ 'policy-source': 'job-workflow', 'github-token': sandbox.github.token }));
      expect(errorText(main)).toBe('');
      expect(main.log.join('\n')).toContain(`AWS: policy octo-org/.github/.github/ci-oidc-broker.yml@${sha}: allowed`);
      await runner.runPost(POST);
    } finally {
      sandbox.issuer.job = { ...sandbox.issuer.job, jobWorkflowRef: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main', jobWorkflowSha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4' };
    }
  });
});
