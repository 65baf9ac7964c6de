// The sandbox: a local OIDC issuer shaped like GitHub Actions', an AWS STS/IAM emulator and Google's
// STS and IAM Credentials emulators that trust it, on 127.0.0.1. The demo, the tests and users' own
// tests start it from here.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GitHubJob } from './issuer/github-claims.ts';
import { OidcIssuer } from './issuer/oidc-issuer.ts';
import { AwsEmulator, type AwsEmulatorOptions, type RoleDefinition } from './aws/aws-emulator.ts';
import { oidcProviderKeyPrefix } from '../providers/aws/oidc-provider.ts';
import { REVOKER_ACTIONS } from '../providers/aws/session-denial.ts';
import { poolOf } from '../providers/gcp/export.ts';
import type { PolicyDocument, PolicyStatement } from './aws/iam-policy.ts';
import { readAwsSandboxFile } from './aws/config-file.ts';
import { GitHubContentsApi } from './github/contents-api.ts';
import { GoogleCloudEmulator, type PoolProviderDefinition } from './gcp/google-emulator.ts';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';

export { OidcIssuer } from './issuer/oidc-issuer.ts';
export { AwsEmulator } from './aws/aws-emulator.ts';
export { SimulatedRunner } from './runner/simulated-runner.ts';
export { GitHubContentsApi } from './github/contents-api.ts';
export { GoogleCloudEmulator } from './gcp/google-emulator.ts';

export const SANDBOX_ACCOUNT_ID = '111122223333';
const STS_AUDIENCE = 'sts.amazonaws.com';
export const SANDBOX_GCP_PROJECT = 'ci-oidc-broker-sandbox';
export const SANDBOX_GCP_PROVIDER = 'projects/123456789012/locations/global/workloadIdentityPools/ci-oidc-broker/providers/github';
const POOL = `//iam.googleapis.com/${poolOf(SANDBOX_GCP_PROVIDER)}`;
export const SANDBOX_GCP_SERVICE_ACCOUNT = `deploy@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;

export interface SandboxOptions {
  job?: Partial<GitHubJob>;
  /** How long the issuer's tokens live (default 5 minutes, as GitHub's): shortened by tests of renewal. */
  tokenLifetimeSeconds?: number | undefined;
  /** Roles to create instead of the default ones; a function receives the issuer's IAM OIDC provider. */
  roles?: RoleDefinition[] | ((provider: { arn: string; keyPrefix: string }) => RoleDefinition[]);
  managedPolicies?: AwsEmulatorOptions['managedPolicies'];
  /** A JSON file of roles and managed policies (see aws/config-file.ts); it replaces `roles` and `managedPolicies`. */
  awsConfigFile?: string | undefined;
  /** The Google provider's attribute condition (CEL); by default it admits the sandbox job's organisation. */
  gcpAttributeCondition?: string | undefined;
  /**
   * Start a broker service too, with its own role (`ci-oidc-broker`) that ci-deploy trusts for the sandbox
   * job's repository, and its own service account, a token creator on the sandbox's. Its policy is
   * `policyFile`, or one that grants both to the sandbox job on main and admits the operator token.
   */
  broker?: boolean | { policyFile?: string | undefined; logStream?: { write(line: string): void } | undefined } | undefined;
}

/** The broker service the sandbox started, on loopback with plain http behind no proxy but the loopback itself. */
export interface SandboxBroker {
  url: string;
  /** The broker's audience: its URL, the action's default broker-audience. */
  audience: string;
  policyFile: string;
  configFile: string;
  /** The claims of a token that the default policy's `operators:` admits, for `sessions list` and `revoke --broker`. */
  operatorClaims: Record<string, string>;
  /** The broker's own AWS credentials and Google key, for leak scans. */
  secrets: string[];
  close(): Promise<void>;
}

export interface Sandbox {
  issuer: OidcIssuer;
  aws: AwsEmulator;
  /** GitHub's contents API, for policies read from a central repository. */
  github: GitHubContentsApi;
  google: GoogleCloudEmulator;
  /** The Google pool provider the sandbox defines, so a test that changes it can put it back. */
  gcpProvider: PoolProviderDefinition;
  accountId: string;
  /** What a GitHub runner gives a job that has `permissions: id-token: write`, pointed at the sandbox. */
  runnerEnv(extra?: Record<string, string>): Record<string, string>;
  /** The action inputs that point a step at the sandbox's Google provider, service account and endpoints. */
  gcpInputs(): Record<string, string>;
  /** Set when the sandbox was started with `broker`. */
  broker: SandboxBroker | undefined;
  /** A few lines that say what is running where. */
  describe(): string;
  /** Every secret the sandbox issued so far, for leak scans. */
  secretsIssued(): { credentials: string[]; neverExported: string[]; requestedTokens: Array<{ token: string; at: number; job: string | undefined }> };
  close(): Promise<void>;
}

/**
 * A role that trusts the sandbox issuer for one repository's tokens, with `sts.amazonaws.com` as the
 * audience: the trust policy the quick start tells people to write, with the sandbox's provider.
 */
export function githubTrustPolicy(provider: { arn: string; keyPrefix: string }, subjectPattern: string): PolicyDocument {
  return { Version: '2012-10-17', Statement: [githubTrustStatement(provider, subjectPattern)] };
}

function githubTrustStatement(provider: { arn: string; keyPrefix: string }, subjectPattern: string): PolicyStatement {
  return {
    Effect: 'Allow',
    Principal: { Federated: provider.arn },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: {
      StringEquals: { [`${provider.keyPrefix}:aud`]: STS_AUDIENCE },
      StringLike: { [`${provider.keyPrefix}:sub`]: subjectPattern },
    },
  };
}

// ci-deploy's boundary: anything, except editing its own policies (which would undo a revocation).
const DEFAULT_MANAGED_POLICIES: Record<string, PolicyDocument> = {
  'ci-deploy-boundary': {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: ['iam:PutRolePolicy', 'iam:DeleteRolePolicy'], Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy` },
    ],
  },
};

const BROKER_ROLE = 'ci-oidc-broker';
const BROKER_ROLE_ARN = `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${BROKER_ROLE}`;
const BROKER_SERVICE_ACCOUNT = `ci-oidc-broker@${SANDBOX_GCP_PROJECT}.iam.gserviceaccount.com`;

/**
 * The statement `policy export --aws-broker-trust` prints for a target role: the broker's role alone may
 * assume it, tag the session and set its source identity, and only for sessions tagged with the repository.
 */
function brokerTrustStatement(repositoryId: string): PolicyStatement {
  return {
    Effect: 'Allow',
    Principal: { AWS: BROKER_ROLE_ARN },
    Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    Condition: { StringEquals: { 'aws:RequestTag/repository_id': repositoryId }, StringLike: { 'sts:SourceIdentity': `${repositoryId}@*` } },
  };
}

// The broker's own identity: it assumes the roles it mints for, and may deny their sessions, nothing else.
function brokerRole(): RoleDefinition {
  return {
    name: BROKER_ROLE,
    trustPolicy: { Version: '2012-10-17', Statement: [] },
    permissions: { revoke: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy` }] } },
  };
}

function defaultRoles(provider: { arn: string; keyPrefix: string }, broker: { repositoryId: string } | undefined): RoleDefinition[] {
  const readOwnRole = (name: string): Record<string, PolicyDocument> => ({
    'read-own-role': {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${name}` }],
    },
  });
  return [
    {
      name: 'ci-deploy',
      trustPolicy: { Version: '2012-10-17', Statement: [githubTrustStatement(provider, 'repo:octo-org/app:*'), ...(broker ? [brokerTrustStatement(broker.repositoryId)] : [])] },
      permissions: readOwnRole('ci-deploy'),
      maxSessionDuration: 3600,
      permissionsBoundary: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:policy/ci-deploy-boundary`,
    },
    // The post step assumes it to deny one ci-deploy session; it may do that and nothing else.
    {
      name: 'ci-revoker',
      trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/app:*'),
      permissions: {
        'deny-ci-deploy-sessions': {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: [...REVOKER_ACTIONS], Resource: `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy` }],
        },
      },
    },
    { name: 'other-repo-only', trustPolicy: githubTrustPolicy(provider, 'repo:octo-org/other:*'), permissions: readOwnRole('other-repo-only') },
    ...(broker ? [brokerRole()] : []),
  ];
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // A sandbox that fails half-way (a bad roles file, a refused role) closes what it started.
  const started: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(server: T): T => (started.push(server), server);
  try {
    return await buildSandbox(options, track);
  } catch (error) {
    await Promise.allSettled(started.map((server) => server.close()));
    throw error;
  }
}

async function buildSandbox(options: SandboxOptions, track: <T extends { close(): Promise<void> }>(server: T) => T): Promise<Sandbox> {
  const issuer = track(await OidcIssuer.start({ job: options.job, tokenLifetimeSeconds: options.tokenLifetimeSeconds }));
  const keyPrefix = oidcProviderKeyPrefix(issuer.url);
  const file = options.awsConfigFile ? await readAwsSandboxFile(options.awsConfigFile, { provider: keyPrefix, account: SANDBOX_ACCOUNT_ID }) : undefined;
  const aws = track(await AwsEmulator.start({ accountId: SANDBOX_ACCOUNT_ID, managedPolicies: file?.managedPolicies ?? { ...DEFAULT_MANAGED_POLICIES, ...options.managedPolicies } }));
  const github = track(await GitHubContentsApi.start());
  const google = track(await GoogleCloudEmulator.start());
  const gcpProvider: PoolProviderDefinition = {
    name: SANDBOX_GCP_PROVIDER,
    issuer: issuer.url,
    attributeMapping: {
      'google.subject': 'assertion.sub',
      'attribute.repository': 'assertion.repository',
      'attribute.repository_id': 'assertion.repository_id',
      'attribute.repository_owner_id': 'assertion.repository_owner_id',
    },
    attributeCondition: options.gcpAttributeCondition ?? `assertion.repository_owner_id == '${issuer.job.repositoryOwnerId}'`,
  };
  google.putProvider(gcpProvider);
  google.putServiceAccount({
    email: SANDBOX_GCP_SERVICE_ACCOUNT,
    impersonators: [`principalSet:${POOL}/attribute.repository_id/${issuer.job.repositoryId}`],
    ...(options.broker && { tokenCreators: [`serviceAccount:${BROKER_SERVICE_ACCOUNT}`] }),
  });
  const provider = aws.addOidcProvider(issuer.url, [STS_AUDIENCE]);
  const roles = file?.roles ?? (typeof options.roles === 'function' ? options.roles(provider) : (options.roles ?? defaultRoles(provider, options.broker ? { repositoryId: issuer.job.repositoryId } : undefined)));
  for (const role of roles) {
    try {
      aws.putRole(role);
    } catch (error) {
      // A role from the file is the user's input: say what is wrong with it, in terms of the file.
      if (!options.awsConfigFile) throw error;
      throw new BrokerError(ErrorCode.InputInvalid, `${options.awsConfigFile}: ${(error as Error).message}`, {
        hint: 'maxSessionDuration is 3600 to 43200 seconds; a permissionsBoundary is the ARN of one of the file’s managedPolicies, arn:aws:iam::{{account}}:policy/NAME.',
      });
    }
  }

  const broker = options.broker ? track(await startBroker({ issuer, aws, google }, options.broker === true ? {} : options.broker)) : undefined;
  let jobs = 0;
  return {
    issuer,
    aws,
    github,
    google,
    gcpProvider,
    accountId: SANDBOX_ACCOUNT_ID,
    runnerEnv: (extra = {}) => ({
      // Each job's own request URL, so that the issuer can tell jobs that run at once apart.
      ACTIONS_ID_TOKEN_REQUEST_URL: `${issuer.tokenRequestUrl}&job=${++jobs}`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: issuer.tokenRequestBearer,
      GITHUB_ACTIONS: 'true',
      GITHUB_REPOSITORY: issuer.job.repository,
      GITHUB_REPOSITORY_ID: issuer.job.repositoryId,
      GITHUB_REPOSITORY_OWNER: issuer.job.repositoryOwner,
      GITHUB_RUN_ID: issuer.job.runId,
      GITHUB_RUN_ATTEMPT: issuer.job.runAttempt,
      GITHUB_JOB: 'deploy',
      GITHUB_REF: issuer.job.ref,
      GITHUB_SHA: issuer.job.sha,
      GITHUB_EVENT_NAME: issuer.job.eventName,
      GITHUB_WORKFLOW: issuer.job.workflow,
      RUNNER_ENVIRONMENT: issuer.job.runnerEnvironment,
      // The SDK's standard endpoint settings; the action leaves the endpoint to them.
      AWS_ENDPOINT_URL_STS: aws.url,
      AWS_ENDPOINT_URL_IAM: aws.url,
      GITHUB_API_URL: github.url,
      ...extra,
    }),
    broker,
    gcpInputs: () => ({
      workload_identity_provider: SANDBOX_GCP_PROVIDER,
      service_account: SANDBOX_GCP_SERVICE_ACCOUNT,
      project_id: SANDBOX_GCP_PROJECT,
      'gcp-token-url': google.tokenUrl,
      'gcp-iam-credentials-url': google.url,
    }),
    describe: () =>
      [
        `OIDC issuer              ${issuer.url}  (discovery: ${issuer.url}/.well-known/openid-configuration; keys: ${issuer.jwksUrl})`,
        `runner token URL         ${issuer.tokenRequestUrl}`,
        `AWS STS and IAM          ${aws.url}  (account ${SANDBOX_ACCOUNT_ID}; IAM OIDC provider ${provider.arn})`,
        `roles                    ${roles.map((r) => `arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/${r.name}`).join(', ')}`,
        `trust policy keys        ${keyPrefix}:sub, ${keyPrefix}:aud`,
        `Google STS token URL     ${google.tokenUrl}  (--gcp-token-url; the gcp-token-url input)`,
        `Google IAM Credentials   ${google.url}  (--gcp-iam-credentials-url; the gcp-iam-credentials-url input)`,
        `Google provider          ${SANDBOX_GCP_PROVIDER}  (service account ${SANDBOX_GCP_SERVICE_ACCOUNT})`,
        `GitHub contents API      ${github.url}  (GITHUB_API_URL, for central policies)`,
        ...(broker ? [`broker service           ${broker.url}  (the broker-url input, --broker; config ${broker.configFile}; policy ${broker.policyFile})`] : []),
      ].join('\n'),
    secretsIssued: () => ({
      credentials: [...aws.sessions.flatMap((s) => [s.accessKeyId, s.secretAccessKey, s.sessionToken]), ...google.accessTokensIssued],
      neverExported: [...issuer.minted, issuer.tokenRequestBearer, github.token, ...(broker?.secrets ?? [])],
      requestedTokens: [...issuer.servedToRunner],
    }),
    close: async () => {
      // The broker first: it may still be revoking through the emulators.
      await broker?.close();
      await Promise.all([issuer.close(), aws.close(), github.close(), google.close()]);
    },
  };
}

const OPERATOR_CLAIMS = { repository: 'octo-org/incident-response', ref: 'refs/heads/main' };

async function startBroker(
  { issuer, aws, google }: { issuer: OidcIssuer; aws: AwsEmulator; google: GoogleCloudEmulator },
  options: { policyFile?: string | undefined; logStream?: { write(line: string): void } | undefined },
): Promise<SandboxBroker> {
  const dir = await mkdtemp(join(tmpdir(), 'ci-oidc-broker-sandbox-'));
  try {
    // The audience is the broker's URL, as in production: the port is chosen before the configuration is written.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const policyFile = options.policyFile ? resolve(options.policyFile) : join(dir, 'policy.yml');
    if (!options.policyFile) {
      await writeFile(
        policyFile,
        `version: 1
issuers: ["${issuer.url}"]
rules:
  - name: deploy-from-main
    match: {repository_id: "${issuer.job.repositoryId}", ref: refs/heads/main}
    grant:
      aws: {roles: ["arn:aws:iam::${SANDBOX_ACCOUNT_ID}:role/ci-deploy"]}
      gcp: {workload-identity-provider: ${SANDBOX_GCP_PROVIDER}, service-accounts: [${SANDBOX_GCP_SERVICE_ACCOUNT}], max-lifetime: 10m}
operators:
  - name: incident-response
    match: {repository: ${OPERATOR_CLAIMS.repository}, ref: ${OPERATOR_CLAIMS.ref}}
`,
      );
    }
    // The broker's Google identity: a key for its own service account, which the sandbox's account names a token creator.
    const key = google.createServiceAccountKey(BROKER_SERVICE_ACCOUNT);
    await writeFile(join(dir, 'broker-key.json'), JSON.stringify(key), { mode: 0o600 });
    const configFile = join(dir, 'broker.yml');
    await writeFile(
      configFile,
      `audience: ${url}
issuers: ["${issuer.url}"]
listen: {host: 127.0.0.1, port: ${port}}
policy: {file: "${policyFile}"}
aws: {region: us-east-1, endpoint: "${aws.url}"}
gcp: {iam-credentials-url: "${google.url}", credentials-file: broker-key.json}
store: {sqlite: broker.db, durability: process}
behind-proxy: true
`,
    );
    const credentials = aws.issueRoleCredentials(BROKER_ROLE);
    const { startBroker: start } = await import('../service/start.ts');
    const running = await start(configFile, { awsCredentials: credentials, ...(options.logStream && { logStream: options.logStream }) });
    return {
      url: running.url,
      audience: url,
      policyFile,
      configFile,
      operatorClaims: { ...OPERATOR_CLAIMS },
      secrets: [credentials.secretAccessKey, credentials.sessionToken, key.private_key],
      close: async () => {
        await running.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
