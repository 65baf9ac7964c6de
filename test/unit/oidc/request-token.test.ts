import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { requestRunnerToken, runnerTokenRequestFromEnv } from '../../../src/oidc/request-token.ts';
import { OidcIssuer } from '../../../src/sandbox/issuer/oidc-issuer.ts';
import { decodeJwt } from 'jose';
import { rejection } from '../../helpers/broker-error.ts';

// Fast retries: the loop is under test, not the production timings.
const QUICK = { baseDelayMs: 1, maxDelayMs: 2, totalTimeoutMs: 2_000, maxAttempts: 3 };
let issuer: OidcIssuer;

beforeAll(async () => {
  issuer = await OidcIssuer.start();
});
afterAll(() => issuer.close());


describe('runnerTokenRequestFromEnv', () => {
  it('reads the runner variables', () => {
    expect(runnerTokenRequestFromEnv({ ACTIONS_ID_TOKEN_REQUEST_URL: 'https://runner/x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'b' })).toEqual({ requestUrl: 'https://runner/x', requestBearer: 'b' });
  });

  it('names the missing permission when the runner gave no token endpoint', () => {
    let error: unknown;
    try {
      runnerTokenRequestFromEnv({});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrokerError);
    expect((error as BrokerError).code).toBe(ErrorCode.PermissionMissing);
    expect((error as BrokerError).message).toContain('ACTIONS_ID_TOKEN_REQUEST_URL');
    expect((error as BrokerError).hint).toContain('permissions: id-token: write');
  });
});

describe('requestRunnerToken', () => {
  it('asks for the audience with the bearer and returns the token', async () => {
    const token = await requestRunnerToken({ requestUrl: issuer.tokenRequestUrl, requestBearer: issuer.tokenRequestBearer, audience: 'sts.amazonaws.com' });
    expect(decodeJwt(token).aud).toBe('sts.amazonaws.com');
    expect(issuer.minted).toContain(token);
  });

  it('explains a refused bearer without retrying or quoting it', async () => {
    const before = issuer.requestCounts.get('/_apis/distributedtask/idtoken') ?? 0;
    const error = await rejection(requestRunnerToken({ requestUrl: issuer.tokenRequestUrl, requestBearer: 'wrong-bearer-value', audience: 'sts.amazonaws.com', retryPolicy: QUICK }));
    expect(error.code).toBe(ErrorCode.TokenRequestFailed);
    expect(error.message).toBe("The runner's token endpoint refused the request (HTTP 401).");
    expect(error.describe()).not.toContain('wrong-bearer-value');
    expect(issuer.requestCounts.get('/_apis/distributedtask/idtoken')).toBe(before + 1);
  });

  it('retries an endpoint that fails with 5xx and reports the attempts', async () => {
    issuer.outage();
    try {
      const before = issuer.requestCounts.get('/_apis/distributedtask/idtoken') ?? 0;
      const error = await rejection(requestRunnerToken({ requestUrl: issuer.tokenRequestUrl, requestBearer: issuer.tokenRequestBearer, audience: 'a', retryPolicy: QUICK }));
      expect(error.message).toMatch(/^The runner's token endpoint failed 3 time\(s\) over \d+\.\d s \(last: http:\/\/127\.0\.0\.1:\d+\/_apis\/distributedtask\/idtoken answered HTTP 503\)\.$/);
      expect(issuer.requestCounts.get('/_apis/distributedtask/idtoken')).toBe(before + 3);
      expect(error.describe()).not.toContain(issuer.tokenRequestBearer);
    } finally {
      issuer.restore();
    }
  });

  it('reports an unreachable endpoint without its query string', async () => {
    const gone = await OidcIssuer.start();
    const requestUrl = gone.tokenRequestUrl;
    await gone.close();
    const error = await rejection(requestRunnerToken({ requestUrl, requestBearer: 'b', audience: 'a', retryPolicy: QUICK }));
    expect(error.message).toContain(`(last: could not reach ${new URL(requestUrl).origin}/_apis/distributedtask/idtoken)`);
    expect(error.message).not.toContain('api-version');
  });
});
