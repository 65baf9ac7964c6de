import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await OidcIssuer.start({ job: { environment: 'staging' } });
});
afterAll(() => issuer.close());

function requestToken(audience?: string, bearer = issuer.tokenRequestBearer): Promise<Response> {
  const url = new URL(issuer.tokenRequestUrl);
  if (audience) url.searchParams.set('audience', audience);
  return fetch(url, { headers: { authorization: `Bearer ${bearer}` } });
}

describe('OidcIssuer', () => {
  it('publishes discovery and an RS256 JWKS on loopback', async () => {
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const discovery = (await (await fetch(`${issuer.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(issuer.url);
    expect(discovery.jwks_uri).toBe(issuer.jwksUrl);
    const jwks = (await (await fetch(issuer.jwksUrl)).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('hands the runner a token only for the right bearer', async () => {
    expect((await requestToken('sts.amazonaws.com', 'wrong')).status).toBe(401);
    const response = await requestToken('sts.amazonaws.com');
    expect(response.status).toBe(200);
    const { value } = (await response.json()) as { value: string };
    expect(decodeJwt(value).aud).toBe('sts.amazonaws.com');
  });

  it('defaults the audience to the owner’s URL, as GitHub does', async () => {
    const { value } = (await (await requestToken()).json()) as { value: string };
    expect(decodeJwt(value).aud).toBe('https://github.com/octo-org');
  });

  it('issues GitHub’s claim set with GitHub’s lifetimes, verifiable against its JWKS', async () => {
    const token = await issuer.mint({ audience: 'sts.amazonaws.com' });
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUrl)), { issuer: issuer.url, audience: 'sts.amazonaws.com' });
    for (const claim of ['sub', 'repository', 'repository_id', 'repository_owner', 'repository_owner_id', 'ref', 'ref_type', 'environment', 'event_name', 'workflow_ref', 'job_workflow_ref', 'job_workflow_sha', 'run_id', 'run_attempt', 'runner_environment', 'actor', 'sha', 'jti']) {
      expect(typeof payload[claim]).toBe('string');
    }
    expect(payload.sub).toBe('repo:octo-org/app:environment:staging');
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.iat! - payload.nbf!).toBe(300);
  });

  it('rotates its key on demand, keeping or retiring the previous one', async () => {
    const before = decodeProtectedHeader(await issuer.mint()).kid;
    await issuer.rotateKeys();
    const after = decodeProtectedHeader(await issuer.mint()).kid;
    expect(after).not.toBe(before);
    const kids = async () => ((await (await fetch(issuer.jwksUrl)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
    expect(await kids()).toEqual(expect.arrayContaining([before, after]));
    await issuer.rotateKeys({ retirePrevious: true });
    expect(await kids()).not.toContain(after);
  });

  it('answers 503 on every endpoint during an outage', async () => {
    issuer.outage();
    try {
      expect((await fetch(issuer.jwksUrl)).status).toBe(503);
    } finally {
      issuer.restore();
    }
    expect((await fetch(issuer.jwksUrl)).status).toBe(200);
  });
});
