import * as core from '@actions/core';
import type { RunnerTokenRequest } from '../oidc/request-token.ts';
import { TokenSource } from '../oidc/token-source.ts';
import { verifyToken, type VerifiedClaims } from '../oidc/verify.ts';
import { checkedClaims, evaluatePolicy } from '../policy/evaluate.ts';
import { denialError, explainDecision } from '../policy/explain.ts';
import type { Policy, PolicyRule } from '../policy/types.ts';
import { requestMaskedToken } from './runner-token.ts';
import { writeDenialSummary } from './summary.ts';

/** A verified token for one audience, and the rule that allowed it. */
export interface Authorization {
  tokens: TokenSource;
  claims: VerifiedClaims;
  rule: PolicyRule;
  checkedClaims: Array<[string, string]>;
}

/** The runner's tokens for one audience: each masked as it arrives, and verified before it is handed out. */
export function runnerTokens(runner: RunnerTokenRequest, issuer: string, audience: string): TokenSource {
  return new TokenSource({
    fetchToken: () => requestMaskedToken(runner, audience),
    verify: (token) => verifyToken(token, { issuer, audience }),
  });
}

/**
 * Decides one cloud's request: the token for that cloud's audience is verified, then its claims face
 * the policy. Every decision is explained in the log; a denial also in the job summary, and it throws.
 */
export async function authorize(policy: Policy, tokens: TokenSource, cloud: string): Promise<Authorization> {
  const { claims } = await tokens.get();
  core.info(`${cloud}: verified the OIDC token from ${claims.iss} for audience ${JSON.stringify(claims.aud)}; subject "${claims.sub}".`);
  const decision = evaluatePolicy(policy, claims);
  const explanation = explainDecision(decision);
  core.startGroup(`${cloud}: policy ${policy.source}: ${decision.allowed ? 'allowed' : 'denied'}`);
  for (const line of explanation) core.info(line);
  core.endGroup();
  if (!decision.allowed) {
    await writeDenialSummary(cloud, explanation);
    throw denialError(decision, policy.source);
  }
  return { tokens, claims, rule: decision.rule, checkedClaims: checkedClaims(decision) };
}
