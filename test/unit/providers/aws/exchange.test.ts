import { execFile } from 'node:child_process';
import { createServer, type RequestListener } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BrokerError, ErrorCode } from '../../../../src/errors/broker-error.ts';
import { TokenSource } from '../../../../src/oidc/token-source.ts';
import { verifyToken } from '../../../../src/oidc/verify.ts';
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

/** Runs `body` with the SDK's STS endpoint pointed at a loopback server that answers with `handler`. */
async function withStsServer<T>(handler: RequestListener, body: () => Promise<T>): Promise<T> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    return await body();
  } finally {
    process.env.AWS_ENDPOINT_URL_STS = sandbox.aws.url;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
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

  it('does not retry an AccessDenied, which another try cannot cure', async () => {
    const { run, requests } = exchange({ roleArn: `arn:aws:iam::${sandbox.accountId}:role/other-repo-only` });
    const error = await rejection(run());
    expect(error.code).toBe(ErrorCode.AwsAccessDenied);
    expect(error.hint).toMatch(/^Check the role’s trust policy: it must allow sts:AssumeRoleWithWebIdentity/);
    expect(requests).toHaveLength(1);
  });

  it('reports a token for an audience the IAM OIDC provider does not list, pointing at the provider', async () => {
    const error = await rejection(exchange({}, [() => sandbox.issuer.mint({ audience: 'https://github.com/octo-org' })]).run());
    expect(error.code).toBe(ErrorCode.AwsInvalidIdentityToken);
    expect(error.message).toBe(`AWS STS rejected the OIDC token for ${deployRole}: "Incorrect token audience".`);
    expect(error.hint).toContain('the token’s audience is one of that provider’s client IDs (usually sts.amazonaws.com)');
  });

  it('names what to check when STS refuses the request', async () => {
    const error = await rejection(exchange({ sessionName: 'has spaces' }).run());
    expect(error.code).toBe(ErrorCode.AwsValidation);
    expect(error.message).toContain(`AWS STS rejected the request to assume ${deployRole}: "1 validation error detected: Value 'has spaces' at 'roleSessionName'`);
    expect(error.hint).toBe('Check the role ARN, the session name, the duration (at most the role’s maximum session duration) and any session policies.');
  });

  it('never repeats the token, even when STS quotes it back', async () => {
    const token = await sandbox.issuer.mint({ audience: AUDIENCE });
    sandbox.aws.injectFaults(new AwsApiError('ValidationError', 400, `Value '${token}' at 'webIdentityToken' failed to satisfy constraint`), 1);
    try {
      const error = await rejection(exchange({}, [() => Promise.resolve(token)]).run());
      expect(error.message).toBe(`AWS STS rejected the request to assume ${deployRole}: "Value '[token]' at 'webIdentityToken' failed to satisfy constraint".`);
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('gives up on throttling that never stops when the time budget runs out, and names that reason', async () => {
    // Each answer asks for a 1 s pause, so waits end at about 1 s and 2 s and the third wait would pass the
    // 2.5 s budget; attempts are plentiful, so only the budget can end the retries. After the second
    // attempt's 1 s wait, less than the 1 s minimum attempt window would be left, so no third is started.
    sandbox.aws.injectFaults(new AwsApiError('Throttling', 400, 'Rate exceeded', 1), 1000);
    try {
      const { run, requests } = exchange({ retryPolicy: { maxAttempts: 1000, baseDelayMs: 10, maxDelayMs: 40, totalTimeoutMs: 2_500 } });
      const error = await rejection(run());
      expect(error.code).toBe(ErrorCode.AwsExchangeTimedOut);
      expect(error.message).toMatch(
        new RegExp(`^Gave up assuming ${deployRole} after 2 attempt\\(s\\) over \\d+\\.\\d s, because the 2\\.5 s time budget ran out; the last failure was Throttling \\(HTTP 400\\)\\.$`),
      );
      expect(error.hint).toMatch(/^AWS STS was throttling, failing or unreachable\. Retry the job later/);
      expect(requests).toHaveLength(2);
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('does not wait out a Retry-After longer than the time budget', async () => {
    sandbox.aws.injectFaults(new AwsApiError('Throttling', 400, 'Rate exceeded', 60), 1);
    try {
      const { run, requests } = exchange({ retryPolicy: { ...QUICK, totalTimeoutMs: 5_000 } });
      const error = await rejection(run());
      expect(error.message).toMatch(/ after 1 attempt\(s\) over \d+\.\d s, because the 5 s time budget ran out; the last failure was Throttling \(HTTP 400\)\.$/);
      expect(requests).toHaveLength(1);
    } finally {
      sandbox.aws.clearFaults();
    }
  });

  it('retries a server error and succeeds', async () => {
    sandbox.aws.injectFaults(new AwsApiError('InternalFailure', 500, 'Internal failure'), 1);
    const { run, requests } = exchange();
    await expect(run()).resolves.toMatchObject({ roleArn: deployRole });
    expect(requests).toHaveLength(2);
  });

  it('bounds an attempt that hangs by the time left, and reports the timeout', async () => {
    // The endpoint accepts the request and never answers.
    const error = await withStsServer(
      () => undefined,
      () => rejection(exchange({ retryPolicy: { ...QUICK, totalTimeoutMs: 300 } }).run()),
    );
    expect(error.code).toBe(ErrorCode.AwsExchangeTimedOut);
    expect(error.message).toMatch(new RegExp(`^Gave up assuming ${deployRole} after \\d+ attempt\\(s\\) over \\d+\\.\\d s, because the 0\\.3 s time budget ran out; the last failure was a timeout\\.$`));
  });

  it('refuses an answer without complete credentials', async () => {
    // Credentials, but no AssumedRoleUser: not something STS would send.
    const incomplete =
      '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials>' +
      '<AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>session</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration>' +
      '</Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>';
    const error = await withStsServer(
      (req, res) => req.resume().on('end', () => res.writeHead(200, { 'content-type': 'text/xml' }).end(incomplete)),
      () => rejection(exchange().run()),
    );
    expect(error.code).toBe(ErrorCode.AwsExchangeFailed);
    expect(error.message).toBe(`AWS STS answered the request to assume ${deployRole} without complete credentials or assumed-role user.`);
    expect(error.hint).toContain('AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL');
  });

  it('passes a failure of the token source through as it is, without retrying', async () => {
    const refused = new BrokerError(ErrorCode.TokenRequestFailed, 'The runner refused the token request.', { hint: 'Retry the job.' });
    const { run, requests } = exchange({}, [() => Promise.reject(refused)]);
    await expect(run()).rejects.toBe(refused);
    expect(requests).toHaveLength(1);
  });

  it('sends the inline session policy, which narrows the session', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] };
    await exchange({ inlineSessionPolicy: JSON.stringify(policy), sessionName: 'narrowed' }).run();
    const issued = sandbox.aws.sessions.at(-1)!;
    expect(issued.sessionName).toBe('narrowed');
    expect(issued.sessionPolicies).toEqual([policy]);
  });

  it('sends managed session policies by ARN', async () => {
    const unknown = `arn:aws:iam::${sandbox.accountId}:policy/not-created`;
    const error = await rejection(exchange({ managedSessionPolicyArns: [unknown] }).run());
    expect(error.code).toBe(ErrorCode.AwsExchangeFailed);
    expect(error.message).toBe(`Assuming ${deployRole} failed with InvalidParameterValue (HTTP 400): "Policy ${unknown} does not exist or is not attachable.".`);
  });

  it('replaces, through the token source, a token too close to expiry before sending it', async () => {
    const fetched: string[] = [];
    const tokens = new TokenSource({
      fetchToken: async () => {
        // The first token has 30 s left, under the 60 s the caller asks for; the next has five minutes.
        fetched.push(await sandbox.issuer.mint({ audience: AUDIENCE, lifetimeSeconds: fetched.length === 0 ? 30 : 300 }));
        return fetched.at(-1)!;
      },
      verify: (token) => verifyToken(token, { issuer: sandbox.issuer.url, audience: AUDIENCE }),
    });
    // The main step reads the claims first, as run-main does.
    await tokens.get();
    const sent: string[] = [];
    const getToken = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      sent.push((await tokens.get({ forceRefresh, minValiditySeconds: 60 })).token);
      return sent.at(-1)!;
    };
    await expect(exchange({ getToken }).run()).resolves.toMatchObject({ roleArn: deployRole });
    expect(fetched).toHaveLength(2);
    expect(sent).toEqual([fetched[1]]);
  });

  it('retries an unreachable endpoint, then says it gave up', async () => {
    // In a Node process of its own, as the action runs: under jest's VM the SDK wraps Node's socket
    // errors (another realm's Error) into a plain Error without its code.
    const script = `
      const { assumeRoleWithWebIdentity } = await import(process.env.EXCHANGE_MODULE);
      const requests = [];
      try {
        await assumeRoleWithWebIdentity({
          roleArn: 'arn:aws:iam::111122223333:role/ci-deploy', sessionName: 'unit-test', durationSeconds: 900, region: 'us-east-1',
          subject: 'repo:octo-org/app:environment:production',
          retryPolicy: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, totalTimeoutMs: 20000 },
          getToken: async ({ forceRefresh }) => { requests.push(forceRefresh); return 'header.payload.signature'; },
        });
        console.log(JSON.stringify({ resolved: true }));
      } catch (error) {
        console.log(JSON.stringify({ name: error.name, code: error.code, message: error.message, requests }));
      }`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], {
      env: {
        PATH: process.env.PATH,
        EXCHANGE_MODULE: new URL('../../../../src/providers/aws/exchange.ts', import.meta.url).href,
        AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${await closedPort()}`,
      },
      timeout: 60_000,
    });
    const outcome = JSON.parse(stdout) as { name: string; code: string; message: string; requests: boolean[] };
    expect(outcome).toMatchObject({ name: 'BrokerError', code: ErrorCode.AwsExchangeTimedOut, requests: [false, false, false] });
    expect(outcome.message).toMatch(
      /^Gave up assuming arn:aws:iam::111122223333:role\/ci-deploy after 3 attempt\(s\) over \d+\.\d s, because no attempts were left; the last failure was ECONNREFUSED\.$/,
    );
  });
});
