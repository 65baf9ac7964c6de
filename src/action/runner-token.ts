import * as core from '@actions/core';
import { requestRunnerToken, type RunnerTokenRequest } from '../oidc/request-token.ts';

/** Asks the runner for a token and masks it at once, before anything could print it. */
export async function requestMaskedToken(runner: RunnerTokenRequest, audience: string): Promise<string> {
  const token = await requestRunnerToken({ ...runner, audience });
  core.setSecret(token);
  return token;
}
