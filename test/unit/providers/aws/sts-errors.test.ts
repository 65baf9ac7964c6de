import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { BrokerError, ErrorCode } from '../../../../src/errors/broker-error.ts';
import { exchangeError, isExpiredTokenError, transientVerdict } from '../../../../src/providers/aws/sts-errors.ts';
import { RetriesExhaustedError } from '../../../../src/util/retry.ts';

const ROLE = 'arn:aws:iam::111122223333:role/ci-deploy';
const SUBJECT = 'repo:octo-org/app:ref:refs/heads/main';
const facts = { roleArn: ROLE, subject: SUBJECT, redact: (text: string) => text };

// A loopback endpoint that answers the next STS request as it is told, so the errors below are the
// SDK's own, parsed from the wire.
let server: Server;
let endpoint: string;
let next = { status: 200, headers: {} as Record<string, string>, body: '' };
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(next.status, { 'content-type': 'text/xml', ...next.headers }).end(next.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The error the SDK throws when STS answers with `code`. */
async function stsError(code: string, status: number, message: string, headers: Record<string, string> = {}): Promise<Error> {
  next = {
    status,
    headers,
    body: `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
  };
  const client = new STSClient({ region: 'us-east-1', endpoint, maxAttempts: 1, authSchemePreference: ['noAuth'] });
  try {
    await client.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: ROLE, RoleSessionName: 'unit-test', WebIdentityToken: 'header.payload.signature' }));
  } catch (error) {
    return error as Error;
  } finally {
    client.destroy();
  }
  throw new Error('expected STS to fail');
}

function errnoError(code: string): Error {
  return Object.assign(new Error(`getaddrinfo ${code} sts.example`), { code });
}

describe('transientVerdict', () => {
  it.each([
    ['Throttling', 400],
    ['ThrottlingException', 400],
    ['RequestLimitExceeded', 400],
    ['IDPCommunicationError', 400],
    ['SlowDown', 429],
    ['ServiceUnavailable', 503],
    ['InternalFailure', 500],
  ])('retries %s (HTTP %d)', async (code, status) => {
    expect(transientVerdict(await stsError(code, status, 'try again'))).toEqual({ retry: true, afterMs: undefined });
  });

  it.each([
    ['AccessDenied', 403],
    ['InvalidIdentityToken', 400],
    ['ExpiredTokenException', 400],
    ['ValidationError', 400],
    ['RegionDisabledException', 403],
  ])('does not retry %s (HTTP %d), which another try cannot cure', async (code, status) => {
    expect(transientVerdict(await stsError(code, status, 'no'))).toEqual({ retry: false });
  });

  it('waits as long as Retry-After asks, in seconds', async () => {
    expect(transientVerdict(await stsError('Throttling', 400, 'Rate exceeded', { 'retry-after': '3' }))).toEqual({ retry: true, afterMs: 3000 });
  });

  it('reads a Retry-After that is an HTTP date, and never waits a negative time', async () => {
    const later = new Date(Date.now() + 120_000).toUTCString();
    const { afterMs } = transientVerdict(await stsError('Throttling', 400, 'Rate exceeded', { 'retry-after': later })) as { afterMs: number };
    // An HTTP date has whole seconds, so the wait is within a second of two minutes.
    expect(afterMs).toBeGreaterThan(118_000);
    expect(afterMs).toBeLessThanOrEqual(120_000);
    const past = new Date(Date.now() - 60_000).toUTCString();
    expect(transientVerdict(await stsError('Throttling', 400, 'Rate exceeded', { 'retry-after': past }))).toEqual({ retry: true, afterMs: 0 });
  });

  it('ignores a Retry-After it cannot read', async () => {
    expect(transientVerdict(await stsError('Throttling', 400, 'Rate exceeded', { 'retry-after': 'soon' }))).toEqual({ retry: true, afterMs: undefined });
  });

  // Built here rather than caught from a socket: under jest's VM, the SDK wraps Node's own errors and drops their code.
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH'])('retries the network failure %s', (code) => {
    expect(transientVerdict(errnoError(code))).toEqual({ retry: true });
  });

  it('fails fast on an unknown host, which is a wrong endpoint rather than a passing fault', () => {
    expect(transientVerdict(errnoError('ENOTFOUND'))).toEqual({ retry: false });
  });

  it('retries an attempt that timed out', () => {
    expect(transientVerdict(Object.assign(new Error('Request aborted'), { name: 'AbortError' }))).toEqual({ retry: true });
    expect(transientVerdict(Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }))).toEqual({ retry: true });
  });

  it('does not retry a bug or a non-error', () => {
    expect(transientVerdict(new TypeError('x is undefined'))).toEqual({ retry: false });
    expect(transientVerdict('Throttling')).toEqual({ retry: false });
  });
});

describe('isExpiredTokenError', () => {
  it('recognises ExpiredTokenException and an InvalidIdentityToken that says the token expired', async () => {
    expect(isExpiredTokenError(await stsError('ExpiredTokenException', 400, 'Token expired: current date/time is after exp'))).toBe(true);
    expect(isExpiredTokenError(await stsError('InvalidIdentityToken', 400, 'The token has Expired'))).toBe(true);
  });

  it('does not take other rejections, or errors that did not come from STS, for expiry', async () => {
    expect(isExpiredTokenError(await stsError('InvalidIdentityToken', 400, 'Incorrect token audience'))).toBe(false);
    expect(isExpiredTokenError(await stsError('AccessDenied', 403, 'The token expired'))).toBe(false);
    expect(isExpiredTokenError(Object.assign(new Error('expired'), { name: 'ExpiredTokenException' }))).toBe(false);
  });
});

describe('exchangeError', () => {
  it('passes a BrokerError through unchanged, as one from the token source', () => {
    const original = new BrokerError(ErrorCode.TokenRequestFailed, 'The runner refused.', { hint: 'Retry.' });
    expect(exchangeError(original, facts)).toBe(original);
  });

  it('points an AccessDenied at the trust policy and quotes the subject', async () => {
    const cause = await stsError('AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
    const error = exchangeError(cause, facts);
    expect(error.code).toBe(ErrorCode.AwsAccessDenied);
    expect(error.message).toBe(`AWS STS denied assuming ${ROLE} with the token whose subject is "${SUBJECT}".`);
    expect(error.hint).toMatch(/^Check the role’s trust policy: it must allow sts:AssumeRoleWithWebIdentity to the IAM OIDC provider of this token’s issuer/);
    expect(error.hint).toContain('ISSUER:sub and ISSUER:aud');
    expect(error.cause).toBe(cause);
  });

  it.each([
    ['https://gitlab.com', 'gitlab.com:sub and gitlab.com:aud'],
    ['https://oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90', 'oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90:sub and oidc.circleci.com/org/8ac2a7b5-1b0b-4c4a-9f3e-2b7a2d6c1e90:aud'],
    ['https://token.actions.githubusercontent.com/octo-enterprise', 'token.actions.githubusercontent.com/octo-enterprise:sub'],
  ])('names the condition keys of the token’s own issuer, %s', async (issuer, keys) => {
    const error = exchangeError(await stsError('AccessDenied', 403, 'Not authorized'), { ...facts, issuer });
    expect(error.hint).toContain(keys);
    if (!issuer.startsWith('https://token.actions')) expect(error.hint).not.toContain('token.actions.githubusercontent.com');
  });

  it('reports a rejected token with what STS said and where the provider is configured', async () => {
    const error = exchangeError(await stsError('InvalidIdentityToken', 400, 'Incorrect token audience'), facts);
    expect(error.code).toBe(ErrorCode.AwsInvalidIdentityToken);
    expect(error.message).toBe(`AWS STS rejected the OIDC token for ${ROLE}: "Incorrect token audience".`);
    expect(error.hint).toContain('registered as an IAM OIDC identity provider');
    expect(error.hint).toContain('(usually sts.amazonaws.com)');
  });

  it('reports an invalid request with what STS said and what to check', async () => {
    const error = exchangeError(await stsError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'), facts);
    expect(error.code).toBe(ErrorCode.AwsValidation);
    expect(error.message).toBe(`AWS STS rejected the request to assume ${ROLE}: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.".`);
    expect(error.hint).toBe('Check the role ARN, the session name, the duration (at most the role’s maximum session duration) and any session policies.');
  });

  it('reports an expired token as a clock or delay problem', async () => {
    const error = exchangeError(await stsError('ExpiredTokenException', 400, 'Token expired'), facts);
    expect(error.code).toBe(ErrorCode.AwsExpiredToken);
    expect(error.message).toBe('AWS STS says the OIDC token has expired, even after a fresh one was requested.');
    expect(error.hint).toContain('check that this machine’s clock is right');
  });

  it('names any other STS code and its HTTP status', async () => {
    const error = exchangeError(await stsError('RegionDisabledException', 403, 'STS is not activated in this region'), facts);
    expect(error.code).toBe(ErrorCode.AwsExchangeFailed);
    expect(error.message).toBe(`Assuming ${ROLE} failed with RegionDisabledException (HTTP 403): "STS is not activated in this region".`);
    expect(error.hint).toContain('AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL');
  });

  it('names a network failure by its code', () => {
    const error = exchangeError(errnoError('ENOTFOUND'), facts);
    expect(error.code).toBe(ErrorCode.AwsExchangeFailed);
    expect(error.message).toBe(`Assuming ${ROLE} failed with ENOTFOUND: "getaddrinfo ENOTFOUND sts.example".`);
    expect(error.hint).toContain('ENOTFOUND means STS was not found: check the region');
  });

  it('removes the token from anything STS or the SDK said', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const redact = (text: string) => text.replaceAll(token, '[token]');
    const error = exchangeError(await stsError('ValidationError', 400, `Value '${token}' at 'webIdentityToken' failed to satisfy constraint`), { ...facts, redact });
    expect(error.message).toBe(`AWS STS rejected the request to assume ${ROLE}: "Value '[token]' at 'webIdentityToken' failed to satisfy constraint".`);
    expect(error.describe()).not.toContain(token);
  });

  it('says how long it tried and why it stopped when retries ran out', async () => {
    const throttled = exchangeError(new RetriesExhaustedError(5, 4_260, false, await stsError('Throttling', 400, 'Rate exceeded')), facts);
    expect(throttled.code).toBe(ErrorCode.AwsExchangeTimedOut);
    expect(throttled.message).toBe(`Gave up assuming ${ROLE} after 5 attempt(s) over 4.3 s, because no attempts were left; the last failure was Throttling (HTTP 400).`);
    expect(throttled.hint).toMatch(/^AWS STS was throttling, failing or unreachable\. Retry the job later/);

    const outOfTime = exchangeError(new RetriesExhaustedError(3, 29_960, true, Object.assign(new Error('Request aborted'), { name: 'AbortError' })), facts);
    expect(outOfTime.message).toBe(`Gave up assuming ${ROLE} after 3 attempt(s) over 30.0 s, because the time budget ran out; the last failure was a timeout.`);
  });

  it('names the last failure of exhausted retries whatever it was', () => {
    const lastFailure = (cause: unknown) => exchangeError(new RetriesExhaustedError(2, 100, false, cause), facts).message.replace(/^.*the last failure was /, '');
    expect(lastFailure(errnoError('ECONNREFUSED'))).toBe('ECONNREFUSED.');
    expect(lastFailure(new TypeError('boom'))).toBe('TypeError.');
    expect(lastFailure('boom')).toBe('an unknown error.');
  });
});
