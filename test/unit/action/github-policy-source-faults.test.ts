// The GitHub API failing in ways the sandbox's contents API does not: a server error, a forbidden
// repository and a dropped connection, from a small loopback server that does only that.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../src/errors/broker-error.ts';
import { githubPolicySource } from '../../../src/action/github-policy-source.ts';
import { rejection } from '../../helpers/broker-error.ts';

const TOKEN = 'ghs_faulty-api-token';
const NETWORK_HINT = 'Check GITHUB_API_URL and the network path to the GitHub API, and retry.';
let server: Server;
const savedApiUrl = process.env.GITHUB_API_URL;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url?.includes('/contents/hang-up.yml')) return req.socket.destroy();
    const status = req.url?.includes('/contents/forbidden.yml') ? 403 : 500;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `failure ${status}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // @actions/github reads GITHUB_API_URL once, when the first source loads it.
  process.env.GITHUB_API_URL = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  if (savedApiUrl === undefined) delete process.env.GITHUB_API_URL;
  else process.env.GITHUB_API_URL = savedApiUrl;
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const policies = () => githubPolicySource({ owner: 'octo-org', repo: 'policies', ref: 'v2' }, TOKEN);

describe('githubPolicySource when the API fails', () => {
  it('reports a server error by its status and points at the API', async () => {
    const error = await rejection(policies().read('ci.yml'));
    expect(error.code).toBe(ErrorCode.PolicySourceInvalid);
    expect(error.message).toBe('Reading octo-org/policies/ci.yml@v2 through the GitHub API failed (HTTP 500).');
    expect(error.hint).toBe(NETWORK_HINT);
  });

  it('says which token to give when the repository is forbidden', async () => {
    const error = await rejection(policies().read('forbidden.yml'));
    expect(error.message).toBe('Reading octo-org/policies/forbidden.yml@v2 through the GitHub API failed (HTTP 403).');
    expect(error.hint).toContain('Give `github-token` a token that can read octo-org/policies (contents: read)');
  });

  it('reports a dropped connection as a failed read, and points at the network', async () => {
    const error = await rejection(policies().read('hang-up.yml'));
    expect(error.code).toBe(ErrorCode.PolicySourceInvalid);
    expect(error.message.startsWith('Reading octo-org/policies/hang-up.yml@v2 through the GitHub API failed (')).toBe(true);
    expect(error.message).not.toContain(TOKEN);
    expect(error.hint).toBe(NETWORK_HINT);
    expect(error.cause).toBeDefined();
  });
});
