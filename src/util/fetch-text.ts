import { BrokerError } from '../errors/broker-error.ts';
import { proxiedFetch } from './proxy.ts';
import { withRetries, type RetryPolicy, type RetryVerdict } from './retry.ts';

/** A failure of one request that another may cure: no answer, a 5xx or 429, or a body cut off. */
class TransientFetchError extends Error {
  override readonly name = 'TransientFetchError';
  /** How long the server asked us to wait (Retry-After), if it did. */
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

/**
 * GETs a URL, through the proxy proxyFor picks, and reads its whole body, retrying what another try may
 * cure (no answer, 5xx, 429 with its Retry-After, a body cut off) within the policy's budget; any other
 * answer is returned for the caller to judge. Each attempt is bounded by `attemptTimeoutMs` and by the
 * budget left. When the budget runs out, throws RetriesExhaustedError whose lastError's message says
 * what went wrong.
 */
export async function fetchText(url: URL | string, init: { headers: Record<string, string> }, policy: RetryPolicy, attemptTimeoutMs: number): Promise<{ status: number; text: string }> {
  const where = new URL(url);
  const endpoint = `${where.origin}${where.pathname}`;
  const classify = (error: unknown): RetryVerdict => (error instanceof TransientFetchError ? { retry: true, afterMs: error.afterMs } : { retry: false });
  const { value } = await withRetries(
    async ({ remainingMs }) => {
      let response: Response;
      try {
        response = await proxiedFetch(url, { headers: init.headers, signal: AbortSignal.timeout(Math.max(1, Math.min(attemptTimeoutMs, remainingMs))) });
      } catch (cause) {
        // A proxy that refused us answers the same way every time.
        if (cause instanceof BrokerError) throw cause;
        throw new TransientFetchError(`could not reach ${endpoint}`, { cause });
      }
      if (response.status >= 500 || response.status === 429) {
        throw new TransientFetchError(`${endpoint} answered HTTP ${response.status}`, { afterMs: retryAfterMs(response) });
      }
      try {
        return { status: response.status, text: await response.text() };
      } catch (cause) {
        throw new TransientFetchError(`the answer from ${endpoint} was cut off`, { cause });
      }
    },
    classify,
    policy,
  );
  return value;
}

/** The JSON a body holds, or undefined when it holds none. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
