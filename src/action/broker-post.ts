import * as core from '@actions/core';
import { brokerClient, recordedIdentity, type RevokeResponse } from '../broker-client/broker-client.ts';
import { BrokerError } from '../errors/broker-error.ts';
import { runnerTokenRequestFromEnv } from '../oidc/request-token.ts';
import { maskAccountIds } from '../providers/aws/export.ts';
import type { IssuedCredential, RevocationResult, RevocationStatus } from '../providers/issued-credential.ts';
import { withDeadline } from '../util/deadline.ts';
import { requestMaskedToken } from './runner-token.ts';
import type { BrokerState } from './state.ts';

const STATUS: Record<RevokeResponse['sessions'][number]['outcome'], RevocationStatus> = { denied: 'revoked', 'cleared-only': 'not-revocable', failed: 'failed' };

// As when the step revokes itself: the post step ends in bounded time, and the credentials expire anyway.
const REVOCATION_TIMEOUT_MS = 60_000;

/**
 * Asks the broker, with a fresh token of the same job, to end the sessions it issued to this job (to the
 * whole run when the token names no job; the log says so), and gives each recorded credential its
 * outcome. Sessions the main step did not live to record are ended too; the log says how many.
 */
export async function revokeThroughBroker(broker: BrokerState, credentials: readonly IssuedCredential[]): Promise<(credential: IssuedCredential) => RevocationResult> {
  let response: RevokeResponse;
  try {
    const token = await requestMaskedToken(runnerTokenRequestFromEnv(process.env), broker.audience);
    response = await withDeadline(brokerClient(broker.url).revokeOwnSessions(token), REVOCATION_TIMEOUT_MS, () => new Error('timeout'));
  } catch (error) {
    // The broker's messages name roles by ARN; the summary that shows this is not masked by the runner.
    const reason = error instanceof BrokerError ? maskAccountIds(`${error.code}: ${error.message} ${error.hint}`) : `no answer within ${REVOCATION_TIMEOUT_MS / 1000} s.`;
    return (credential) => ({ status: 'failed', detail: `The broker could not revoke this run's sessions (${reason}) The credential stays valid until ${credential.expiresAt}.` });
  }
  const byIdentity = new Map(response.sessions.map((session) => [recordedIdentity(session), session]));
  const unrecorded = response.sessions.filter((session) => !credentials.some((credential) => credential.identity === recordedIdentity(session)));
  if (response.scope === 'run') core.info('ci-oidc-broker: the job’s token names no job (no check_run_id), so the broker ended every session of this run, those of parallel jobs included.');
  if (unrecorded.length > 0) core.info(`ci-oidc-broker: the broker also ended ${unrecorded.length} session(s) of this ${response.scope === 'job' ? 'job' : 'run'} that no main step recorded.`);
  return (credential) => {
    const session = byIdentity.get(credential.identity);
    if (!session) return { status: 'not-revocable', detail: `The broker holds no active session for it any more (expired or already revoked); it expires at ${credential.expiresAt}.` };
    return { status: STATUS[session.outcome], detail: maskAccountIds(session.detail) };
  };
}
