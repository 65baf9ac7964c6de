// The AWS inputs that users of configure-aws-credentials rely on, through the bundled action against
// the sandbox: named profiles (two accounts' roles in one job), role chaining granted by the policy, a
// token read from a file, outputs without environment, and clearing what earlier steps left.
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { githubTrustPolicy, startSandbox, type Sandbox } from '../../src/sandbox/index.ts';
import type { IssuedSession, RoleDefinition } from '../../src/sandbox/aws/aws-emulator.ts';
import { REVOKER_ACTIONS } from '../../src/providers/aws/session-denial.ts';
import type { SimulatedRunner, StepResult } from '../../src/sandbox/runner/simulated-runner.ts';
import { expectNoLeaksAndDispose, unmaskableDuring } from '../helpers/leak-scan.ts';
import { policyWithOneRule, runnerWithPolicy } from '../helpers/policy-runner.ts';
import { MAIN, POST } from '../helpers/dist.ts';

const REGION = 'us-east-1';
const ACCOUNT = '111122223333';
const arn = (name: string): string => `arn:aws:iam::${ACCOUNT}:role/${name}`;
const DEPLOY = arn('ci-deploy');
const AUDIT = arn('ci-audit');
const CHAINED = arn('cross-account-deploy');
const REVOKER = arn('ci-revoker');

let sandbox: Sandbox;
let runner: SimulatedRunner;
// Steps whose OIDC tokens a credential_process fetched, for the AWS SDK that ran it.
const renewalSteps: StepResult[] = [];

beforeAll(async () => {
  const readOwnRole = (name: string): NonNullable<RoleDefinition['permissions']> => ({ 'read-own-role': { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: arn(name) }] } });
  sandbox = await startSandbox({
    roles: (provider): RoleDefinition[] => [
      { name: 'ci-deploy', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'), permissions: { ...readOwnRole('ci-deploy'), chain: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: CHAINED }] } } },
      { name: 'ci-audit', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'), permissions: readOwnRole('ci-audit') },
      // Trusts ci-deploy's sessions only: the second hop of a chain, as a role in another account would.
      { name: 'cross-account-deploy', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: DEPLOY }, Action: 'sts:AssumeRole' }] }, permissions: readOwnRole('cross-account-deploy') },
      { name: 'not-listed', trustPolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: DEPLOY }, Action: 'sts:AssumeRole' }] }, permissions: readOwnRole('not-listed') },
      {
        name: 'ci-revoker',
        trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
        permissions: { revoke: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: [DEPLOY, AUDIT, CHAINED] }] } },
      },
    ],
  });
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => expectNoLeaksAndDispose(runner, unmaskableDuring(sandbox.secretsIssued(), renewalSteps.splice(0))));

async function newRunner(env: Record<string, string | undefined> = {}): Promise<SimulatedRunner> {
  const policy = policyWithOneRule(sandbox.issuer.url, {
    name: 'deploy',
    match: '{repository: octo-org/app}',
    grant: { aws: `{roles: [${DEPLOY}, ${AUDIT}], revoke-role: ${REVOKER}, chain-to: [${CHAINED}]}` },
  });
  runner = await runnerWithPolicy({ ...sandbox.runnerEnv(), ...env }, policy);
  return runner;
}

function inputs(extra: Record<string, string> = {}): Record<string, string> {
  return { issuer: sandbox.issuer.url, 'aws-region': REGION, 'role-to-assume': DEPLOY, ...extra };
}

function errors(step: StepResult): string {
  return step.annotations.filter((a) => a.command === 'error').map((a) => a.message).join('\n');
}

function client<T>(Client: new (config: object) => T, session: Pick<IssuedSession, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>): T {
  return new Client({ region: REGION, endpoint: sandbox.aws.url, maxAttempts: 1, credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken } });
}

/** Whether the session may still read its own role: IAM's answer once the post step denied it. */
async function canReadRole(session: IssuedSession): Promise<string> {
  return client(IAMClient, session)
    .send(new GetRoleCommand({ RoleName: session.roleName }))
    .then(
      () => 'allowed',
      (error: Error) => error.name,
    );
}

const sessionsSince = (count: number): IssuedSession[] => sandbox.aws.sessions.slice(count);

describe('aws-profile', () => {
  it('two steps write two named profiles into one config file; both work, and the post steps deny and remove both', async () => {
    await newRunner();
    const start = sandbox.aws.sessions.length;
    const deploy = await runner.runMain(MAIN, inputs({ 'aws-profile': 'deploy' }));
    const audit = await runner.runMain(MAIN, inputs({ 'aws-profile': 'audit', 'role-to-assume': AUDIT }));
    expect(errors(deploy) + errors(audit)).toBe('');
    // A named profile is found through AWS_CONFIG_FILE alone: no keys, no AWS_PROFILE.
    const configFile = runner.jobEnv.get('AWS_CONFIG_FILE')!;
    expect([...runner.jobEnv.keys()].sort()).toEqual(['AWS_CONFIG_FILE']);

    const script = join(runner.root, 'profiles.mjs');
    await writeFile(
      script,
      `import { createRequire } from 'node:module';
const require = createRequire(process.argv[2]);
const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
for (const profile of ['deploy', 'audit']) {
  const identity = await new STSClient({ profile }).send(new GetCallerIdentityCommand({}));
  console.log(profile + ' ' + identity.Arn);
}
`,
    );
    const used = await runner.runShell(`"${process.execPath}" "${script}" "${join(process.cwd(), 'package.json')}"`);
    renewalSteps.push(used);
    expect(used.stderr).toBe('');
    expect(used.stdout).toMatch(/^deploy arn:aws:sts::111122223333:assumed-role\/ci-deploy\/octo-org\.app@/m);
    expect(used.stdout).toMatch(/^audit arn:aws:sts::111122223333:assumed-role\/ci-audit\/octo-org\.app@/m);

    const issued = sessionsSince(start);
    expect(new Set(issued.map((session) => session.roleName))).toEqual(new Set(['ci-deploy', 'ci-audit']));
    for (const session of issued) expect(await canReadRole(session)).toBe('allowed');

    // The runner runs post steps in reverse order, each with its own main step's state.
    const posts = [await runner.runPost(POST, audit), await runner.runPost(POST, deploy)];
    for (const post of posts) {
      expect(errors(post)).toBe('');
      expect(post.summary).toContain('<td>revoked</td>');
    }
    expect(posts[0]!.log.join('\n')).toContain('closed the renewing profile "audit"');
    expect(posts[1]!.log.join('\n')).toContain('closed the renewing profile "deploy"');
    expect(existsSync(configFile)).toBe(false);
    // Every session either profile was issued, the renewals included, is denied now.
    for (const session of issued) expect(await canReadRole(session)).toBe('AccessDenied');
  });
});

describe('role chaining', () => {
  it('hops into a role that the rule lists under chain-to, with the first session, and denies both sessions at job end', async () => {
    await newRunner();
    const start = sandbox.aws.sessions.length;
    const main = await runner.runMain(MAIN, inputs({ 'chain-to-role': CHAINED }));
    expect(errors(main)).toBe('');
    const identity = await client(STSClient, {
      accessKeyId: runner.jobEnv.get('AWS_ACCESS_KEY_ID')!,
      secretAccessKey: runner.jobEnv.get('AWS_SECRET_ACCESS_KEY')!,
      sessionToken: runner.jobEnv.get('AWS_SESSION_TOKEN')!,
    }).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toMatch(/^arn:aws:sts::111122223333:assumed-role\/cross-account-deploy\/octo-org\.app@/);
    const [first, chained] = sessionsSince(start);
    expect(first!.roleName).toBe('ci-deploy');
    // The second hop was signed by the first session: the chained role's trust named ci-deploy.
    expect(chained!.subject).toBe(first!.arn);

    const post = await runner.runPost(POST);
    expect(errors(post)).toBe('');
    expect(post.summary.match(/<td>revoked<\/td>/g)).toHaveLength(2);
    expect(await canReadRole(first!)).toBe('AccessDenied');
    expect(await canReadRole(chained!)).toBe('AccessDenied');
  });

  it('renews both hops through a renewing profile, and denies every session of both roles at job end', async () => {
    await newRunner();
    const start = sandbox.aws.sessions.length;
    const main = await runner.runMain(MAIN, inputs({ 'chain-to-role': CHAINED, 'aws-renew-credentials': 'true' }));
    expect(errors(main)).toBe('');
    const script = join(runner.root, 'whoami.mjs');
    await writeFile(
      script,
      `import { createRequire } from 'node:module';
const { STSClient, GetCallerIdentityCommand } = createRequire(process.argv[2])('@aws-sdk/client-sts');
console.log((await new STSClient({}).send(new GetCallerIdentityCommand({}))).Arn);
`,
    );
    const used = await runner.runShell(`"${process.execPath}" "${script}" "${join(process.cwd(), 'package.json')}"`);
    renewalSteps.push(used);
    expect(used.stderr).toBe('');
    expect(used.stdout).toMatch(/^arn:aws:sts::111122223333:assumed-role\/cross-account-deploy\/octo-org\.app@/);
    const issued = sessionsSince(start);
    // The main step's two hops, then the renewal's two.
    expect(issued.map((session) => session.roleName)).toEqual(['ci-deploy', 'cross-account-deploy', 'ci-deploy', 'cross-account-deploy']);

    const post = await runner.runPost(POST);
    expect(errors(post)).toBe('');
    expect(post.summary.match(/<td>revoked<\/td>/g)).toHaveLength(2);
    for (const session of issued) expect(await canReadRole(session)).toBe('AccessDenied');
  });

  it('never hops into a role the rule does not list, and assumes nothing at all then', async () => {
    await newRunner();
    const start = sandbox.aws.sessions.length;
    const main = await runner.runMain(MAIN, inputs({ 'chain-to-role': arn('not-listed') }));
    expect(main.exitCode).toBe(1);
    expect(errors(main)).toContain(`ROLE_NOT_GRANTED: Rule "deploy" does not let its sessions chain into ${arn('not-listed')}; it lists ${CHAINED}.`);
    expect(sandbox.aws.sessions.length).toBe(start);
    expect(runner.jobEnv.size).toBe(0);
  });
});

describe('web-identity-token-file', () => {
  it('reads the token from a file, verifies and decides it like the runner’s, and needs no id-token permission', async () => {
    await newRunner({ ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined });
    const tokenFile = join(runner.root, 'eks-token');
    await writeFile(tokenFile, `${await sandbox.issuer.mint({ audience: 'sts.amazonaws.com' })}\n`);
    const main = await runner.runMain(MAIN, inputs({ 'web-identity-token-file': tokenFile }));
    expect(errors(main)).toBe('');
    expect(main.log.join('\n')).toContain('AWS: policy .github/ci-oidc-broker.yml: allowed');
    expect(runner.jobEnv.get('AWS_ACCESS_KEY_ID')).toMatch(/^ASIA/);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });

  it('refuses a token in the file that was minted for another audience', async () => {
    await newRunner();
    const tokenFile = join(runner.root, 'eks-token');
    await writeFile(tokenFile, await sandbox.issuer.mint({ audience: 'https://kubernetes.default.svc' }));
    const main = await runner.runMain(MAIN, inputs({ 'web-identity-token-file': tokenFile }));
    expect(main.exitCode).toBe(1);
    expect(errors(main)).toContain('TOKEN_AUDIENCE_MISMATCH');
    expect(runner.jobEnv.size).toBe(0);
  });
});

describe('output-env-credentials and unset-current-credentials', () => {
  it('clears the keys an earlier step left, then sets outputs only', async () => {
    await newRunner();
    const earlier = await runner.runShell('printf "AWS_ACCESS_KEY_ID=AKIAEARLIERSTEPKEY01\\nAWS_PROFILE=old\\n" >> "$GITHUB_ENV"');
    expect(earlier.exitCode).toBe(0);
    const main = await runner.runMain(MAIN, inputs({ 'unset-current-credentials': 'true', 'output-env-credentials': 'false', 'output-credentials': 'true' }));
    expect(errors(main)).toBe('');
    expect(main.log.join('\n')).toContain('AWS: cleared AWS_ACCESS_KEY_ID, AWS_PROFILE, left by earlier steps (unset-current-credentials).');
    expect(Object.fromEntries(runner.jobEnv)).toEqual({ AWS_ACCESS_KEY_ID: '', AWS_PROFILE: '' });
    expect(main.outputs.get('aws-access-key-id')).toMatch(/^ASIA/);
    const identity = await client(STSClient, {
      accessKeyId: main.outputs.get('aws-access-key-id')!,
      secretAccessKey: main.outputs.get('aws-secret-access-key')!,
      sessionToken: main.outputs.get('aws-session-token')!,
    }).send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toMatch(/assumed-role\/ci-deploy\//);
    expect((await runner.runPost(POST)).exitCode).toBe(0);
  });

  it('refuses outputs only together with a profile, which the environment must name', async () => {
    await newRunner();
    const main = await runner.runMain(MAIN, inputs({ 'aws-profile': 'deploy', 'output-env-credentials': 'false' }));
    expect(main.exitCode).toBe(1);
    expect(errors(main)).toContain('INPUT_INVALID: `output-env-credentials: false` cannot be combined with `aws-profile`');
  });
});
