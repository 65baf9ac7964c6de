import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { PolicySource } from '../policy/sources/policy-source.ts';

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
  const octokit = import('@actions/github').then(({ getOctokit }) => getOctokit(token));
  return {
    displayName: (path) => `${name}/${path}${at}`,
    async read(path) {
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
        // Octokit reports a failure without any answer (a dropped connection) as HTTP 500: say what happened instead.
        const status = (error as { response?: { status?: number } }).response ? (error as { status?: number }).status : undefined;
        if (status === 404) return undefined;
        throw new BrokerError(ErrorCode.PolicySourceInvalid, `Reading ${name}/${path}${at} through the GitHub API failed (${status === undefined ? (error as Error).message : `HTTP ${status}`}).`, {
          hint:
            status === 401 || status === 403
              ? `Give \`github-token\` a token that can read ${name} (contents: read), such as a GitHub App installation token; the job's own GITHUB_TOKEN reads only its repository.`
              : 'Check GITHUB_API_URL and the network path to the GitHub API, and retry.',
          cause: error,
        });
      }
      if (declaredLength !== undefined && Buffer.byteLength(text) !== declaredLength) {
        throw new BrokerError(ErrorCode.PolicySourceInvalid, `Reading ${name}/${path}${at} through the GitHub API failed: the answer was cut off (${Buffer.byteLength(text)} of ${declaredLength} bytes).`, {
          hint: 'The connection to the GitHub API dropped mid-answer, so no part of the policy was used. Retry the job, and check the network path to GITHUB_API_URL.',
        });
      }
      return text;
    },
  };
}
