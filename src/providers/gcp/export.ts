import { chmod, mkdtemp, readdir, realpath, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrokerError, ErrorCode } from '../../errors/broker-error.ts';
import type { GcpIssuedCredential } from '../issued-credential.ts';
import type { GcpEndpoints, GcpSession } from './exchange.ts';
import { externalAccountConfig } from './external-account.ts';
import type { CliLauncher } from '../../util/command-line.ts';
import { sha256 } from '../../util/sha256.ts';
import { executableCommand, renewalText, type GcpRenewal } from './renewal.ts';
import { isWithin } from '../../util/within.ts';

export interface GcpCredentialFiles {
  /** A private folder under RUNNER_TEMP holding both files; deleted whole by the post step. */
  directory: string;
  /** The external-account configuration that ADC and gcloud read. */
  configPath: string;
  /** What the configuration's command needs to renew: pinned by its SHA-256 in the command line. */
  statePath: string;
}

export interface GcpCredentialFileRequest {
  /** RUNNER_TEMP: a folder the runner empties after the job, outside the workspace. */
  directory: string;
  workspace: string | undefined;
  workloadIdentityProvider: string;
  serviceAccount: string | undefined;
  lifetimeSeconds: number;
  endpoints: GcpEndpoints;
  renewal: GcpRenewal;
  /** The CLI that the configuration runs for each new subject token. */
  cli: CliLauncher;
}

// Google's bound is 120 s; the command asks the runner (retrying for up to 20 s) and fetches the issuer's keys.
const EXECUTABLE_TIMEOUT_MS = 60_000;

const DIRECTORY_PREFIX = 'ci-oidc-broker-gcp-';

/**
 * Writes the credentials that Google's client libraries (through GOOGLE_APPLICATION_CREDENTIALS) and
 * gcloud (through CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE) read: an `external_account` configuration
 * whose credential source is an executable, this action's own CLI.
 *
 * Why an executable rather than a file holding the job's OIDC token: that token expires within
 * minutes, after which nothing could renew the access token; and Google's own action writes the
 * runner's request bearer instead, a secret good for the whole job. The command holds neither: each
 * time a library needs a new access token, it asks the runner for a fresh OIDC token with the calling
 * step's own variables, verifies it and puts it to the policy the main step used (a snapshot in the
 * state file, pinned by its SHA-256 on the command line), then hands it over on stdout. The tools
 * exchange it under the same provider, attribute condition and service account that the policy
 * granted. No output_file: nothing caches a token on disk. Both files are mode 0600 in a 0700 folder
 * under RUNNER_TEMP, never in the workspace, where artifacts, images and commits pick files up; the
 * post step deletes the folder, and the command then refuses.
 */
export async function writeGcpCredentialFiles(request: GcpCredentialFileRequest): Promise<GcpCredentialFiles> {
  const base = await realpath(request.directory).catch(() => {
    throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) does not exist, so the Google credentials file has nowhere safe to go.`, {
      hint: 'Run the step on a GitHub Actions runner, which provides RUNNER_TEMP; the credentials are never written to the workspace.',
    });
  });
  if (request.workspace !== undefined) {
    if (isWithin(await realpath(request.workspace).catch(() => request.workspace!), base)) {
      throw new BrokerError(ErrorCode.InputInvalid, `RUNNER_TEMP (${request.directory}) lies inside the workspace; the Google credentials file would be too.`, {
        hint: 'Point RUNNER_TEMP outside GITHUB_WORKSPACE: files in the workspace leak into artifacts, images and commits.',
      });
    }
  }
  const directory = await mkdtemp(join(base, DIRECTORY_PREFIX));
  await chmod(directory, 0o700);
  const statePath = join(directory, 'renewal.json');
  const configPath = join(directory, 'credentials.json');
  const state = renewalText(request.renewal);
  const config = {
    ...externalAccountConfig(request),
    credential_source: { executable: { command: executableCommand(request.cli, statePath, sha256(state)), timeout_millis: EXECUTABLE_TIMEOUT_MS } },
  };
  await writeFile(statePath, state, { mode: 0o600, flag: 'wx' });
  await writeFile(configPath, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return { directory, configPath, statePath };
}

/**
 * The variables Google's libraries, gcloud and Google's other actions (GOOGLE_GHA_CREDS_PATH) read:
 * credentials, and the project when one is known. Libraries run an executable credential source only
 * when GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES is 1.
 */
export function gcpEnvironment(files: GcpCredentialFiles | undefined, projectId: string | undefined): Record<string, string> {
  return {
    ...(files && {
      GOOGLE_APPLICATION_CREDENTIALS: files.configPath,
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: files.configPath,
      GOOGLE_GHA_CREDS_PATH: files.configPath,
      GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES: '1',
    }),
    ...(projectId && { GOOGLE_CLOUD_PROJECT: projectId, CLOUDSDK_CORE_PROJECT: projectId, CLOUDSDK_PROJECT: projectId }),
  };
}

/** The project of a user-managed service account, NAME@PROJECT.iam.gserviceaccount.com, as google-github-actions/auth infers it. */
export function projectOfServiceAccount(serviceAccount: string | undefined): string | undefined {
  return /^[^@]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\.iam\.gserviceaccount\.com$/.exec(serviceAccount ?? '')?.[1];
}

/** Every value to mask before anything is printed: the access token. The OIDC token is masked when fetched. */
export function gcpSecretValues(session: GcpSession): string[] {
  return [session.accessToken];
}

/** Step outputs, named as google-github-actions/auth names them: the access token (masked) for tools that take a bearer, and when it expires. */
export function gcpOutputs(session: GcpSession): Record<string, string> {
  return { access_token: session.accessToken, access_token_expiration: session.expiration.toISOString() };
}

/** What the post step needs to delete and report: the folder of credentials files, no secrets. */
export function gcpCredentialRecord(session: Pick<GcpSession, 'serviceAccount' | 'workloadIdentityProvider' | 'expiration'>, files: GcpCredentialFiles | undefined, exportedVariables: readonly string[], subject: string): GcpIssuedCredential {
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
