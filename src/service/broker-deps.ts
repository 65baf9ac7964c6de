import type { CredentialMinter } from '../core/issue.ts';
import type { SessionDenial } from '../providers/aws/session-denial.ts';
import type { VerifierOverrides } from './bearer.ts';
import type { BrokerMetrics } from './metrics.ts';
import type { PolicyHolder } from './policy-holder.ts';
import type { ExchangeRateLimiter } from './rate-limits.ts';
import type { BrokerStore } from './store/broker-store.ts';

/**
 * Ends AWS sessions before their expiry: writes onto a role the denial `deny` builds from the role's
 * maximum session duration, with the broker's own IAM permissions. Returns the inline policy's name.
 */
export interface SessionRevoker {
  denyOnRole(roleArn: string, deny: (maxSessionDurationSeconds: number) => SessionDenial, now: Date): Promise<string>;
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
