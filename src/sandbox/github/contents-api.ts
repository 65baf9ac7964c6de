import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { FaultPlan, listenOnLoopback, sendJson, type LoopbackServer } from '../http.ts';

/**
 * The slice of the GitHub REST API that reads a file from a repository at a ref
 * (`GET /repos/{owner}/{repo}/contents/{path}?ref=`), with the raw media type, a bearer token and the
 * real status codes: 401 without a valid token, 404 for a repository, ref or path it cannot see.
 */
export class GitHubContentsApi {
  readonly url: string;
  /** A token that may read every repository here, as a GitHub App installation token would. */
  readonly token = `ghs_${randomBytes(18).toString('base64url')}`;
  /** Requests served, so tests can see which ref was read. */
  readonly requests: Array<{ repository: string; path: string; ref: string | undefined }> = [];
  /** Network and service faults served before a request is handled; GitHub's own error shape is JSON `{ message }`. */
  readonly faults: FaultPlan;
  readonly #server: LoopbackServer;
  // repository -> ref -> path -> text; a repository's default branch is the ref `undefined` reads.
  readonly #files = new Map<string, Map<string, Map<string, string>>>();
  readonly #defaultBranches = new Map<string, string>();

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
  }

  close(): Promise<void> {
    return this.#server.close();
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const match = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return sendJson(res, 404, { message: 'Not Found', status: '404' });
    if (req.headers.authorization !== `Bearer ${this.token}` && req.headers.authorization !== `token ${this.token}`) {
      return sendJson(res, 401, { message: 'Bad credentials', status: '401' });
    }
    const repository = `${match[1]}/${match[2]}`;
    const path = decodeURIComponent(match[3]!);
    const ref = url.searchParams.get('ref') ?? undefined;
    this.requests.push({ repository, path, ref });
    const text = this.#files.get(repository)?.get(ref ?? this.#defaultBranches.get(repository) ?? '')?.get(path);
    if (text === undefined) return sendJson(res, 404, { message: 'Not Found', status: '404' });
    // Octokit asks for application/vnd.github.v3.raw; GitHub accepts that and the unversioned name.
    if (!/application\/vnd\.github(\.v3)?\.raw/.test(String(req.headers.accept ?? ''))) {
      return sendJson(res, 200, { type: 'file', encoding: 'base64', path, content: Buffer.from(text).toString('base64') });
    }
    res.writeHead(200, { 'content-type': 'application/vnd.github.raw', 'content-length': Buffer.byteLength(text) }).end(text);
  }
}
