import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { PolicySource } from '../policy/sources/policy-source.ts';
import { proxiedFetch } from '../util/proxy.ts';
import { defaultRetryPolicy, RetriesExhaustedError, withRetries, type RetryPolicy } from '../util/retry.ts';

const READ_RETRIES: RetryPolicy = { ...defaultRetryPolicy, totalTimeoutMs: 20_000 };

/** A failed read that another may cure (no answer, 5xx, 429, a body cut off), holding the error to report if none does. */
class TransientRead extends Error {
  readonly failure: BrokerError;
  constructor(failure: BrokerError) {
    super(failure.message);
    this.failure = failure;
  }
}

export interface RepositoryLocation {
  owner: string;
  repo: string;
  /** A branch, tag or commit SHA; undefined reads the default branch. */
  ref: string | undefined;
}

/**
 * Files of a repository read through the GitHub REST API (GITHUB_API_URL, so GHES works too) with a
 * token that the workflow provides. Nothing is checked out: the job's workspace plays no part.
 */
export function githubPolicySource(location: RepositoryLocation, token: string): PolicySource {
  const name = `${location.owner}/${location.repo}`;
  const at = location.ref === undefined ? '' : `@${location.ref}`;
  // Loaded only for this source: the workspace path never pays for Octokit.
  // Our fetch, not the one @actions/github brings: that one reads HTTPS_PROXY alone, not the `http-proxy` input.
  const octokit = import('@actions/github').then(({ getOctokit }) => getOctokit(token, { request: { fetch: proxiedFetch } }));
  return {
    displayName: (path) => `${name}/${path}${at}`,
    async read(path) {
      try {
        const { value } = await withRetries(() => readOnce(path), (error) => ({ retry: error instanceof TransientRead }), READ_RETRIES);
        return value;
      } catch (error) {
        if (error instanceof RetriesExhaustedError) throw (error.lastError as TransientRead).failure;
        throw error;
      }
    },
  };

  async function readOnce(path: string): Promise<string | undefined> {
    let text: string;
    let declaredLength: number | undefined;
    try {
      const response = await (await octokit).rest.repos.getContent({ ...location, path, mediaType: { format: 'raw' } });
      // Octokit hands a raw body over as text or as bytes, depending on the content type's charset.
      const data = response.data as unknown;
      text = data instanceof ArrayBuffer ? new TextDecoder().decode(data) : String(data);
      // Octokit turns a body cut off mid-answer into an empty one; only an uncompressed answer's length can be compared.
      const length = Number(response.headers['content-length']);
      if (!response.headers['content-encoding'] && Number.isInteger(length)) declaredLength = length;
    } catch (error) {
      // A proxy's refusal (Octokit keeps it as the cause) is final and says what to do about it.
      const cause = (error as { cause?: unknown }).cause;
      if (cause instanceof BrokerError) throw cause;
      // Octokit reports a failure without any answer (a dropped connection) as HTTP 500: say what happened instead.
      const status = (error as { response?: { status?: number } }).response ? (error as { status?: number }).status : undefined;
      if (status === 404) return undefined;
      const failure = new BrokerError(ErrorCode.PolicySourceInvalid, `Reading ${name}/${path}${at} through the GitHub API failed (${status === undefined ? (error as Error).message : `HTTP ${status}`}).`, {
        hint:
          status === 401 || status === 403
            ? `Give \`github-token\` a token that can read ${name} (contents: read), such as a GitHub App installation token; the job's own GITHUB_TOKEN reads only its repository.`
            : 'Check GITHUB_API_URL and the network path to the GitHub API, and retry.',
        cause: error,
      });
      throw status === undefined || status >= 500 || status === 429 ? new TransientRead(failure) : failure;
    }
    if (declaredLength !== undefined && Buffer.byteLength(text) !== declaredLength) {
      throw new TransientRead(
        new BrokerError(ErrorCode.PolicySourceInvalid, `Reading ${name}/${path}${at} through the GitHub API failed: the answer was cut off (${Buffer.byteLength(text)} of ${declaredLength} bytes).`, {
          hint: 'The connection to the GitHub API dropped mid-answer, so no part of the policy was used. Retry the job, and check the network path to GITHUB_API_URL.',
        }),
      );
    }
    return text;
  }
}
