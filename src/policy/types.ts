import type { SourceLocation } from '../errors/broker-error.ts';

/**
 * How one claim is tested. Today a claim equals one of a list of strings; the type is a union so that
 * other ways (globs, regular expressions) join it without changing the evaluator's shape.
 */
export type Matcher = { kind: 'equals'; values: readonly string[] };

export interface Condition {
  claim: string;
  matcher: Matcher;
  location: SourceLocation;
}

export interface AwsGrant {
  roles: readonly string[];
  maxDurationSeconds: number;
}

export interface Grant {
  aws?: AwsGrant | undefined;
}

export interface PolicyRule {
  name: string;
  effect: 'allow' | 'deny';
  conditions: readonly Condition[];
  /** Present on allow rules only. */
  grant: Grant | undefined;
  location: SourceLocation;
}

export interface Policy {
  /** Where the policy came from, for messages: a path. */
  source: string;
  issuers: readonly string[];
  /** Empty: any audience the verifier accepted. */
  audiences: readonly string[];
  rules: readonly PolicyRule[];
}

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
