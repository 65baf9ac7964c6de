import { rm } from 'node:fs/promises';
import * as core from '@actions/core';
import type { IssuedCredential } from '../providers/issued-credential.ts';
import { revokeAwsCredential } from '../providers/aws/revoke.ts';
import { loadIssuedCredentials } from './state.ts';
import { writeRevocationSummary, type CleanupReport } from './summary.ts';

/**
 * The post step: for every credential the main step issued, clear what it exported, delete what it
 * wrote, and revoke what can be revoked. It runs after failures and cancellations too, and running it
 * again does no harm: clearing and deleting are idempotent, and nothing left to clean is not an error.
 */
export async function runPost(): Promise<void> {
  const credentials = loadIssuedCredentials();
  if (credentials.length === 0) {
    core.info('ci-oidc-broker: no credentials were issued by the main step; nothing to clean up.');
    return;
  }
  const reports: CleanupReport[] = [];
  for (const credential of credentials) reports.push(await cleanUp(credential));
  for (const { credential, revocation, cleanupProblems } of reports) {
    core.info(`${credential.provider} ${credential.identity}: ${revocation.status}. ${revocation.detail}`);
    if (revocation.status === 'failed') core.error(`Revocation failed for ${credential.identity}: ${revocation.detail}`);
    for (const problem of cleanupProblems) core.warning(problem);
  }
  await writeRevocationSummary(reports);
}

async function cleanUp(credential: IssuedCredential): Promise<CleanupReport> {
  // The runner cannot unset a variable that an earlier step exported; an empty value is what it offers.
  for (const name of credential.exportedVariables) core.exportVariable(name, '');
  const cleanupProblems: string[] = [];
  for (const file of credential.files) {
    await rm(file, { force: true }).catch((error: NodeJS.ErrnoException) => {
      cleanupProblems.push(`Could not delete ${file} (${error.code ?? 'error'}).`);
    });
  }
  const revocation = await revokeAwsCredential(credential);
  return { credential, revocation, cleanupProblems };
}
