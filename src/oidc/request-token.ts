import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { fetchText, parseJson } from '../util/fetch-text.ts';
import { defaultRetryPolicy, formatSeconds, RetriesExhaustedError, type RetryPolicy } from '../util/retry.ts';

/** Where and how a GitHub runner lets a job ask for its OIDC token. */
export interface RunnerTokenRequest {
  requestUrl: string;
  requestBearer: string;
}

const ATTEMPT_TIMEOUT_MS = 10_000;
const TOKEN_REQUEST_RETRIES: RetryPolicy = { ...defaultRetryPolicy, totalTimeoutMs: 20_000 };

/** Reads the runner's token-request variables, which exist only when the job may have a token. */
export function runnerTokenRequestFromEnv(env: NodeJS.ProcessEnv): RunnerTokenRequest {
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const requestBearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!requestUrl || !requestBearer) {
    throw new BrokerError(ErrorCode.PermissionMissing, 'This job may not request an OIDC token: the runner did not provide ACTIONS_ID_TOKEN_REQUEST_URL.', {
      hint:
        'Add `permissions: id-token: write` to the job (or the workflow). Workflows triggered by pull requests from forks never get ' +
        'this permission; run the credentialed part on a trusted event instead.',
    });
  }
  return { requestUrl, requestBearer };
}

/**
 * The runner's token request as a later step sees it when a tool renews credentials there. Only steps
 * that inherit the job's environment can renew, so the error says which those are, and what else to use.
 */
export function renewalTokenRequestFromEnv(env: NodeJS.ProcessEnv, renewing: string, otherwise: string): RunnerTokenRequest {
  try {
    return runnerTokenRequestFromEnv(env);
  } catch (error) {
    throw new BrokerError(ErrorCode.PermissionMissing, `This step cannot ask the runner for an OIDC token to renew ${renewing}: ACTIONS_ID_TOKEN_REQUEST_URL is not in its environment.`, {
      hint: `Run the tools in \`run:\` steps or JavaScript actions, which inherit it; a container action or a \`docker run\` sees neither it nor RUNNER_TEMP at the same path. ${otherwise}`,
      cause: error,
    });
  }
}

/** Asks the runner's token endpoint for a token with the given audience. Never logs the bearer. */
export async function requestRunnerToken(
  request: RunnerTokenRequest & { audience: string; retryPolicy?: RetryPolicy },
): Promise<string> {
  const url = new URL(request.requestUrl);
  url.searchParams.set('audience', request.audience);
  try {
    const { status, text } = await fetchText(url, { headers: { authorization: `Bearer ${request.requestBearer}`, accept: 'application/json' } }, request.retryPolicy ?? TOKEN_REQUEST_RETRIES, ATTEMPT_TIMEOUT_MS);
    if (status < 200 || status >= 300) {
      throw new BrokerError(ErrorCode.TokenRequestFailed, `The runner's token endpoint refused the request (HTTP ${status}).`, {
        hint: 'The request bearer was rejected: check that `permissions: id-token: write` is granted and that nothing overrides ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
      });
    }
    // A whole body without a token is the runner's answer, and final.
    const body = parseJson(text) as { value?: unknown } | undefined;
    if (typeof body?.value !== 'string' || body.value === '') {
      throw new BrokerError(ErrorCode.TokenRequestFailed, "The runner's token endpoint answered without a token.", {
        hint: 'Retry the job; if it persists, the runner may be misconfigured (check ACTIONS_ID_TOKEN_REQUEST_URL).',
      });
    }
    return body.value;
  } catch (error) {
    if (!(error instanceof RetriesExhaustedError)) throw error;
    throw new BrokerError(
      ErrorCode.TokenRequestFailed,
      `The runner's token endpoint failed ${error.attempts} time(s) over ${(error.elapsedMs / 1000).toFixed(1)} s${error.timedOut && error.budgetMs !== undefined ? `, the ${formatSeconds(error.budgetMs)} s time budget` : ''} (last: ${(error.lastError as Error).message}).`,
      { hint: 'The runner could not issue a token; retry the job. GitHub status may show an Actions incident.', cause: error },
    );
  }
}

