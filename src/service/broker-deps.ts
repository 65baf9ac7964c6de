import type { CredentialMinter } from '../core/issue.ts';
import type { VerifierOverrides } from './bearer.ts';
import type { BrokerMetrics } from './metrics.ts';
import type { PolicyHolder } from './policy-holder.ts';
import type { ExchangeRateLimiter } from './rate-limits.ts';
import type { BrokerStore, SessionRecord } from './store/broker-store.ts';

/** Ends one AWS session before its expiry: a denial on its role for its `aws:userid`. Returns what was written. */
export interface SessionRevoker {
  denyAwsSession(session: SessionRecord, now: Date): Promise<string>;
}

/** What the broker runs on; tests hand in fakes, startBroker the real ones. */
export interface BrokerDeps {
  store: BrokerStore;
  policy: PolicyHolder;
  minter: CredentialMinter;
  revoker: SessionRevoker;
  rateLimiter: ExchangeRateLimiter;
  metrics: BrokerMetrics;
  now?: () => Date;
  verifier?: VerifierOverrides;
}
