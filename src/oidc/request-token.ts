import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { defaultRetryPolicy, formatSeconds, RetriesExhaustedError, withRetries, type RetryPolicy, type RetryVerdict } from '../util/retry.ts';

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

/** Failures of one request, kept apart from final errors so the retry loop can judge them. */
class TransientRequestError extends Error {
  override readonly name = 'TransientRequestError';
  /** How long the endpoint asked us to wait (Retry-After), if it did. */
  readonly afterMs: number | undefined;

  constructor(message: string, options: { cause?: unknown; afterMs?: number | undefined } = {}) {
    super(message, { cause: options.cause });
    this.afterMs = options.afterMs;
  }
}

/** Retry-After in seconds or as an HTTP date; the wait it asks for, if it can be read. */
function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - Date.now();
  return Number.isNaN(ms) ? undefined : Math.max(0, ms);
}

/** Asks the runner's token endpoint for a token with the given audience. Never logs the bearer. */
export async function requestRunnerToken(
  request: RunnerTokenRequest & { audience: string; retryPolicy?: RetryPolicy },
): Promise<string> {
  const url = new URL(request.requestUrl);
  url.searchParams.set('audience', request.audience);
  const endpoint = `${url.origin}${url.pathname}`;
  const classify = (error: unknown): RetryVerdict => (error instanceof TransientRequestError ? { retry: true, afterMs: error.afterMs } : { retry: false });
  try {
    const { value } = await withRetries(
      async ({ remainingMs }) => {
        let response: Response;
        try {
          response = await fetch(url, {
            headers: { authorization: `Bearer ${request.requestBearer}`, accept: 'application/json' },
            signal: AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_TIMEOUT_MS, remainingMs))),
          });
        } catch (cause) {
          throw new TransientRequestError(`could not reach ${endpoint}`, { cause });
        }
        if (response.status >= 500 || response.status === 429) {
          throw new TransientRequestError(`${endpoint} answered HTTP ${response.status}`, { afterMs: retryAfterMs(response) });
        }
        if (!response.ok) {
          throw new BrokerError(ErrorCode.TokenRequestFailed, `The runner's token endpoint refused the request (HTTP ${response.status}).`, {
            hint: 'The request bearer was rejected: check that `permissions: id-token: write` is granted and that nothing overrides ACTIONS_ID_TOKEN_REQUEST_TOKEN.',
          });
        }
        // A body cut off by the connection is a network failure worth another try; a whole body without
        // a token is the runner's answer, and final.
        let text: string;
        try {
          text = await response.text();
        } catch (cause) {
          throw new TransientRequestError(`the answer from ${endpoint} was cut off`, { cause });
        }
        const body = parseJson(text) as { value?: unknown } | undefined;
        if (typeof body?.value !== 'string' || body.value === '') {
          throw new BrokerError(ErrorCode.TokenRequestFailed, "The runner's token endpoint answered without a token.", {
            hint: 'Retry the job; if it persists, the runner may be misconfigured (check ACTIONS_ID_TOKEN_REQUEST_URL).',
          });
        }
        return body.value;
      },
      classify,
      request.retryPolicy ?? TOKEN_REQUEST_RETRIES,
    );
    return value;
  } catch (error) {
    if (!(error instanceof RetriesExhaustedError)) throw error;
    throw new BrokerError(
      ErrorCode.TokenRequestFailed,
      `The runner's token endpoint failed ${error.attempts} time(s) over ${(error.elapsedMs / 1000).toFixed(1)} s${error.timedOut && error.budgetMs !== undefined ? `, the ${formatSeconds(error.budgetMs)} s time budget` : ''} (last: ${(error.lastError as Error).message}).`,
      { hint: 'The runner could not issue a token; retry the job. GitHub status may show an Actions incident.', cause: error },
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
