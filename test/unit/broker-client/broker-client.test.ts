// The broker client as the action and the CLI use it, against a stand-in broker on loopback: the
// service's refusals arrive as BrokerErrors of the project's one set of codes, each with a hint for
// whoever reads it, and a session is recorded by the identity STS gave it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsSessionOf, brokerClient, BrokerRefusal, recordedIdentity, brokerSessionName } from '../../../src/broker-client/broker-client.ts';
import { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { ServiceErrorCode } from '../../../src/service/service-error.ts';

let server: Server;
let url: string;
let answer: { status: number; headers?: Record<string, string>; body: string } = { status: 200, body: '{}' };

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function refusal(code: string, status = 400, headers?: Record<string, string>): Promise<BrokerRefusal> {
  answer = { status, headers, body: JSON.stringify({ error: { code, message: `The broker refused (${code}).`, hint: 'The broker’s own hint.' } }) };
  const error = await brokerClient(url).exchange('t', { aws: {} }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BrokerRefusal);
  return error as BrokerRefusal;
}

describe('the broker client’s refusals', () => {
  it.each(Object.values(ServiceErrorCode))('receives %s as the ErrorCode it is, with a hint of its own and the broker’s', async (code) => {
    const error = await refusal(code);
    expect(error).toBeInstanceOf(BrokerError);
    expect(error.code).toBe(code);
    expect(Object.values(ErrorCode)).toContain(error.code);
    expect(error.message).toBe(`The broker refused (${code}).`);
    expect(error.hint).toMatch(/^.{40,} The broker adds: The broker’s own hint\.$/);
  });

  it('gives every service code a different hint', async () => {
    const hints: string[] = [];
    for (const code of Object.values(ServiceErrorCode)) hints.push((await refusal(code)).hint);
    expect(new Set(hints).size).toBe(hints.length);
  });

  it('keeps the broker’s hint alone for the project’s own codes, whose hints the broker writes for the job', async () => {
    const error = await refusal(ErrorCode.PolicyDenied, 403);
    expect([error.code, error.hint, error.status]).toEqual([ErrorCode.PolicyDenied, 'The broker’s own hint.', 403]);
  });

  it('turns a code it does not know (a newer broker) into BROKER_REFUSED, quoting the code', async () => {
    const error = await refusal('QUOTA_EXHAUSTED', 429, { 'retry-after': '7' });
    expect(error.code).toBe(ErrorCode.BrokerRefused);
    expect(error.brokerCode).toBe('QUOTA_EXHAUSTED');
    expect(error.message).toContain('"QUOTA_EXHAUSTED"');
    expect(error.retryAfterSeconds).toBe(7);
  });

  it('does not take a lookalike of a code (other case, a prefix) for the code', async () => {
    for (const code of ['token_replayed', 'TOKEN_REPLAYED ', 'TOKEN']) expect((await refusal(code)).code).toBe(ErrorCode.BrokerRefused);
  });
});

describe('sessions as the job records them', () => {
  const aws = {
    sessionId: 'c0ffee00-0000-4000-8000-000000000001',
    accessKeyId: 'ASIAEXAMPLE',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: '2030-01-01T00:15:00.000Z',
    roleArn: 'arn:aws:iam::111122223333:role/deploy',
    assumedRoleId: 'AROAEXAMPLEID:octo-org.app@77-1-31337',
    assumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/deploy/octo-org.app@77-1-31337',
    sessionName: 'octo-org.app@77-1-31337',
    durationSeconds: 900,
    capped: false,
  };

  it('records an AWS session by the aws:userid STS gave it, as the direct path does', () => {
    expect(awsSessionOf(aws, 'eu-west-1')).toMatchObject({ assumedRoleId: aws.assumedRoleId, assumedRoleArn: aws.assumedRoleArn, accountId: '111122223333', region: 'eu-west-1' });
  });

  it('finds the recorded identity of each session the broker reports ended', () => {
    expect(recordedIdentity({ sessionId: aws.sessionId, provider: 'aws', target: aws.roleArn, assumedRoleId: aws.assumedRoleId, outcome: 'denied', detail: '' })).toBe(aws.assumedRoleId);
    expect(recordedIdentity({ sessionId: 'g', provider: 'gcp', target: 'sa@p.iam.gserviceaccount.com', outcome: 'cleared-only', detail: '' })).toBe(brokerSessionName('g'));
  });
});
