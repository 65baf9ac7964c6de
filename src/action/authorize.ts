import * as core from '@actions/core';
import { authorizeClaims, type Allowed, type GrantRequest } from '../core/authorize.ts';
import type { CredentialMinter } from '../core/issue.ts';
import { webIdentityMinter, type WebIdentityMinterOptions } from '../core/web-identity-minter.ts';
import type { RunnerTokenRequest } from '../oidc/request-token.ts';
import { TokenSource } from '../oidc/token-source.ts';
import { verifyToken } from '../oidc/verify.ts';
import type { Policy } from '../policy/types.ts';
import { requestMaskedToken } from './runner-token.ts';
import { writeDenialSummary } from './summary.ts';

// A token this close to expiry is replaced before it is sent: a cloud's STS refuses one that dies in
// flight, and Google's exchange takes two hops.
const MIN_TOKEN_VALIDITY_SECONDS = 60;

/** The runner's tokens for one audience: each masked as it arrives, and verified before it is handed out. */
export function runnerTokens(runner: RunnerTokenRequest, issuer: string, audience: string): TokenSource {
  return new TokenSource({
    fetchToken: () => requestMaskedToken(runner, audience),
    verify: (token) => verifyToken(token, { issuer, audience }),
  });
}

/** Mints one cloud's credentials with that cloud's own runner tokens, fresh enough to survive the exchange. */
export function runnerMinter(tokens: TokenSource, cloud: Omit<WebIdentityMinterOptions, 'getToken'>): CredentialMinter {
  return webIdentityMinter({
    ...cloud,
    getToken: async ({ forceRefresh }) => (await tokens.get({ forceRefresh, minValiditySeconds: MIN_TOKEN_VALIDITY_SECONDS })).token,
  });
}

/**
 * Decides one cloud's request: the token for that cloud's audience is verified, then its claims face
 * the policy. Every decision is explained in the log; a denial also in the job summary, and it throws.
 */
export async function authorize(policy: Policy, tokens: TokenSource, cloud: string, wanted: GrantRequest): Promise<Allowed> {
  const { claims } = await tokens.get();
  core.info(`${cloud}: verified the OIDC token from ${claims.iss} for audience ${JSON.stringify(claims.aud)}; subject "${claims.sub}".`);
  const authorization = authorizeClaims(policy, claims, wanted);
  core.startGroup(`${cloud}: policy ${policy.source}: ${authorization.allowed ? 'allowed' : 'denied'}`);
  for (const line of authorization.explanation) core.info(line);
  core.endGroup();
  if (!authorization.allowed) {
    await writeDenialSummary(cloud, authorization.explanation);
    throw authorization.error;
  }
  return authorization;
}
