import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../../../src/errors/broker-error.ts';
import { assumeRoleWithWebIdentity, type WebIdentityExchange } from '../../../../src/providers/aws/exchange.ts';
import { AwsApiError } from '../../../../src/sandbox/aws/query-protocol.ts';
import { startSandbox, type Sandbox } from '../../../../src/sandbox/index.ts';
import { rejection } from '../../../helpers/broker-error.ts';

const AUDIENCE = 'sts.amazonaws.com';
const SUBJECT = 'repo:octo-org/app:environment:production';
const QUICK = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, totalTimeoutMs: 5_000 };
let sandbox: Sandbox;
let deployRole: string;
const savedEndpoint = process.env.AWS_ENDPOINT_URL_STS;

beforeAll(async () => {
  sandbox = await startSandbox();
  deployRole = `arn:aws:iam::${sandbox.accountId}:role/ci-deploy`;
  // The exchange leaves the endpoint to the SDK's standard configuration, as the action does.
  process.env.AWS_ENDPOINT_URL_STS = sandbox.aws.url;
});
afterAll(async () => {
  if (savedEndpoint === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
  else process.env.AWS_ENDPOINT_URL_STS = savedEndpoint;
  await sandbox.close();
});

/** An exchange for the deploy role whose tokens come from `tokens` (fresh valid ones by default), recording each request. */
function exchange(overrides: Partial<WebIdentityExchange> = {}, tokens?: Array<() => Promise<string>>) {
  const requests: boolean[] = [];
  const request: WebIdentityExchange = {
    roleArn: deployRole,
    sessionName: 'unit-test',
    durationSeconds: 900,
    region: 'us-east-1',
    subject: SUBJECT,
    retryPolicy: QUICK,
    getToken: ({ forceRefresh }) => {
      requests.push(forceRefresh);
      const next = tokens?.[requests.length - 1];
      return next ? next() : sandbox.issuer.mint({ audience: AUDIENCE });
    },
    ...overrides,
  };
  return { run: () => assumeRoleWithWebIdentity(request), requests };
}


describe('assumeRoleWithWebIdentity', () => {
  it('returns the session: credentials, the assumed-role id, the account and the expiry', async () => {
    const session = await exchange().run();
    const issued = sandbox.aws.sessions.at(-1)!;
    expect(session).toMatchObject({
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      assumedRoleId: issued.assumedRoleId,
      assumedRoleArn: `arn:aws:sts::${sandbox.accountId}:assumed-role/ci-deploy/unit-test`,
      accountId: sandbox.accountId,
      roleArn: deployRole,
      sessionName: 'unit-test',
      region: 'us-east-1',
    });
    expect(Math.abs(session.expiration.getTime() - issued.expiration.getTime())).toBeLessThan(1000);
  });

  it('retries through throttling and succeeds', async () => {
    const before = sandbox.aws.sessions.length;
    sandbox.aws.throttle(2);
    const { run, requests } = exchange();
    await expect(run()).resolves.toBeDefined();
    expect(requests).toEqual([false, false, false]);
    expect(sandbox.aws.sessions.length).toBe(before + 1);
  });

  it('gives up when throttling outlasts the attempts, and says how long it tried', async () => {
    sandbox.aws.throttle(QUICK.maxAttempts);
    const error = await rejection(exchange().run());
    expect(error.code).toBe(ErrorCode.AwsExchangeTimedOut);
    expect(error.message).toMatch(
      new RegExp(`^Gave up assuming ${deployRole} after 4 attempt\\(s\\) over \\d+\\.\\d s, because no attempts were left; the last failure was Throttling \\(HTTP 400\\)\\.$`),
    );
  });

  it('stops at the time budget and names it as the reason', async () => {
    // STS keeps failing; attempts are plentiful, so only the 300 ms budget can end the retries.
    sandbox.aws.injectFaults(new AwsApiError('ServiceUnavailable', 503, 'Service is unavailable'), 1000);
    try {
      const error = await rejection(exchange({ retryPolicy: { maxAttempts: 1000, baseDelayMs: 10, maxDelayMs: 40, totalTimeoutMs: 300 } }).run());
      expect(error.message).toMatch(/after \d+ attempt\(s\) over 0\.\d s, because the time budget ran out; the last failure was ServiceUnavailable \(HTTP 503\)\.$/);
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('points an AccessDenied at the trust policy and quotes the subject', async () => {
    const role = `arn:aws:iam::${sandbox.accountId}:role/other-repo-only`;
    const error = await rejection(exchange({ roleArn: role }).run());
    expect(error.code).toBe(ErrorCode.AwsAccessDenied);
    expect(error.message).toBe(`AWS STS denied assuming ${role} with the token whose subject is "${SUBJECT}".`);
    expect(error.hint).toContain('trust policy');
  });

  it('asks for a fresh token once when STS says the token expired', async () => {
    const expired = () => sandbox.issuer.mint({ audience: AUDIENCE, issuedAt: Math.floor(Date.now() / 1000) - 3600 });
    const fresh = () => sandbox.issuer.mint({ audience: AUDIENCE });
    const { run, requests } = exchange({}, [expired, fresh]);
    await expect(run()).resolves.toBeDefined();
    expect(requests).toEqual([false, true]);
  });

  it('reports an expiry that a fresh token does not cure', async () => {
    const expired = () => sandbox.issuer.mint({ audience: AUDIENCE, issuedAt: Math.floor(Date.now() / 1000) - 3600 });
    const { run, requests } = exchange({}, [expired, expired]);
    const error = await rejection(run());
    expect(error.code).toBe(ErrorCode.AwsExpiredToken);
    expect(requests).toEqual([false, true]);
  });

  it('reports a rejected token without quoting it', async () => {
    const forged = await sandbox.issuer.mint({ audience: AUDIENCE, forgeSignature: true });
    const error = await rejection(exchange({}, [() => Promise.resolve(forged)]).run());
    expect(error.code).toBe(ErrorCode.AwsInvalidIdentityToken);
    expect(error.message).toBe(`AWS STS rejected the OIDC token for ${deployRole}: "Couldn't verify the signature or claims of the web identity token.".`);
    expect(error.describe()).not.toContain(forged);
  });

  it('passes on what STS said about an invalid request', async () => {
    const error = await rejection(exchange({ durationSeconds: 7200 }).run());
    expect(error.code).toBe(ErrorCode.AwsValidation);
    expect(error.message).toBe(`AWS STS rejected the request to assume ${deployRole}: "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.".`);
  });
});
