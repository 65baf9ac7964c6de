import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { gcpEnvironment, writeGcpCredentialFiles, type GcpCredentialFileRequest } from '../../../../src/providers/gcp/export.ts';
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
