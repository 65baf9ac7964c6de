// The issuer's faults: an outage of the token endpoint alone, and a key rotation armed for mid-run.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ISSUER_PATHS, OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { requestRunnerToken } from '../../../src/oidc/request-token.ts';

let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await OidcIssuer.start();
});
afterAll(() => issuer.close());

const kids = async (): Promise<string[]> => ((await (await fetch(issuer.jwksUrl)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);
const runner = () => ({ requestUrl: issuer.tokenRequestUrl, requestBearer: issuer.tokenRequestBearer });

describe('OidcIssuer faults', () => {
  it('takes only the token endpoint down in a token-endpoint outage', async () => {
    issuer.outage('token-endpoint');
    try {
      expect((await fetch(`${issuer.url}${ISSUER_PATHS.token}`)).status).toBe(503);
      expect((await fetch(issuer.jwksUrl)).status).toBe(200);
    } finally {
      issuer.restore();
    }
    expect((await fetch(issuer.tokenRequestUrl, { headers: { authorization: `Bearer ${issuer.tokenRequestBearer}` } })).status).toBe(200);
  });

  it('rotates, retiring the old key, right after the JWKS has answered the given number of times', async () => {
    const before = await kids();
    await issuer.rotateKeysAfter('jwks', { count: 2, retirePrevious: true });
    expect(await kids()).toEqual(before);
    expect(issuer.rotationPending).toBe(true);
    // The second answer still shows the old key set; the rotation happens once it is out.
    expect(await kids()).toEqual(before);
    const after = await kids();
    expect(after).toHaveLength(1);
    expect(after).not.toContain(before[0]);
    expect(issuer.rotationPending).toBe(false);
  });

  it('serves faults at the token endpoint that the token request retries past, Retry-After included', async () => {
    issuer.faults.inject(ISSUER_PATHS.token, { kind: 'truncate' }).inject(ISSUER_PATHS.token, { kind: 'throttle', retryAfterSeconds: 1 });
    const started = Date.now();
    const token = await requestRunnerToken({ ...runner(), audience: 'sts.amazonaws.com' });
    expect(token.split('.')).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(issuer.faults.served.map((f) => f.kind)).toEqual(['truncate', 'throttle']);
    // Only the token that arrived whole counts as served to the runner.
    expect(issuer.servedToRunner.at(-1)?.token).toBe(token);
  });
});
