import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { findGcpCredentialDirectories, gcpCredentialRecord, gcpEnvironment, gcpOutputs, gcpSecretValues, writeGcpCredentialFiles, type GcpCredentialFileRequest } from '../../../../src/providers/gcp/export.ts';
import { revokeGcpCredential } from '../../../../src/providers/gcp/revoke.ts';
import { readRenewal } from '../../../../src/providers/gcp/renewal.ts';
import { sha256 } from '../../../../src/util/sha256.ts';
import { rejection } from '../../../helpers/broker-error.ts';

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/github';
const DEPLOYER = 'deployer@octo-project.iam.gserviceaccount.com';
const ENDPOINTS = { tokenUrl: 'http://127.0.0.1:9/v1/token', iamCredentialsUrl: 'http://127.0.0.1:9' };
const POLICY = { path: '.github/ci-oidc-broker.yml', files: { '.github/ci-oidc-broker.yml': 'version: 1\nrules: []\n' } };
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gcp-export-'));
  await mkdir(join(root, 'runner-temp'));
  await mkdir(join(root, 'workspace', 'temp'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function request(overrides: Partial<GcpCredentialFileRequest> = {}): Promise<GcpCredentialFileRequest> {
  return Promise.resolve({
    directory: join(root, 'runner-temp'),
    workspace: join(root, 'workspace'),
    workloadIdentityProvider: PROVIDER,
    serviceAccount: DEPLOYER,
    lifetimeSeconds: 300,
    endpoints: ENDPOINTS,
    renewal: { issuer: 'https://token.actions.githubusercontent.com', audience: `//iam.googleapis.com/${PROVIDER}`, grant: { provider: PROVIDER, serviceAccount: DEPLOYER, lifetimeSeconds: 300 }, policy: POLICY },
    cli: { node: '/home/runner/externals/node24/bin/node', script: '/home/runner/work/_actions/ci-oidc-broker/v1/dist/cli/index.js' },
    ...overrides,
  });
}

describe('writeGcpCredentialFiles', () => {
  it('writes a private external-account configuration whose credential source is the action’s CLI, and no token', async () => {
    const files = await writeGcpCredentialFiles(await request());
    expect((await stat(files.directory)).mode & 0o777).toBe(0o700);
    expect((await stat(files.configPath)).mode & 0o777).toBe(0o600);
    expect((await stat(files.statePath)).mode & 0o777).toBe(0o600);
    const state = await readFile(files.statePath, 'utf8');
    const config = JSON.parse(await readFile(files.configPath, 'utf8')) as Record<string, unknown>;
    expect(config).toEqual({
      type: 'external_account',
      audience: `//iam.googleapis.com/${PROVIDER}`,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: ENDPOINTS.tokenUrl,
      service_account_impersonation_url: `${ENDPOINTS.iamCredentialsUrl}/v1/projects/-/serviceAccounts/${DEPLOYER}:generateAccessToken`,
      service_account_impersonation: { token_lifetime_seconds: 300 },
      // No output_file: nothing caches a token on disk.
      credential_source: {
        executable: {
          command: `/home/runner/externals/node24/bin/node /home/runner/work/_actions/ci-oidc-broker/v1/dist/cli/index.js gcp-executable-source --state ${files.statePath} --sha256 ${sha256(state)}`,
          timeout_millis: 60_000,
        },
      },
    });
    // The command reads back the very request and policy that were granted.
    expect(await readRenewal(files.statePath, sha256(state))).toEqual({ version: 1, ...(await request()).renewal });
  });

  it('pins the renewal state: a changed state, a wrong digest and a deleted state are refused', async () => {
    const files = await writeGcpCredentialFiles(await request());
    const state = await readFile(files.statePath, 'utf8');
    await chmod(files.statePath, 0o600);
    await writeFile(files.statePath, state.replace('"lifetimeSeconds":300', '"lifetimeSeconds":3600'));
    const changed = await rejection(readRenewal(files.statePath, sha256(state)));
    expect([changed.code, changed.message]).toEqual([ErrorCode.StateInvalid, `The Google renewal state ${files.statePath} changed since the action's main step wrote it, so it is not used.`]);
    await rm(files.directory, { recursive: true });
    const gone = await rejection(readRenewal(files.statePath, sha256(state)));
    expect([gone.code, gone.message]).toEqual([ErrorCode.StateInvalid, `The Google credentials of this job are gone (${files.statePath}: ENOENT), so they are not renewed.`]);
  });

  it('refuses a path that Google’s command line could not carry', async () => {
    const error = await rejection(writeGcpCredentialFiles(await request({ cli: { node: '/opt/node 24/bin/node', script: '/usr/lib/index.js' } })));
    expect([error.code, error.message]).toEqual([ErrorCode.InputInvalid, 'The path "/opt/node 24/bin/node" cannot be written into the command of a Google credentials file.']);
  });

  it('writes a fresh folder on every run, so that two steps in one job never share files', async () => {
    const [first, second] = [await writeGcpCredentialFiles(await request()), await writeGcpCredentialFiles(await request())];
    expect(first.directory).not.toBe(second.directory);
  });

  it('refuses a RUNNER_TEMP inside the workspace', async () => {
    const error = await rejection(writeGcpCredentialFiles(await request({ directory: join(root, 'workspace', 'temp') })));
    expect(error.code).toBe(ErrorCode.InputInvalid);
    expect(error.message).toContain('lies inside the workspace');
  });
});

describe('gcpEnvironment', () => {
  it('points ADC and gcloud at the configuration, and names the project when there is one', () => {
    const files = { directory: '/t/d', configPath: '/t/d/credentials.json', statePath: '/t/d/renewal.json' };
    expect(gcpEnvironment(files, 'octo-project')).toEqual({
      GOOGLE_APPLICATION_CREDENTIALS: '/t/d/credentials.json',
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/t/d/credentials.json',
      GOOGLE_GHA_CREDS_PATH: '/t/d/credentials.json',
      GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES: '1',
      GOOGLE_CLOUD_PROJECT: 'octo-project',
      CLOUDSDK_CORE_PROJECT: 'octo-project',
      CLOUDSDK_PROJECT: 'octo-project',
    });
    expect(Object.keys(gcpEnvironment(files, undefined))).toEqual(['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE', 'GOOGLE_GHA_CREDS_PATH', 'GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES']);
  });
});

describe('gcpEnvironment without a credentials file', () => {
  it('exports only the project, and nothing at all without one', () => {
    expect(gcpEnvironment(undefined, 'octo-project')).toEqual({ GOOGLE_CLOUD_PROJECT: 'octo-project', CLOUDSDK_CORE_PROJECT: 'octo-project', CLOUDSDK_PROJECT: 'octo-project' });
    expect(gcpEnvironment(undefined, undefined)).toEqual({});
  });
});

describe('what the post step is told, and may show', () => {
  const session = { accessToken: 'ya29.secret-access-token', expiration: new Date('2030-01-01T00:10:00Z'), serviceAccount: DEPLOYER, workloadIdentityProvider: PROVIDER };
  const files = { directory: '/t/d', configPath: '/t/d/credentials.json', statePath: '/t/d/renewal.json' };

  it('records the folder to delete, the variables to clear and the identity, never the token', () => {
    const record = gcpCredentialRecord(session, files, ['GOOGLE_APPLICATION_CREDENTIALS'], 'repo:octo-org/app:ref:refs/heads/main');
    expect(record).toEqual({
      provider: 'gcp',
      identity: DEPLOYER,
      workloadIdentityProvider: PROVIDER,
      serviceAccount: DEPLOYER,
      expiresAt: '2030-01-01T00:10:00.000Z',
      exportedVariables: ['GOOGLE_APPLICATION_CREDENTIALS'],
      files: ['/t/d'],
    });
    expect(JSON.stringify(record)).not.toContain(session.accessToken);
  });

  it('names the federated principal when no account is impersonated', () => {
    const record = gcpCredentialRecord({ ...session, serviceAccount: undefined }, undefined, [], 'repo:octo-org/app:ref:refs/heads/main');
    expect(record.identity).toBe('principal://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci/subject/repo:octo-org/app:ref:refs/heads/main');
    expect(record.files).toEqual([]);
  });

  it('masks the access token and outputs it with its expiry', () => {
    expect(gcpSecretValues(session)).toEqual([session.accessToken]);
    expect(gcpOutputs(session)).toEqual({ access_token: session.accessToken, access_token_expiration: '2030-01-01T00:10:00.000Z' });
  });

  it('finds the credentials folders under RUNNER_TEMP, and nothing when there is no RUNNER_TEMP', async () => {
    const runnerTemp = join(root, 'runner-temp');
    const written = await writeGcpCredentialFiles(await request({ directory: runnerTemp }));
    expect(await findGcpCredentialDirectories(runnerTemp)).toContain(written.directory);
    expect(await findGcpCredentialDirectories(undefined)).toEqual([]);
    expect(await findGcpCredentialDirectories(join(root, 'missing'))).toEqual([]);
  });
});

describe('revokeGcpCredential', () => {
  it('reports "cleared only" with the expiry, because Google cannot revoke the token', () => {
    const result = revokeGcpCredential(gcpCredentialRecord({ expiration: new Date('2030-01-01T00:10:00Z'), serviceAccount: DEPLOYER, workloadIdentityProvider: PROVIDER }, undefined, [], 's'));
    expect(result).toEqual({
      status: 'not-revocable',
      detail: `Google cannot revoke access tokens, so the token for ${DEPLOYER} stays valid until it expires at 2030-01-01T00:10:00.000Z; its credentials files are deleted.`,
    });
  });
});
