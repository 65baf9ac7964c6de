import type { RE2JS } from 're2js';
import type { SourceLocation } from '../errors/broker-error.ts';

/**
 * How one claim is tested: equal to one of a list of strings, or matched by a glob or a regex. Both
 * patterns are decided by `source`, an anchored RE2 pattern, which exports hand to CEL unchanged.
 */
export type Matcher = { kind: 'equals'; values: readonly string[] } | PatternMatcher;
export interface PatternMatcher {
  kind: 'glob' | 'regex';
  pattern: string;
  source: string;
  re2: RE2JS;
}

export interface Condition {
  claim: string;
  matcher: Matcher;
  location: SourceLocation;
}

export interface AwsGrant {
  roles: readonly string[];
  maxDurationSeconds: number;
  /** An IAM policy that narrows every session of this grant; `document` is filled in when the file is read. */
  sessionPolicy: { path: string; location: SourceLocation; document: string | undefined } | undefined;
  /** The role the post step assumes to deny the session at job end. */
  revokeRole: string | undefined;
  /** Roles a session of this grant may chain into with AssumeRole (`chain-to`); empty: none. */
  chainTo: readonly string[];
}

export interface GcpGrant {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER */
  workloadIdentityProvider: string;
  /** Empty: the grant allows no impersonation, only the federated token. */
  serviceAccounts: readonly string[];
  maxLifetimeSeconds: number;
  scopes: readonly string[];
  /** Audiences of the ID tokens the grant allows minting as the service account; empty: none. */
  idTokenAudiences: readonly string[];
}

export interface Grant {
  aws?: AwsGrant | undefined;
  gcp?: GcpGrant | undefined;
}

export interface PolicyRule {
  name: string;
  effect: 'allow' | 'deny';
  conditions: readonly Condition[];
  /** Present on allow rules only. */
  grant: Grant | undefined;
  location: SourceLocation;
}

/**
 * Who may use the broker's operator API (the inventory, revocation by selector): tokens whose claims
 * meet every condition, as a rule's would. Nobody, when the section is absent.
 */
export interface Operator {
  name: string;
  conditions: readonly Condition[];
  location: SourceLocation;
}

export interface Policy {
  /** Where the policy came from, for messages: a path. */
  source: string;
  issuers: readonly string[];
  /** Empty: any audience the verifier accepted. */
  audiences: readonly string[];
  rules: readonly PolicyRule[];
  operators: readonly Operator[];
}

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
