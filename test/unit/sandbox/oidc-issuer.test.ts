import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await OidcIssuer.start({ job: { environment: 'staging' } });
});
afterAll(() => issuer.close());

function requestToken(audience?: string, authorization: string | null = `Bearer ${issuer.tokenRequestBearer}`): Promise<Response> {
  const url = new URL(issuer.tokenRequestUrl);
  if (audience) url.searchParams.set('audience', audience);
  return fetch(url, { headers: authorization === null ? {} : { authorization } });
}

async function tokenFromRunnerEndpoint(audience?: string): Promise<string> {
  const response = await requestToken(audience);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { count: number; value: string };
  expect(body.count).toBe(1);
  return body.value;
}

async function jwks(): Promise<JSONWebKeySet> {
  return (await (await fetch(issuer.jwksUrl)).json()) as JSONWebKeySet;
}

describe('OidcIssuer discovery and keys', () => {
  it('serves on loopback with GitHub’s runner token URL shape', () => {
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(issuer.tokenRequestUrl).toBe(`${issuer.url}/_apis/distributedtask/idtoken?api-version=2.0`);
    expect(issuer.jwksUrl).toBe(`${issuer.url}/.well-known/jwks`);
    expect(issuer.tokenRequestBearer.length).toBeGreaterThanOrEqual(32);
  });

  it('publishes a discovery document that names itself, its JWKS, RS256 and the claims it issues', async () => {
    const response = await fetch(`${issuer.url}/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: issuer.url,
      jwks_uri: issuer.jwksUrl,
      response_types_supported: ['id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid'],
    });
    expect(discovery.claims_supported).toEqual(expect.arrayContaining(['sub', 'aud', 'iss', 'repository_owner_id', 'job_workflow_ref', 'environment', 'jti']));
  });

  it('publishes only public RS256 signing keys, cacheable for five minutes', async () => {
    const response = await fetch(issuer.jwksUrl);
    expect(response.headers.get('cache-control')).toBe('max-age=300');
    const { keys } = (await response.json()) as JSONWebKeySet;
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
      expect(typeof key.kid).toBe('string');
      for (const privatePart of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(key).not.toHaveProperty(privatePart);
    }
  });

  it('signs with the key its JWKS publishes, naming it by kid', async () => {
    const header = decodeProtectedHeader(await issuer.mint());
    expect(header).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect((await jwks()).keys.map((key) => key.kid)).toContain(header.kid);
  });

  it('answers 404 for an unknown path and 405 for a method other than GET', async () => {
    expect((await fetch(`${issuer.url}/nope`)).status).toBe(404);
    const post = await fetch(issuer.jwksUrl, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(await post.json()).toEqual({ message: 'method not allowed' });
  });

  it('answers 503 on every endpoint during an outage, and serves again once restored', async () => {
    issuer.outage();
    try {
      expect((await fetch(issuer.jwksUrl)).status).toBe(503);
      expect((await fetch(`${issuer.url}/.well-known/openid-configuration`)).status).toBe(503);
      expect((await requestToken('sts.amazonaws.com')).status).toBe(503);
    } finally {
      issuer.restore();
    }
    expect((await fetch(issuer.jwksUrl)).status).toBe(200);
  });

  it('counts requests by path', async () => {
    const before = issuer.requestCounts.get('/.well-known/jwks') ?? 0;
    await fetch(issuer.jwksUrl);
    await fetch(issuer.jwksUrl);
    expect(issuer.requestCounts.get('/.well-known/jwks')).toBe(before + 2);
  });
});

describe('OidcIssuer key rotation', () => {
  it('rotates on demand, keeping the previous key published so tokens in flight still verify', async () => {
    const earlier = await issuer.mint({ audience: 'sts.amazonaws.com' });
    await issuer.rotateKeys();
    const later = await issuer.mint({ audience: 'sts.amazonaws.com' });
    expect(decodeProtectedHeader(later).kid).not.toBe(decodeProtectedHeader(earlier).kid);
    const keys = createLocalJWKSet(await jwks());
    await expect(jwtVerify(earlier, keys)).resolves.toBeDefined();
    await expect(jwtVerify(later, keys)).resolves.toBeDefined();
  });

  it('retires every earlier key on request, after which earlier tokens no longer verify', async () => {
    const earlier = await issuer.mint({ audience: 'sts.amazonaws.com' });
    await issuer.rotateKeys({ retirePrevious: true });
    const published = await jwks();
    expect(published.keys).toHaveLength(1);
    expect(published.keys[0]!.kid).not.toBe(decodeProtectedHeader(earlier).kid);
    await expect(jwtVerify(earlier, createLocalJWKSet(published))).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    await expect(jwtVerify(await issuer.mint(), createLocalJWKSet(published))).resolves.toBeDefined();
  });
});

describe('OidcIssuer token-request endpoint', () => {
  it('refuses a request without a bearer with 401', async () => {
    const response = await requestToken('sts.amazonaws.com', null);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized: the request bearer is missing or wrong' });
  });

  it('refuses a wrong bearer, or the right one under another scheme, with 401', async () => {
    expect((await requestToken('sts.amazonaws.com', 'Bearer wrong')).status).toBe(401);
    expect((await requestToken('sts.amazonaws.com', `Basic ${issuer.tokenRequestBearer}`)).status).toBe(401);
    expect((await requestToken('sts.amazonaws.com', issuer.tokenRequestBearer)).status).toBe(401);
  });

  it('issues a token for the audience asked for', async () => {
    expect(decodeJwt(await tokenFromRunnerEndpoint('sts.amazonaws.com')).aud).toBe('sts.amazonaws.com');
    expect(decodeJwt(await tokenFromRunnerEndpoint('api://AzureADTokenExchange')).aud).toBe('api://AzureADTokenExchange');
  });

  it('defaults the audience to the owner’s URL, as GitHub does', async () => {
    expect(decodeJwt(await tokenFromRunnerEndpoint()).aud).toBe('https://github.com/octo-org');
  });

  it('shapes runner tokens as a test asks, keeping the requested audience', async () => {
    issuer.runnerTokenShape = { claims: { repository: 'evil/fork' }, lifetimeSeconds: 60 };
    try {
      const payload = decodeJwt(await tokenFromRunnerEndpoint('sts.amazonaws.com'));
      expect(payload).toMatchObject({ repository: 'evil/fork', aud: 'sts.amazonaws.com' });
      expect(payload.exp! - payload.iat!).toBe(60);
    } finally {
      issuer.runnerTokenShape = {};
    }
  });

  it('records every token it hands out', async () => {
    const token = await tokenFromRunnerEndpoint('sts.amazonaws.com');
    expect(issuer.minted).toContain(token);
  });
});

describe('OidcIssuer tokens', () => {
  it('carry GitHub’s claim set for the job, verifiable with jose against the JWKS', async () => {
    const token = await tokenFromRunnerEndpoint('sts.amazonaws.com');
    const { payload, protectedHeader } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUrl)), {
      issuer: issuer.url,
      audience: 'sts.amazonaws.com',
      algorithms: ['RS256'],
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      iss: issuer.url,
      aud: 'sts.amazonaws.com',
      sub: 'repo:octo-org/app:environment:staging',
      repository: 'octo-org/app',
      repository_id: '8429',
      repository_owner: 'octo-org',
      repository_owner_id: '1342004',
      repository_visibility: 'private',
      ref: 'refs/heads/main',
      ref_type: 'branch',
      ref_protected: 'true',
      environment: 'staging',
      event_name: 'push',
      workflow: 'deploy',
      workflow_ref: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
      workflow_sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
      job_workflow_ref: 'octo-org/app/.github/workflows/deploy.yml@refs/heads/main',
      job_workflow_sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
      run_id: '9876543210',
      run_number: '42',
      run_attempt: '1',
      runner_environment: 'github-hosted',
      actor: 'octocat',
      actor_id: '583231',
      sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4',
    });
    expect(payload.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('live five minutes from iat, with nbf back-dated five minutes, as GitHub’s do', async () => {
    const before = Math.floor(Date.now() / 1000);
    const payload = decodeJwt(await issuer.mint());
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.exp).toBe(payload.iat! + 300);
    expect(payload.nbf).toBe(payload.iat! - 300);
  });

  it('have a fresh jti each time', async () => {
    const jtis = new Set<unknown>();
    for (let i = 0; i < 3; i++) jtis.add(decodeJwt(await issuer.mint()).jti);
    expect(jtis.size).toBe(3);
  });

  it('take iat, lifetime, extra claims and removed claims from the mint options', async () => {
    const payload = decodeJwt(
      await issuer.mint({ audience: ['a', 'b'], issuedAt: 1_700_000_000, lifetimeSeconds: 30, claims: { environment: undefined, custom: 'x', run_attempt: 2 } }),
    );
    expect(payload).toMatchObject({ aud: ['a', 'b'], iat: 1_700_000_000, nbf: 1_700_000_000 - 300, exp: 1_700_000_030, custom: 'x', run_attempt: 2 });
    expect(payload).not.toHaveProperty('environment');
  });

  it('can be forged under the current kid, and the forgery fails verification', async () => {
    const forged = await issuer.mint({ audience: 'sts.amazonaws.com', forgeSignature: true });
    expect(decodeProtectedHeader(forged).kid).toBe(decodeProtectedHeader(await issuer.mint()).kid);
    await expect(jwtVerify(forged, createLocalJWKSet(await jwks()))).rejects.toMatchObject({ code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });

  it('take extra protected-header fields for hostile-token tests', async () => {
    expect(decodeProtectedHeader(await issuer.mint({ header: { typ: 'at+jwt', x5u: 'https://evil.example' } }))).toMatchObject({ typ: 'at+jwt', x5u: 'https://evil.example' });
  });
});

describe('OidcIssuer options', () => {
  it('take the job, the token lifetime and the nbf skew from the caller', async () => {
    const custom = await OidcIssuer.start({ job: { environment: undefined, repository: 'acme/tools', repositoryOwner: 'acme' }, tokenLifetimeSeconds: 120, notBeforeSkewSeconds: 10 });
    try {
      const payload = decodeJwt(await custom.mint());
      expect(payload).toMatchObject({ sub: 'repo:acme/tools:ref:refs/heads/main', aud: 'https://github.com/acme', iss: custom.url });
      expect(payload).not.toHaveProperty('environment');
      expect(payload.exp! - payload.iat!).toBe(120);
      expect(payload.iat! - payload.nbf!).toBe(10);
      expect(custom.tokenRequestBearer).not.toBe(issuer.tokenRequestBearer);
    } finally {
      await custom.close();
    }
  });
});
