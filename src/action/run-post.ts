import { rm } from 'node:fs/promises';
import * as core from '@actions/core';
import type { IssuedCredential, RevocationResult } from '../providers/issued-credential.ts';
import { revokeAwsCredential } from '../providers/aws/revoke.ts';
import { findGcpCredentialDirectories } from '../providers/gcp/export.ts';
import { revokeGcpCredential } from '../providers/gcp/revoke.ts';
import { runnerTokenRequestFromEnv } from '../oidc/request-token.ts';
import { readWebIdentityTokenFile } from '../oidc/token-source.ts';
import { withDeadline } from '../util/deadline.ts';
import { closeAwsRenewals } from './aws-renewal.ts';
import { useHttpProxyInput } from './inputs.ts';
import { requestMaskedToken } from './runner-token.ts';
import { revokeThroughBroker } from './broker-post.ts';
import { loadBrokerState, loadIssuedCredentials } from './state.ts';
import { outcomeText, writeRevocationSummary, type CleanupReport } from './summary.ts';

/**
 * The post step: for every credential the main step issued, clear what it exported, delete what it
 * wrote, and revoke what can be revoked. It runs after failures and cancellations too, and running it
 * again does no harm: clearing and deleting are idempotent, and nothing left to clean is not an error.
 */
export async function runPost(): Promise<void> {
  // The runner gives the post step the main step's inputs: revocation goes through the same proxy as issuance.
  useHttpProxyInput();
  await deleteLeftovers();
  // Renewing profiles are closed first, so no session is issued after the ones read here.
  const { credentials, notes } = await closeAwsRenewals(loadIssuedCredentials());
  for (const note of notes) core.info(note);
  const broker = loadBrokerState();
  // With a broker, its sessions for this run are ended even when the main step recorded none.
  const revokeOne = broker ? await revokeThroughBroker(broker, credentials) : revoke;
  if (credentials.length === 0) {
    core.info('ci-oidc-broker: no credentials were issued by the main step; nothing to clean up.');
    return;
  }
  const reports: CleanupReport[] = [];
  for (const credential of credentials) reports.push(await cleanUp(credential, revokeOne));
  for (const { credential, revocation, cleanupProblems } of reports) {
    core.info(`${credential.provider} ${credential.identity}: ${outcomeText(revocation.status)}. ${revocation.detail}`);
    if (revocation.status === 'failed') core.error(`Revocation failed for ${credential.identity}: ${revocation.detail}`);
    for (const problem of cleanupProblems) core.warning(problem);
  }
  await writeRevocationSummary(reports);
}

async function cleanUp(credential: IssuedCredential, revokeOne: (credential: IssuedCredential) => RevocationResult | Promise<RevocationResult>): Promise<CleanupReport> {
  // The runner cannot unset a variable that an earlier step exported; an empty value is what it offers.
  for (const name of credential.exportedVariables) core.exportVariable(name, '');
  const cleanupProblems: string[] = [];
  for (const file of credential.files) {
    await rm(file, { recursive: true, force: true }).catch((error: NodeJS.ErrnoException) => {
      cleanupProblems.push(`Could not delete ${file} (${error.code ?? 'error'}).`);
    });
  }
  return { credential, revocation: await revokeOne(credential), cleanupProblems };
}

// The post step must end in bounded time, whatever IAM does; the credential still expires on its own.
const REVOCATION_TIMEOUT_MS = 60_000;

async function revoke(credential: IssuedCredential): Promise<RevocationResult> {
  switch (credential.provider) {
    case 'aws': {
      // A fresh token for the revoker role: the main step's may have expired by now.
      const tokenFile = credential.tokenFile;
      const getToken =
        tokenFile === undefined
          ? () => requestMaskedToken(runnerTokenRequestFromEnv(process.env), credential.audience)
          : async () => {
              const token = await readWebIdentityTokenFile(tokenFile);
              core.setSecret(token);
              return token;
            };
      const access = credential.revokerRoleArn === undefined ? undefined : { getToken };
      return withDeadline(revokeAwsCredential(credential, access), REVOCATION_TIMEOUT_MS, () => new Error('timeout')).catch(() => ({
        status: 'failed' as const,
        detail: `Denying the session took longer than ${REVOCATION_TIMEOUT_MS / 1000} s, so it may not be denied; it expires at ${credential.expiresAt}.`,
      }));
    }
    case 'gcp':
      return revokeGcpCredential(credential);
  }
}

/**
 * Credentials folders that no saved state names: a main step that failed between writing and saving,
 * or ran twice in one job. RUNNER_TEMP belongs to this job alone, and by the time post steps run no
 * main step still needs them.
 */
async function deleteLeftovers(): Promise<void> {
  for (const directory of await findGcpCredentialDirectories(process.env.RUNNER_TEMP)) {
    await rm(directory, { recursive: true, force: true }).catch(() => core.warning(`Could not delete ${directory}.`));
  }
}
