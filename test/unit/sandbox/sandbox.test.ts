import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { githubTrustPolicy, SANDBOX_ACCOUNT_ID, startSandbox, type Sandbox } from '../../../src/sandbox/index.ts';
import { rejection } from '../../helpers/broker-error.ts';
import { anonymousSts, awsError, clientsFor, STS_AUDIENCE } from './aws-fixture.ts';

describe('githubTrustPolicy', () => {
  it('is the quick start’s trust policy: the provider as principal, sts.amazonaws.com as aud, a sub pattern', () => {
    expect(githubTrustPolicy({ arn: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com', keyPrefix: 'token.actions.githubusercontent.com' }, 'repo:o/r:*')).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: 'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com' },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:o/r:*' },
          },
        },
      ],
    });
  });
});

describe('startSandbox with its defaults', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ job: { runId: '555' } });
  });
  afterAll(() => sandbox.close());

  async function assume(role: string, sessionName = 'default-roles') {
    const sts = anonymousSts(sandbox.aws.url);
    try {
      return await sts.send(
        new AssumeRoleWithWebIdentityCommand({ RoleArn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${role}`, RoleSessionName: sessionName, WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE }) }),
      );
    } finally {
      sts.destroy();
    }
  }

  it('runs the issuer, AWS and GitHub on loopback, in the sandbox account', () => {
    expect(sandbox.accountId).toBe('111122223333');
    expect(sandbox.aws.accountId).toBe(SANDBOX_ACCOUNT_ID);
    for (const url of [sandbox.issuer.url, sandbox.aws.url, sandbox.github.url]) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.issuer.job.runId).toBe('555');
  });

  it('lets this repository assume ci-deploy, whose credentials may read ci-deploy and nothing else', async () => {
    const { Credentials } = await assume('ci-deploy');
    const { iam, sts } = clientsFor(sandbox.aws.url, Credentials!);
    try {
      expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${SANDBOX_ACCOUNT_ID}:assumed-role/ci-deploy/default-roles`);
      expect((await iam.send(new GetRoleCommand({ RoleName: 'ci-deploy' }))).Role?.MaxSessionDuration).toBe(3600);
      expect((await awsError(iam.send(new GetRoleCommand({ RoleName: 'other-repo-only' })))).name).toBe('AccessDenied');
    } finally {
      iam.destroy();
      sts.destroy();
    }
  });

  it('refuses this repository other-repo-only', async () => {
    expect(await awsError(assume('other-repo-only'))).toMatchObject({ name: 'AccessDenied', status: 403 });
  });

  it('gives a job the environment a runner gives it, pointed at the sandbox', () => {
    const env = sandbox.runnerEnv({ GITHUB_JOB: 'release', EXTRA: '1' });
    expect(env).toEqual({
      ACTIONS_ID_TOKEN_REQUEST_URL: expect.stringMatching(new RegExp(`^${sandbox.issuer.tokenRequestUrl.replace(/[.?]/g, '\\$&')}&job=\\d+$`)),
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: sandbox.issuer.tokenRequestBearer,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: 'octo-org/app',
      GITHUB_REPOSITORY_ID: '8429',
      GITHUB_REPOSITORY_OWNER: 'octo-org',
      GITHUB_RUN_ID: '555',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'release',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_WORKFLOW: 'deploy',
      RUNNER_ENVIRONMENT: 'github-hosted',
      AWS_ENDPOINT_URL_STS: sandbox.aws.url,
      AWS_ENDPOINT_URL_IAM: sandbox.aws.url,
      GITHUB_API_URL: sandbox.github.url,
      EXTRA: '1',
    });
  });

  it('describes what runs where, including both default roles', () => {
    const text = sandbox.describe();
    expect(text).toContain(`OIDC issuer              ${sandbox.issuer.url}  (discovery: ${sandbox.issuer.url}/.well-known/openid-configuration; keys: ${sandbox.issuer.jwksUrl})`);
    expect(text).toContain(`runner token URL         ${sandbox.issuer.tokenRequestUrl}`);
    expect(text).toContain(`AWS STS and IAM          ${sandbox.aws.url}  (account 111122223333;`);
    expect(text).toContain('roles                    arn:aws:iam::111122223333:role/ci-deploy, arn:aws:iam::111122223333:role/ci-revoker, arn:aws:iam::111122223333:role/other-repo-only');
    expect(text).toContain(`trust policy keys        ${new URL(sandbox.issuer.url).host}:sub, ${new URL(sandbox.issuer.url).host}:aud`);
    expect(text).not.toContain(sandbox.issuer.tokenRequestBearer);
  });

  it('names every emulator with the URL a step or the CLI is pointed at, Google’s token URL included', () => {
    const text = sandbox.describe();
    const inputs = sandbox.gcpInputs();
    expect(text).toContain(`Google STS token URL     ${inputs['gcp-token-url']}  (--gcp-token-url; the gcp-token-url input)`);
    expect(text).toContain(`Google IAM Credentials   ${inputs['gcp-iam-credentials-url']}  (--gcp-iam-credentials-url; the gcp-iam-credentials-url input)`);
    expect(text).toContain(`Google provider          ${inputs.workload_identity_provider}  (service account ${inputs.service_account})`);
    expect(text).toContain(`GitHub contents API      ${sandbox.github.url}  (GITHUB_API_URL`);
  });

  it('lists every secret it issued, for leak scans', async () => {
    const { Credentials } = await assume('ci-deploy', 'secrets');
    const secrets = sandbox.secretsIssued();
    expect(secrets.credentials).toEqual(expect.arrayContaining([Credentials!.AccessKeyId, Credentials!.SecretAccessKey, Credentials!.SessionToken]));
    expect(secrets.neverExported).toEqual(expect.arrayContaining([sandbox.issuer.tokenRequestBearer, sandbox.github.token, ...sandbox.issuer.minted]));
  });
});

describe('startSandbox with an AWS configuration file', () => {
  let dir: string;
  let sandbox: Sandbox;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-config-'));
    const file = join(dir, 'aws.json');
    await writeFile(
      file,
      JSON.stringify({
        roles: [
          {
            name: 'from-file',
            trustPolicy: {
              Statement: {
                Effect: 'Allow',
                Principal: { Federated: 'arn:aws:iam::{{account}}:oidc-provider/{{provider}}' },
                Action: 'sts:AssumeRoleWithWebIdentity',
                Condition: { StringEquals: { '{{provider}}:aud': 'sts.amazonaws.com', '{{provider}}:sub': 'repo:octo-org/app:environment:production' } },
              },
            },
          },
        ],
        managedPolicies: { 'from-file-policy': { Statement: { Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' } } },
      }),
    );
    // The file replaces the roles given in code.
    sandbox = await startSandbox({ awsConfigFile: file, roles: [] });
  });
  afterAll(async () => {
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the file’s roles and managed policies, with the placeholders filled in, instead of the defaults', async () => {
    const sts = anonymousSts(sandbox.aws.url);
    try {
      const assume = async (role: string) =>
        sts.send(
          new AssumeRoleWithWebIdentityCommand({
            RoleArn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${role}`,
            RoleSessionName: 'from-file',
            WebIdentityToken: await sandbox.issuer.mint({ audience: STS_AUDIENCE }),
            PolicyArns: [{ arn: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:policy/from-file-policy` }],
          }),
        );
      await expect(assume('from-file')).resolves.toMatchObject({ PackedPolicySize: 6 });
      expect((await awsError(assume('ci-deploy'))).name).toBe('AccessDenied');
      expect(sandbox.describe()).toContain('roles                    arn:aws:iam::111122223333:role/from-file\n');
    } finally {
      sts.destroy();
    }
  });
});

describe('startSandbox with an AWS configuration file the emulator refuses', () => {
  it.each([
    ['a session duration IAM does not allow', { name: 'short', maxSessionDuration: 60 }, 'role short: MaxSessionDuration must be 3600 to 43200 seconds'],
    ['a boundary that is none of its managed policies', { name: 'bounded', permissionsBoundary: 'arn:aws:iam::{{account}}:policy/missing' }, 'is not a managed policy'],
  ])('says what is wrong with a role with %s, as a usage error naming the file', async (_, role, problem) => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-config-'));
    try {
      const file = join(dir, 'aws.json');
      await writeFile(file, JSON.stringify({ roles: [{ trustPolicy: { Statement: [] }, ...role }] }));
      const error = await rejection(startSandbox({ awsConfigFile: file }));
      expect(error.code).toBe(ErrorCode.InputInvalid);
      expect(error.message).toContain(`${file}: `);
      expect(error.message).toContain(problem);
      expect(error.hint).toContain('maxSessionDuration is 3600 to 43200 seconds');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('startSandbox that fails half-way', () => {
  it('closes every server it had started, and rethrows', async () => {
    const servers = () => process.getActiveResourcesInfo().filter((name) => name === 'TCPServerWrap').length;
    const before = servers();
    await expect(startSandbox({ roles: () => [{ name: 'bad', trustPolicy: { Version: '2012-10-17', Statement: [] }, maxSessionDuration: 60 }] })).rejects.toThrow('MaxSessionDuration must be 3600 to 43200 seconds');
    // A closed server's handle leaves the list on a later turn of the event loop.
    for (let turn = 0; turn < 50 && servers() > before; turn++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(servers()).toBe(before);
  });
});
