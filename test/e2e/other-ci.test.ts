// The broker from other CI systems: GitLab-, CircleCI- and Buildkite-shaped tokens exchanged by the
// bundled CLI against the sandbox, allowed and denied; and the real awscli through credential_process.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { githubTrustPolicy, SANDBOX_GCP_PROVIDER, SANDBOX_GCP_SERVICE_ACCOUNT, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import { runAwsCli } from '../../src/sandbox/aws/aws-cli.ts';
import { ciTokenClaims } from '../../src/sandbox/issuer/ci-claims.ts';
import { OidcIssuer } from '../../src/sandbox/issuer/oidc-issuer.ts';
import { CLI } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

// Each CI system's role trusts its own subject shape, as each system's setup guide has you write it.
const SUBJECTS = {
  gitlab: 'project_path:octo-group/app:*',
  circleci: 'org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90/project/0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4/*',
  buildkite: 'organization:octo-org:pipeline:deploy:*',
} as const;
type System = keyof typeof SUBJECTS;

let sandbox: Sandbox;
let dir: string;

function policyFor(issuer: string): string {
  return `version: 1
issuers: ["${issuer}"]
audiences: [sts.amazonaws.com]
rules:
  - name: no-fork-merge-requests
    effect: deny
    match: {pipeline_source: merge_request_event}
  - name: gitlab-deploy
    match: {project_id: "4321", namespace_id: "72", ref_protected: "true"}
    grant: {aws: {roles: [${role('gitlab-deploy')}]}}
  - name: circleci-deploy
    match:
      "oidc.circleci.com/project-id": 0b1c7d2e-3f4a-4b5c-8d6e-7f8091a2b3c4
      "oidc.circleci.com/vcs-origin": github.com/octo-org/app
    grant: {aws: {roles: [${role('circleci-deploy')}]}}
  - name: buildkite-deploy
    match: {organization_id: 0190e0a1-2b3c-4d5e-8f60-718293a4b5c6, pipeline_slug: deploy, build_branch: main}
    grant: {aws: {roles: [${role('buildkite-deploy')}]}}
`;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    roles: (provider) => (Object.keys(SUBJECTS) as System[]).map((system) => ({ name: `${system}-deploy`, trustPolicy: githubTrustPolicy(provider, SUBJECTS[system]) })),
  });
  dir = await mkdtemp(join(tmpdir(), 'other-ci-'));
  await writeFile(join(dir, 'policy.yml'), policyFor(sandbox.issuer.url));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await sandbox.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return promisify(execFile)(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', AWS_ENDPOINT_URL_STS: sandbox.aws.url, ...env } }).then(
    (out) => ({ code: 0, ...out }),
    (error: Run) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

function exchangeArgs(system: System, extra: string[] = []): string[] {
  return ['exchange', '--token-env', 'CI_TOKEN', '--issuer', sandbox.issuer.url, '--policy', join(dir, 'policy.yml'), '--aws-role', role(`${system}-deploy`), '--aws-region', REGION, ...extra];
}

function token(system: System, overrides: Record<string, unknown> = {}): Promise<string> {
  return sandbox.issuer.mint({ audience: 'sts.amazonaws.com', claims: ciTokenClaims(system, overrides) });
}

/** Nothing secret on stderr, and the OIDC token nowhere. */
function expectNoLeak(run: Run, secrets: string[]): void {
  for (const secret of secrets) expect(run.stderr).not.toContain(secret);
  expect(run.stdout).not.toContain(secrets[0]!);
}

describe.each([
  ['gitlab', { pipeline_source: 'merge_request_event', project_id: '9999', project_path: 'someone/app-fork' }, 'no-fork-merge-requests'],
  ['circleci', { 'oidc.circleci.com/vcs-origin': 'github.com/someone/app-fork' }, 'no allow rule matched'],
  ['buildkite', { organization_id: '0190e0a1-ffff-4fff-8fff-718293a4b5c6', organization_slug: 'other-org' }, 'no allow rule matched'],
] as const)('%s-shaped tokens', (system, deniedClaims, reason) => {
  it('are exchanged for AWS credentials that work, printed as JSON on stdout only', async () => {
    const ciToken = await token(system);
    const run = await cli(exchangeArgs(system, ['--format', 'json']), { CI_TOKEN: ciToken });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { rule: string; aws: { accessKeyId: string; secretAccessKey: string; sessionToken: string } };
    expect(out.rule).toBe(`${system}-deploy`);
    const { accessKeyId, secretAccessKey, sessionToken } = out.aws;
    const sts = new STSClient({ region: REGION, endpoint: sandbox.aws.url, maxAttempts: 1, credentials: { accessKeyId, secretAccessKey, sessionToken } });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toContain(`:assumed-role/${system}-deploy/`);
    expectNoLeak(run, [ciToken, out.aws.secretAccessKey, out.aws.sessionToken]);
  });

  it('are denied when the claims do not match, with the explanation on stderr and no credentials', async () => {
    const ciToken = await token(system, deniedClaims);
    const sessions = sandbox.aws.sessions.length;
    const run = await cli(exchangeArgs(system), { CI_TOKEN: ciToken });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toMatch(/rule "\w+-deploy" \(allow, line \d+\)/);
    expect(sandbox.aws.sessions.length).toBe(sessions);
    expectNoLeak(run, [ciToken]);
  });
});

describe('ci-oidc-broker exchange', () => {
  it('finds the token where a CI system puts it (--preset), and prints dotenv lines to source', async () => {
    const ciToken = await token('circleci');
    const run = await cli(['exchange', '--preset', 'circleci', '--issuer', sandbox.issuer.url, '--policy', join(dir, 'policy.yml'), '--aws-role', role('circleci-deploy'), '--aws-region', REGION], { CIRCLE_OIDC_TOKEN_V2: ciToken });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^export AWS_ACCESS_KEY_ID='ASIA\w+'\nexport AWS_SECRET_ACCESS_KEY='[^']+'\nexport AWS_SESSION_TOKEN='[^']+'\nexport AWS_REGION='us-east-1'\nexport AWS_DEFAULT_REGION='us-east-1'\n$/);
    const sourced = await promisify(execFile)('bash', ['-c', `${run.stdout}\nprintf %s "$AWS_REGION"`]);
    expect(sourced.stdout).toBe('us-east-1');
  });

  it('writes a GitHub-style env file, with a delimiter no value contains', async () => {
    const run = await cli(exchangeArgs('gitlab', ['--format', 'github-env']), { CI_TOKEN: await token('gitlab') });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^AWS_ACCESS_KEY_ID<<ci_oidc_broker_[0-9a-f]{24}$/);
    expect(lines[2]).toBe(lines[0]!.split('<<')[1]);
  });

  it('says where the token should have been, as a usage error', async () => {
    const run = await cli(['exchange', '--preset', 'gitlab', '--issuer', sandbox.issuer.url, '--policy', join(dir, 'policy.yml'), '--aws-role', role('gitlab-deploy'), '--aws-region', REGION]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('None of GITLAB_OIDC_TOKEN, ID_TOKEN is set, where GitLab CI jobs find their OIDC token.');
  });

  it('refuses a token that another issuer signed, before anything reaches STS', async () => {
    const other = await OidcIssuer.start();
    try {
      const sessions = sandbox.aws.sessions.length;
      const run = await cli(exchangeArgs('gitlab', ['--issuer', other.url]), { CI_TOKEN: await token('gitlab') });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^TOKEN_KEY_NOT_FOUND: /);
      expect(sandbox.aws.sessions.length).toBe(sessions);
    } finally {
      await other.close();
    }
  });
});

describe('ci-oidc-broker exchange for Google Cloud', () => {
  it('exchanges a token for a service account’s access token, for gcloud and Terraform', async () => {
    const policyFile = join(dir, 'gcp-policy.yml');
    await writeFile(
      policyFile,
      `version: 1\nissuers: ["${sandbox.issuer.url}"]\nrules:\n  - name: gcp\n    match: {repository_id: "8429"}\n    grant: {gcp: {workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}]}}\n`,
    );
    const ciToken = await sandbox.issuer.mint({ audience: `//iam.googleapis.com/${SANDBOX_GCP_PROVIDER}` });
    const run = await cli(
      ['exchange', '--token-env', 'CI_TOKEN', '--issuer', sandbox.issuer.url, '--policy', policyFile, '--gcp-provider', SANDBOX_GCP_PROVIDER, '--gcp-project', 'octo-project', '--gcp-token-url', sandbox.google.tokenUrl, '--gcp-iam-credentials-url', sandbox.google.url, '--format', 'json'],
      { CI_TOKEN: ciToken },
    );
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as { gcp: { accessToken: string; serviceAccount: string }; environment: Record<string, string> };
    expect(out.gcp.serviceAccount).toBe(SANDBOX_GCP_SERVICE_ACCOUNT);
    expect(out.environment).toEqual({ CLOUDSDK_AUTH_ACCESS_TOKEN: out.gcp.accessToken, GOOGLE_OAUTH_ACCESS_TOKEN: out.gcp.accessToken, GOOGLE_CLOUD_PROJECT: 'octo-project', CLOUDSDK_CORE_PROJECT: 'octo-project', CLOUDSDK_PROJECT: 'octo-project' });
    const info = await fetch(`${sandbox.google.tokenInfoUrl}?access_token=${encodeURIComponent(out.gcp.accessToken)}`);
    expect(((await info.json()) as { email?: string }).email).toBe(SANDBOX_GCP_SERVICE_ACCOUNT);
    expectNoLeak(run, [ciToken, out.gcp.accessToken]);
  });
});

describe('aws-credential-process', () => {
  it('gives the real awscli fresh credentials through a profile’s credential_process', async () => {
    const tokenFile = join(dir, 'gitlab-token');
    await writeFile(tokenFile, await token('gitlab'), { mode: 0o600 });
    const profiles = join(dir, 'profiles.yml');
    await writeFile(profiles, `profiles:\n  deploy:\n    token-file: ${tokenFile}\n    issuer: "${sandbox.issuer.url}"\n    policy: ${join(dir, 'policy.yml')}\n    aws-role: ${role('gitlab-deploy')}\n    aws-region: ${REGION}\n`);
    const config = join(dir, 'aws-config');
    await writeFile(config, `[profile ci]\nregion = ${REGION}\ncredential_process = ${process.execPath} ${join(process.cwd(), CLI)} aws-credential-process --profile deploy --config ${profiles}\n`);

    const direct = await cli(['aws-credential-process', '--profile', 'deploy', '--config', profiles]);
    expect(direct.code).toBe(0);
    expect(Object.keys(JSON.parse(direct.stdout) as object)).toEqual(['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);

    const out = await runAwsCli(['sts', 'get-caller-identity', '--profile', 'ci'], {
      endpointUrl: sandbox.aws.url,
      env: { HOME: dir, AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_ENDPOINT_URL_STS: sandbox.aws.url },
    });
    if (out === undefined) {
      // Only a developer machine without awscli gets here; .ci/run installs it, and CI=true makes its absence a failure.
      expect(process.env.CI).not.toBe('true');
      console.warn('aws CLI not installed: skipping the awscli credential_process check (CI installs it with apt-get)');
    } else {
      expect((JSON.parse(out) as { Arn: string }).Arn).toContain(':assumed-role/gitlab-deploy/');
    }
  });

  it('explains a profile that does not exist', async () => {
    const profiles = join(dir, 'profiles-empty.yml');
    await writeFile(profiles, 'profiles: {}\n');
    const run = await cli(['aws-credential-process', '--profile', 'nope', '--config', profiles]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`The config file ${profiles} has no profile "nope".`);
  });
});
