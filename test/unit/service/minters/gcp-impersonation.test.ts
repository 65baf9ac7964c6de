import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OAuth2Client } from 'google-auth-library';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import type { VerifiedClaims } from '../../../../src/oidc/verify.ts';
import { brokerGenerateAccessToken } from '../../../../src/service/minters/gcp-impersonation.ts';
import { rejection } from '../../../helpers/broker-error.ts';

const TARGET = 'deploy@p.iam.gserviceaccount.com';
const claims = { iss: 'https://issuer', sub: 's', aud: 'a', exp: 2e9, iat: 1.9e9 } as VerifiedClaims;
const seen: Array<{ url: string; authorization: string | undefined; body: unknown }> = [];
let server: Server;
let url: string;

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

beforeAll(async () => {
  // IAM Credentials as far as the broker uses it: the broker's bearer decides, the target is in the path.
  server = createServer((req, res) => {
    void body(req).then((json) => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body: json });
      const allowed = req.headers.authorization === 'Bearer broker-token' && req.url?.includes(encodeURIComponent(TARGET));
      res.writeHead(allowed ? 200 : 403, { 'content-type': 'application/json' });
      res.end(JSON.stringify(allowed ? { accessToken: 'ya29.minted', expireTime: '2030-01-01T00:10:00Z' } : { error: { code: 403, message: 'Permission denied', status: 'PERMISSION_DENIED' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function brokerClient(token: string): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return client;
}

describe('brokerGenerateAccessToken', () => {
  it('asks IAM Credentials, as the broker, for a token of the granted account, lifetime and scopes', async () => {
    const mint = brokerGenerateAccessToken({ iamCredentialsUrl: url, authClient: brokerClient('broker-token') });
    const session = await mint({ workloadIdentityProvider: 'projects/1/locations/global/workloadIdentityPools/p/providers/q', serviceAccount: TARGET, lifetimeSeconds: 600, scopes: ['https://www.googleapis.com/auth/cloud-platform'], claims });
    expect(session).toEqual({ accessToken: 'ya29.minted', expiration: new Date('2030-01-01T00:10:00Z'), serviceAccount: TARGET, workloadIdentityProvider: 'projects/1/locations/global/workloadIdentityPools/p/providers/q' });
    expect(seen.at(-1)).toEqual({ url: `/v1/projects/-/serviceAccounts/${encodeURIComponent(TARGET)}:generateAccessToken`, authorization: 'Bearer broker-token', body: { scope: ['https://www.googleapis.com/auth/cloud-platform'], lifetime: '600s' } });
  });

  it('reports a refusal as access denied, naming the role the broker needs', async () => {
    const mint = brokerGenerateAccessToken({ iamCredentialsUrl: url, authClient: brokerClient('someone-else') });
    const error = await rejection(mint({ workloadIdentityProvider: 'p', serviceAccount: TARGET, lifetimeSeconds: 60, scopes: ['s'], claims }));
    expect(error.code).toBe(ErrorCode.GcpAccessDenied);
    expect(error.hint).toContain('roles/iam.serviceAccountTokenCreator');
    expect(error.message).not.toContain('someone-else');
  });
});
