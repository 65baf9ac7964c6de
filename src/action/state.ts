import * as core from '@actions/core';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { AwsRenewalRecord, IssuedCredential } from '../providers/issued-credential.ts';

// The runner hands each step's saved state back to that step's post run only.
const CREDENTIALS_KEY = 'issued-credentials';
const BROKER_KEY = 'broker';

/** Where the post step asks for this run's sessions to be revoked, when a broker issued them. */
export interface BrokerState {
  url: string;
  audience: string;
}

/** Saves what the post step needs. Called before anything is exported, so cleanup never misses it. */
export function saveIssuedCredentials(credentials: readonly IssuedCredential[]): void {
  core.saveState(CREDENTIALS_KEY, JSON.stringify(credentials));
}

export function loadIssuedCredentials(): IssuedCredential[] {
  const text = core.getState(CREDENTIALS_KEY);
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw stateError(cause);
  }
  if (!Array.isArray(parsed) || !parsed.every(isIssuedCredential)) throw stateError();
  return parsed;
}

/** Saved before the broker is asked, so that a main step cut short after minting still has its sessions revoked. */
export function saveBrokerState(broker: BrokerState): void {
  core.saveState(BROKER_KEY, JSON.stringify(broker));
}

export function loadBrokerState(): BrokerState | undefined {
  const text = core.getState(BROKER_KEY);
  if (!text) return undefined;
  let parsed: Partial<BrokerState> | null;
  try {
    parsed = JSON.parse(text) as Partial<BrokerState> | null;
  } catch (cause) {
    throw stateError(cause);
  }
  if (typeof parsed?.url !== 'string' || typeof parsed.audience !== 'string') throw stateError();
  return { url: parsed.url, audience: parsed.audience };
}

function isIssuedCredential(value: unknown): value is IssuedCredential {
  const record = value as Partial<IssuedCredential> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    (record.provider === 'aws' || record.provider === 'gcp') &&
    typeof record.identity === 'string' &&
    typeof record.expiresAt === 'string' &&
    Array.isArray(record.exportedVariables) &&
    record.exportedVariables.every((name) => typeof name === 'string') &&
    Array.isArray(record.files) &&
    record.files.every((path) => typeof path === 'string') &&
    (record.provider !== 'aws' || record.renewal === undefined || isRenewalRecord(record.renewal))
  );
}

function isRenewalRecord(value: unknown): boolean {
  const renewal = value as Partial<AwsRenewalRecord> | null;
  return typeof renewal === 'object' && renewal !== null && typeof renewal.ledger === 'string' && typeof renewal.configFile === 'string' && typeof renewal.profile === 'string';
}

function stateError(cause?: unknown): BrokerError {
  return new BrokerError(ErrorCode.StateInvalid, 'The state saved by the main step is unreadable.', {
    hint: 'Nothing was cleaned up from it. The credentials still expire on their own; if this repeats, file an issue.',
    cause,
  });
}
