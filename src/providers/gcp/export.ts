import { chmod, mkdtemp, readdir, realpath, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { GcpIssuedCredential } from '../issued-credential.ts';
import type { GcpEndpoints, GcpSession } from './exchange.ts';
import { externalAccountConfig } from './external-account.ts';

export interface GcpCredentialFiles {
  /** A private folder under RUNNER_TEMP holding both files; deleted whole by the post step. */
  directory: string;
  /** The external-account configuration that ADC and gcloud read. */
  configPath: string;
  /** The job's OIDC token for the Google audience, which the configuration names as its credential source. */
  tokenPath: string;
}

export interface GcpCredentialFileRequest {
  /** RUNNER_TEMP: a folder the runner empties after the job, outside the workspace. */
  directory: string;
  workspace: string | undefined;
  workloadIdentityProvider: string;
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  endpoints: GcpEndpoints;
  /** The verified OIDC token minted for the provider's audience. */
  subjectToken: string;
}

const DIRECTORY_PREFIX = 'ci-oidc-broker-gcp-';

/**
 * Writes the credentials that Google's client libraries (through GOOGLE_APPLICATION_CREDENTIALS) and
 * gcloud (through CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) read: an `external_account` configuration
 * whose credential source is a file holding the job's OIDC token.
 *
 * Why this form rather than an access-token file: ADC has no file type for a bare access token, so an
 * access-token file would serve gcloud alone. The only bearer written is the OIDC token, which
 * expires minutes after it was minted, long before the job's files could outlive the job; the tools
 * exchange it themselves, under the same provider, attribute condition and service account that the
 * policy granted, for tokens that live at most the granted lifetime. Both files are mode 0600 in a
 * 0700 folder under RUNNER_TEMP, never in the workspace, where artifacts, images and commits pick
 * files up.
 */
export async function writeGcpCredentialFiles(request: GcpCredentialFileRequest): Promise<GcpCredentialFiles> {
  const base = await realpath(request.directory).catch(() => {
    throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) does not exist, so the Google credentials file has nowhere safe to go.`, {
      hint: 'Run the step on a GitHub Actions runner, which provides RUNNER_TEMP; the credentials are never written to the workspace.',
    });
  });
  if (request.workspace !== undefined) {
    const inside = relative(await realpath(request.workspace).catch(() => request.workspace!), base);
    if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
      throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) lies inside the workspace; the Google credentials file would be too.`, {
        hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE: files in the workspace leak into artifacts, images and commits.',
      });
    }
  }
  const directory = await mkdtemp(join(base, DIRECTORY_PREFIX));
  await chmod(directory, 0o700);
  const tokenPath = join(directory, 'oidc-token');
  const configPath = join(directory, 'credentials.json');
  const config = { ...externalAccountConfig(request), credential_source: { file: tokenPath, format: { type: 'text' } } };
  await writeFile(tokenPath, request.subjectToken, { mode: 0o600, flag: 'wx' });
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { directory, configPath, tokenPath };
}

/** The variables Google's libraries and gcloud read: credentials, and the project when one is known. */
export function gcpEnvironment(files: GcpCredentialFiles | undefined, projectId: string | undefined): Record<string, string> {
  return {
    ...(files && { GOOGLE_APPLICATION_CREDENTIALS: files.configPath, CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: files.configPath }),
    ...(projectId && { GOOGLE_CLOUD_PROJECT: projectId, CLOUDSDK_CORE_PROJECT: projectId, CLOUDSDK_PROJECT: projectId }),
  };
}

/** Every value to mask before anything is printed: the access token. The OIDC token is masked when fetched. */
export function gcpSecretValues(session: GcpSession): string[] {
  return [session.accessToken];
}

/** Step outputs: the access token (masked) for tools that take a bearer, and when it expires. */
export function gcpOutputs(session: GcpSession): Record<string, string> {
  return { 'gcp-access-token': session.accessToken, 'gcp-access-token-expiration': session.expiration.toISOString() };
}

/** What the post step needs to delete and report: the folder of credentials files, no secrets. */
export function gcpCredentialRecord(session: GcpSession, files: GcpCredentialFiles | undefined, exportedVariables: readonly string[], subject: string): GcpIssuedCredential {
  return {
    provider: 'gcp',
    identity: session.serviceAccount ?? `principal://iam.googleapis.com/${poolOf(session.workloadIdentityProvider)}/subject/${subject}`,
    workloadIdentityProvider: session.workloadIdentityProvider,
    serviceAccount: session.serviceAccount,
    expiresAt: session.expiration.toISOString(),
    exportedVariables: [...exportedVariables],
    files: files ? [files.directory] : [],
  };
}

/** projects/N/locations/global/workloadIdentityPools/POOL/providers/P → projects/N/locations/global/workloadIdentityPools/POOL */
export function poolOf(provider: string): string {
  return provider.replace(/\/providers\/[^/]+$/, '');
}

/** Every credentials folder this action wrote under RUNNER_TEMP, whichever step wrote it. */
export async function findGcpCredentialDirectories(runnerTemp: string | undefined): Promise<string[]> {
  if (!runnerTemp) return [];
  const entries = await readdir(runnerTemp, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory() && entry.name.startsWith(DIRECTORY_PREFIX)).map((entry) => join(runnerTemp, entry.name));
}
