import { afterEach, describe, expect, it } from '@jest/globals';
import { listenOnLoopback, readBody, sendJson, sendText, type LoopbackServer } from '../../../src/sandbox/http.ts';
import { AwsApiError, IAM_NAMESPACE, sendError, sendResult, STS_NAMESPACE, validationError, xmlEscape } from '../../../src/sandbox/aws/query-protocol.ts';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('listenOnLoopback', () => {
  it('serves on 127.0.0.1 on an ephemeral port it reports', async () => {
    server = await listenOnLoopback((_req, res) => sendText(res, 200, 'hello'));
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe('hello');
  });

  it('answers 500 with the message when a handler fails', async () => {
    server = await listenOnLoopback(async () => {
      throw new Error('boom');
    });
    const response = await fetch(server.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('sandbox error: boom');
  });

  it('stops accepting connections once closed', async () => {
    const closing = await listenOnLoopback((_req, res) => sendText(res, 200, 'ok'));
    await fetch(closing.url);
    await closing.close();
    await expect(fetch(closing.url)).rejects.toThrow();
  });
});

describe('readBody and sendJson', () => {
  it('reads a request body as UTF-8 and answers JSON with its length', async () => {
    server = await listenOnLoopback(async (req, res) => sendJson(res, 201, { got: await readBody(req) }, { 'x-extra': 'yes' }));
    const response = await fetch(server.url, { method: 'POST', body: 'grüße' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-extra')).toBe('yes');
    const text = await response.text();
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toEqual({ got: 'grüße' });
  });

  it('refuses a body over one megabyte', async () => {
    server = await listenOnLoopback(async (req, res) => sendText(res, 200, String((await readBody(req)).length)));
    const atLimit = await fetch(server.url, { method: 'POST', body: 'x'.repeat(1024 * 1024) });
    expect(await atLimit.text()).toBe(String(1024 * 1024));
    const over = await fetch(server.url, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) }).catch((error: unknown) => error);
    // The server may answer before the client finishes sending; either way the body is not accepted.
    if (over instanceof Response) {
      expect(over.status).toBe(500);
      expect(await over.text()).toBe('sandbox error: request body too large');
    } else {
      expect(over).toBeInstanceOf(Error);
    }
  });
});

describe('the Query protocol', () => {
  it('escapes the five XML special characters', () => {
    expect(xmlEscape(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
  });

  it('wraps a result in <Action>Response and <Action>Result, leaving out empty members', async () => {
    server = await listenOnLoopback((_req, res) => sendResult(res, STS_NAMESPACE, 'GetCallerIdentity', { Account: '1', Arn: 'a&b', UserId: undefined, Nested: { Count: 2 } }));
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toMatch(
      /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><GetCallerIdentityResult><Account>1<\/Account><Arn>a&amp;b<\/Arn><Nested><Count>2<\/Count><\/Nested><\/GetCallerIdentityResult><ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetCallerIdentityResponse>$/,
    );
  });

  it('sends client errors as Sender and server errors as Receiver, escaped, with Retry-After when given', async () => {
    const errors = [new AwsApiError('AccessDenied', 403, 'no <way>'), new AwsApiError('ServiceUnavailable', 503, 'later', 4)];
    server = await listenOnLoopback((req, res) => sendError(res, IAM_NAMESPACE, errors[Number(req.url?.slice(1))]!));
    const client = await fetch(`${server.url}/0`);
    expect(client.status).toBe(403);
    expect(client.headers.get('retry-after')).toBeNull();
    const clientBody = await client.text();
    expect(clientBody).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>no &lt;way&gt;</Message></Error>');
    const serverError = await fetch(`${server.url}/1`);
    expect(serverError.status).toBe(503);
    expect(serverError.headers.get('retry-after')).toBe('4');
    expect(await serverError.text()).toContain('<Type>Receiver</Type><Code>ServiceUnavailable</Code>');
  });

  it('words a parameter constraint failure as AWS does', () => {
    expect(validationError('x', 'roleSessionName', 'Member must have length greater than or equal to 2')).toMatchObject({
      code: 'ValidationError',
      status: 400,
      message: '1 validation error detected: Value \'x\' at \'roleSessionName\' failed to satisfy constraint: Member must have length greater than or equal to 2',
    });
  });
});
