import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultPlan, listenOnLoopback, sendJson, type LoopbackServer } from '../http.ts';

/**
 * The slice of the GitHub REST API that reads a file from a repository at a ref
 * (`GET /repos/{owner}/{repo}/contents/{path}?ref=`), with the raw media type, a bearer token and the
 * real status codes: 401 without a valid token, 404 for a repository, ref or path it cannot see. A
 * folder's path lists its entries, `GET /repos/{owner}/{repo}` describes a repository (its numeric id,
 * its owner's, its default branch), and `GET /orgs/{org}/repos` lists an organisation's repositories
 * page by page (per_page, page and a Link header), as `scan --github-org` reads them.
 */
export class GitHubContentsApi {
  readonly url: string;
  /** A token that may read every repository here, as a GitHub App installation token would. */
  readonly token = `ghs_${randomBytes(18).toString('base64url')}`;
  /** Requests served, so tests can see which ref was read; a repository's description has the path ''. */
  readonly requests: Array<{ repository: string; path: string; ref: string | undefined }> = [];
  /** Network and service faults served before a request is handled; GitHub's own error shape is JSON `{ message }`. */
  readonly faults: FaultPlan;
  readonly #server: LoopbackServer;
  // repository -> ref -> path -> text; a repository's default branch is the ref `undefined` reads.
  readonly #files = new Map<string, Map<string, Map<string, string>>>();
  readonly #defaultBranches = new Map<string, string>();
  // Numeric ids, given in the order repositories and owners first appear, as GitHub's never change.
  readonly #repositoryIds = new Map<string, number>();
  readonly #ownerIds = new Map<string, number>();

  private constructor(server: LoopbackServer, faults: FaultPlan) {
    this.#server = server;
    this.faults = faults;
    this.url = server.url;
  }

  static async start(): Promise<GitHubContentsApi> {
    const late: { api?: GitHubContentsApi } = {};
    const faults = new FaultPlan();
    const server = await listenOnLoopback((req, res) => late.api!.#handle(req, res), faults);
    late.api = new GitHubContentsApi(server, faults);
    return late.api;
  }

  /** Puts files into a repository at a ref (a branch, a tag or a commit SHA). */
  putFiles(repository: string, ref: string, files: Record<string, string>, options: { defaultBranch?: boolean } = {}): void {
    const refs = this.#files.get(repository) ?? new Map<string, Map<string, string>>();
    refs.set(ref, new Map([...(refs.get(ref) ?? new Map<string, string>()), ...Object.entries(files)]));
    this.#files.set(repository, refs);
    if (options.defaultBranch || !this.#defaultBranches.has(repository)) this.#defaultBranches.set(repository, ref);
    if (!this.#repositoryIds.has(repository)) this.#repositoryIds.set(repository, 100_000 + this.#repositoryIds.size);
    const owner = repository.split('/')[0]!;
    if (!this.#ownerIds.has(owner)) this.#ownerIds.set(owner, 9_000 + this.#ownerIds.size);
  }

  /** The numeric ids the API reports for a repository put here, and its owner. */
  idsOf(repository: string): { repositoryId: number; ownerId: number } | undefined {
    const repositoryId = this.#repositoryIds.get(repository);
    return repositoryId === undefined ? undefined : { repositoryId, ownerId: this.#ownerIds.get(repository.split('/')[0]!)! };
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
    const org = /^\/orgs\/([^/]+)\/repos$/.exec(url.pathname);
    const described = /^\/repos\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (req.method !== 'GET' || (!match && !org && !described)) return sendJson(res, 404, { message: 'Not Found', status: '404' });
    if (req.headers.authorization !== `Bearer ${this.token}` && req.headers.authorization !== `token ${this.token}`) {
      return sendJson(res, 401, { message: 'Bad credentials', status: '401' });
    }
    if (org) return this.#listRepositories(decodeURIComponent(org[1]!), url, res);
    if (described) {
      const repository = `${decodeURIComponent(described[1]!)}/${decodeURIComponent(described[2]!)}`;
      this.requests.push({ repository, path: '', ref: undefined });
      return this.#repositoryIds.has(repository) ? sendJson(res, 200, this.#describe(repository)) : sendJson(res, 404, { message: 'Not Found', status: '404' });
    }
    const [, owner, name, encodedPath] = match!;
    const repository = `${owner}/${name}`;
    const path = decodeURIComponent(encodedPath!);
    const ref = url.searchParams.get('ref') ?? undefined;
    this.requests.push({ repository, path, ref });
    const files = this.#files.get(repository)?.get(ref ?? this.#defaultBranches.get(repository) ?? '');
    const text = files?.get(path);
    const folder = text === undefined ? folderEntries(files, path) : [];
    // GitHub answers a folder with its entries as JSON, whatever media type was asked for.
    if (folder.length > 0) return sendJson(res, 200, folder);
    if (text === undefined) return sendJson(res, 404, { message: 'Not Found', status: '404' });
    // Octokit asks for application/vnd.github.v3.raw; GitHub accepts that and the unversioned name.
    if (!/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? ''))) {
      return sendJson(res, 200, { type: 'file', encoding: 'base64', path, content: Buffer.from(text).toString('base64') });
    }
    res.writeHead(200, { 'content-type': 'application/vnd.github.raw', 'content-length': Buffer.byteLength(text) }).end(text);
  }

  #listRepositories(org: string, url: URL, res: ServerResponse): void {
    const all = [...this.#repositoryIds.keys()].filter((repository) => repository.split('/')[0] === org).sort();
    if (all.length === 0) return sendJson(res, 404, { message: 'Not Found', status: '404' });
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const slice = all.slice((page - 1) * perPage, page * perPage);
    const next: Record<string, string> = page * perPage < all.length ? { link: `<${this.url}/orgs/${org}/repos?per_page=${perPage}&page=${page + 1}>; rel="next"` } : {};
    sendJson(
      res,
      200,
      slice.map((repository) => this.#describe(repository)),
      next,
    );
  }

  /** A repository as GitHub's API describes it, in the fields clients read. */
  #describe(repository: string): Record<string, unknown> {
    const [owner, name] = repository.split('/') as [string, string];
    return {
      id: this.#repositoryIds.get(repository),
      name,
      full_name: repository,
      owner: { login: owner, id: this.#ownerIds.get(owner) },
      default_branch: this.#defaultBranches.get(repository),
      archived: false,
      fork: false,
    };
  }
}

/** The files and folders directly inside `path`, as GitHub lists a folder. */
function folderEntries(files: ReadonlyMap<string, string> | undefined, path: string): Array<{ type: 'file' | 'dir'; name: string; path: string }> {
  const prefix = `${path.replace(/\/+$/, '')}/`;
  const names = new Map<string, 'file' | 'dir'>();
  for (const file of files?.keys() ?? []) {
    if (!file.startsWith(prefix)) continue;
    const [name, ...rest] = file.slice(prefix.length).split('/');
    names.set(name!, rest.length > 0 ? 'dir' : (names.get(name!) ?? 'file'));
  }
  return [...names].sort().map(([name, type]) => ({ type, name, path: `${prefix}${name}` }));
}
