import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { findGcpCredentialDirectories, gcpCredentialRecord, gcpEnvironment, gcpOutputs, gcpSecretValues, writeGcpCredentialFiles, type GcpCredentialFileRequest } from '../../../../src/providers/gcp/export.ts';
import { revokeGcpCredential } from '../../../../src/providers/gcp/revoke.ts';
import { GoogleCloudEmulator } from '../../../../src/sandbox/gcp/google-emulator.ts';
import { OidcIssuer } from '../../../../src/sandbox/issuer/oidc-issuer.ts';
import { rejection } from '../../../helpers/broker-error.ts';

const PROVIDER = 'projects/123456789/locations/global/workloadIdentityPools/ci/providers/github';
const DEPLOYER = 'deployer@octo-project.iam.gserviceaccount.com';
let issuer: OidcIssuer;
let google: GoogleCloudEmulator;
let root: string;

beforeAll(async () => {
  issuer = await OidcIssuer.start();
  google = await GoogleCloudEmulator.start();
  google.putProvider({ name: PROVIDER, issuer: issuer.url, attributeMapping: { 'google.subject': 'assertion.sub', 'attribute.repository_id': 'assertion.repository_id' } });
  google.putServiceAccount({ email: DEPLOYER, impersonators: [`principalSet://iam.googleapis.com/projects/123456789/locations/global/workloadIdentityPools/ci/attribute.repository_id/8429`] });
  root = await mkdtemp(join(tmpdir(), 'gcp-export-'));
  await mkdir(join(root, 'runner-temp'));
  await mkdir(join(root, 'workspace', 'temp'), { recursive: true });
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await google.close();
  await issuer.close();
});

async function request(overrides: Partial<GcpCredentialFileRequest> = {}): Promise<GcpCredentialFileRequest> {
  return {
    directory: join(root, 'runner-temp'),
    workspace: join(root, 'workspace'),
    workloadIdentityProvider: PROVIDER,
    serviceAccount: DEPLOYER,
    lifetimeSeconds: 300,
    endpoints: { tokenUrl: google.tokenUrl, iamCredentialsUrl: google.url },
    subjectToken: await issuer.mint({ audience: `//iam.googleapis.com/${PROVIDER}` }),
    ...overrides,
  };
}

describe('writeGcpCredentialFiles', () => {
  it('writes a private external-account configuration that ADC reads to obtain a working token', async () => {
    const files = await writeGcpCredentialFiles(await request());
    expect((await stat(files.directory)).mode & 0o777).toBe(0o700);
    expect((await stat(files.configPath)).mode & 0o777).toBe(0o600);
    expect((await stat(files.tokenPath)).mode & 0o777).toBe(0o600);
    const config = JSON.parse(await readFile(files.configPath, 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ type: 'external_account', credential_source: { file: files.tokenPath }, service_account_impersonation: { token_lifetime_seconds: 300 } });

    // As the action exports them; with the project known, the library does not ask Resource Manager for it.
    const exported = gcpEnvironment(files, 'octo-project');
    const saved = { ...process.env };
    Object.assign(process.env, exported);
    try {
      const client = await new GoogleAuth({ scopes: ['https://www.googleapis.com/auth/cloud-platform'] }).getClient();
      const { token } = await client.getAccessToken();
      const info = await new OAuth2Client({ endpoints: { tokenInfoUrl: google.tokenInfoUrl } }).getTokenInfo(token!);
      expect(info.email).toBe(DEPLOYER);
    } finally {
      for (const name of Object.keys(exported)) if (saved[name] === undefined) delete process.env[name];
      Object.assign(process.env, saved);
    }
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
    const files = { directory: '/t/d', configPath: '/t/d/credentials.json', tokenPath: '/t/d/oidc-token' };
    expect(gcpEnvironment(files, 'octo-project')).toEqual({
      GOOGLE_APPLICATION_CREDENTIALS: '/t/d/credentials.json',
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: '/t/d/credentials.json',
      GOOGLE_CLOUD_PROJECT: 'octo-project',
      CLOUDSDK_CORE_PROJECT: 'octo-project',
      CLOUDSDK_PROJECT: 'octo-project',
    });
    expect(Object.keys(gcpEnvironment(files, undefined))).toEqual(['GOOGLE_APPLICATION_CREDENTIALS', 'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE']);
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
  const files = { directory: '/t/d', configPath: '/t/d/credentials.json', tokenPath: '/t/d/oidc-token' };

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
    expect(gcpOutputs(session)).toEqual({ 'gcp-access-token': session.accessToken, 'gcp-access-token-expiration': '2030-01-01T00:10:00.000Z' });
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
    const result = revokeGcpCredential(gcpCredentialRecord({ accessToken: 't', expiration: new Date('2030-01-01T00:10:00Z'), serviceAccount: DEPLOYER, workloadIdentityProvider: PROVIDER }, undefined, [], 's'));
    expect(result).toEqual({
      status: 'not-revocable',
      detail: `Google cannot revoke access tokens, so the token for ${DEPLOYER} stays valid until it expires at 2030-01-01T00:10:00.000Z; its credentials files are deleted.`,
    });
  });
});
