import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { proxiedFetch } from '../util/proxy.ts';
import type { Repository } from './repository.ts';
import type { GitHubRepositoryIds, RepositoryScan } from './scan-result.ts';
import { scanRepository } from './scan.ts';

export interface GitHubOrgOptions {
  org: string;
  /** https://api.github.com, or GitHub Enterprise Server's /api/v3, or the sandbox's. */
  apiUrl: string;
  token: string;
  /** The most repositories to read: the scan stops listing beyond, and says so. */
  maxRepositories: number;
  /** Called after each repository, to show progress. */
  progress?: ((done: number, total: number, repository: string) => void) | undefined;
}

interface ListedRepository {
  full_name: string;
  id: number;
  owner: { id: number };
  default_branch?: string;
  archived?: boolean;
}

const PER_PAGE = 100;
// Enough to overlap the API's latency without tripping its secondary rate limit for concurrent requests.
const CONCURRENCY = 4;
const REQUEST_TIMEOUT_MS = 30_000;

/** An organisation's repositories (archived ones left out), each scanned through the contents API. */
export async function scanGitHubOrg(options: GitHubOrgOptions): Promise<{ scans: RepositoryScan[]; truncated: boolean }> {
  const { repositories, truncated } = await listRepositories(options);
  const scans: RepositoryScan[] = new Array(repositories.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < repositories.length) {
      const index = next++;
      const listed = repositories[index]!;
      const scan = await scanRepository(githubRepository(options.apiUrl, options.token, listed.full_name));
      scans[index] = { ...scan, github: idsOf(listed) };
      options.progress?.(++done, repositories.length, listed.full_name);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, repositories.length) }, worker));
  return { scans, truncated };
}

async function listRepositories(options: GitHubOrgOptions): Promise<{ repositories: ListedRepository[]; truncated: boolean }> {
  const repositories: ListedRepository[] = [];
  let url: string | undefined = `${options.apiUrl.replace(/\/+$/, '')}/orgs/${encodeURIComponent(options.org)}/repos?per_page=${PER_PAGE}&type=all`;
  while (url !== undefined && repositories.length < options.maxRepositories) {
    const response = await get(url, options.token, 'application/vnd.github+json', `the repositories of ${options.org}`);
    if (response === undefined) throw new BrokerError(ErrorCode.InputInvalid, `GitHub has no organisation ${options.org} that the token can see.`, { hint: 'Check the name, and that the token may read the organisation’s repositories.' });
    repositories.push(...((await response.json()) as ListedRepository[]).filter((repository) => !repository.archived));
    url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
  }
  return { repositories: repositories.slice(0, options.maxRepositories), truncated: url !== undefined || repositories.length > options.maxRepositories };
}

/**
 * One repository's numeric ids and default branch (`GET /repos/{owner}/{repo}`), for the plan of a
 * checkout scanned from disk.
 */
export async function readRepositoryIds(apiUrl: string, token: string, fullName: string): Promise<GitHubRepositoryIds> {
  const response = await get(`${apiUrl.replace(/\/+$/, '')}/repos/${fullName.split('/').map(encodeURIComponent).join('/')}`, token, 'application/vnd.github+json', fullName);
  if (response === undefined) throw new BrokerError(ErrorCode.InputInvalid, `GitHub has no repository ${fullName} that the token can see.`, { hint: 'Check --repository OWNER/REPO (or the git remote), and that the token may read the repository (metadata: read).' });
  return idsOf((await response.json()) as ListedRepository);
}

function idsOf(listed: ListedRepository): GitHubRepositoryIds {
  return { fullName: listed.full_name, repositoryId: String(listed.id), ownerId: String(listed.owner.id), defaultBranch: listed.default_branch };
}

/** A repository read through the contents API, at its default branch. */
export function githubRepository(apiUrl: string, token: string, fullName: string): Repository {
  const contents = (path: string): string => `${apiUrl.replace(/\/+$/, '')}/repos/${fullName}/contents/${path.split('/').map(encodeURIComponent).join('/')}`;
  const entries = async (dir: string, type: 'file' | 'dir'): Promise<string[]> => {
    const response = await get(contents(dir), token, 'application/vnd.github+json', `${fullName}/${dir}`);
    const body: unknown = response === undefined ? [] : await response.json();
    return Array.isArray(body) ? (body as Array<{ type: string; name: string }>).filter((entry) => entry.type === type).map((entry) => entry.name).sort() : [];
  };
  return {
    display: fullName,
    async read(path) {
      const response = await get(contents(path), token, 'application/vnd.github.raw', `${fullName}/${path}`);
      // A folder answers with its listing, whatever was asked for: that is no file.
      if (response === undefined || response.headers.get('content-type')?.startsWith('application/json')) return undefined;
      return response.text();
    },
    list: (dir) => entries(dir, 'file'),
    folders: (dir) => entries(dir, 'dir'),
  };
}

/** A GET with the token; undefined on 404, an error that names the resource (never the token) otherwise. */
async function get(url: string, token: string, accept: string, what: string): Promise<Response | undefined> {
  let response: Response;
  try {
    response = await proxiedFetch(url, { headers: { authorization: `Bearer ${token}`, accept, 'x-github-api-version': '2022-11-28' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    if (error instanceof BrokerError) throw error;
    throw new BrokerError(ErrorCode.InputInvalid, `Reading ${what} through the GitHub API failed (${(error as Error).message}).`, { hint: 'Check --github-api-url and the network.' });
  }
  if (response.status === 404) return undefined;
  if (!response.ok) {
    const hint = response.status === 401 ? 'The token is not valid: give a token that can read the repositories (contents: read, metadata: read).' : 'GitHub refused or failed; a 403 may be a rate limit: try again later, or with fewer repositories.';
    throw new BrokerError(ErrorCode.InputInvalid, `Reading ${what} through the GitHub API failed (HTTP ${response.status}).`, { hint });
  }
  return response;
}
