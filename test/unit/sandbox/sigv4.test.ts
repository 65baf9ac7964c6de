import { describe, expect, it } from '@jest/globals';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsApiError } from '../../../src/sandbox/aws/query-protocol.ts';
import { readAuthorization, verifySignature } from '../../../src/sandbox/aws/sigv4.ts';

const credentials = { accessKeyId: 'ASIAEXAMPLEEXAMPLE00', secretAccessKey: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNl', sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE' };
const body = 'Action=GetCallerIdentity&Version=2011-06-15';

/** A request as the SDK signs it, then as a Node server receives it (lower-case header names). */
async function signedRequest(options: { query?: Record<string, string>; secret?: string; declarePayloadHash?: boolean } = {}) {
  const request = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: '/',
    query: options.query ?? {},
    headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const signer = new SignatureV4({
    credentials: { ...credentials, secretAccessKey: options.secret ?? credentials.secretAccessKey },
    region: 'us-east-1',
    service: 'sts',
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: options.declarePayloadHash ?? true,
  });
  const signed = await signer.sign(request, { signingDate: new Date('2026-01-02T03:04:05Z') });
  const headers: IncomingHttpHeaders = Object.fromEntries(Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), value]));
  const query = new URLSearchParams(options.query ?? {}).toString();
  return { method: 'POST', path: query ? `${signed.path}?${query}` : signed.path, headers, body };
}

async function rejectionOf(promise: Promise<unknown>): Promise<AwsApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AwsApiError)) throw new Error(`expected an AwsApiError, got ${String(error)}`);
  return error;
}

describe('readAuthorization', () => {
  it('reads the key, region, service, signed headers and signature of a SigV4 header', async () => {
    const { headers } = await signedRequest();
    const claims = readAuthorization(headers);
    expect(claims).toMatchObject({ accessKeyId: credentials.accessKeyId, region: 'us-east-1', service: 'sts' });
    expect(claims.signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token']));
    expect(claims.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['SigV2', 'AWS ASIAEXAMPLE:c2lnbmF0dXJl'],
    ['a short signature', 'AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=abc'],
  ])('refuses %s with MissingAuthenticationToken', (_label, authorization) => {
    let error: unknown;
    try {
      readAuthorization(authorization === undefined ? {} : { authorization });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsApiError);
    expect(error).toMatchObject({ code: 'MissingAuthenticationToken', status: 403, message: 'Request is missing Authentication Token' });
  });
});

describe('verifySignature', () => {
  it('accepts a request the SDK signed with the issued secret', async () => {
    const request = await signedRequest();
    await expect(verifySignature(request, readAuthorization(request.headers), credentials)).resolves.toBeUndefined();
  });

  it('accepts a signed query string', async () => {
    const request = await signedRequest({ query: { Action: 'GetCallerIdentity', Version: '2011-06-15' } });
    await expect(verifySignature(request, readAuthorization(request.headers), credentials)).resolves.toBeUndefined();
  });

  it('refuses a request signed with another secret', async () => {
    const request = await signedRequest({ secret: 'another-secret-another-secret-another-se' });
    const error = await rejectionOf(verifySignature(request, readAuthorization(request.headers), credentials));
    expect({ code: error.code, status: error.status }).toEqual({ code: 'SignatureDoesNotMatch', status: 403 });
  });

  it('refuses a request whose signed headers or path changed after signing', async () => {
    const request = await signedRequest();
    const claims = readAuthorization(request.headers);
    expect((await rejectionOf(verifySignature({ ...request, headers: { ...request.headers, 'x-amz-date': '20260102T030406Z' } }, claims, credentials))).code).toBe(
      'SignatureDoesNotMatch',
    );
    expect((await rejectionOf(verifySignature({ ...request, path: '/other' }, claims, credentials))).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a request whose body changed after signing, when the client did not declare the payload hash', async () => {
    const request = await signedRequest({ declarePayloadHash: false });
    expect(request.headers).not.toHaveProperty('x-amz-content-sha256');
    const claims = readAuthorization(request.headers);
    await expect(verifySignature(request, claims, credentials)).resolves.toBeUndefined();
    expect((await rejectionOf(verifySignature({ ...request, body: 'Action=GetRole&RoleName=admin' }, claims, credentials))).code).toBe('SignatureDoesNotMatch');
  });

  it('refuses a body that does not match the payload hash the client declared and signed, with XAmzContentSHA256Mismatch', async () => {
    const request = await signedRequest();
    expect(request.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    const claims = readAuthorization(request.headers);
    await expect(verifySignature(request, claims, credentials)).resolves.toBeUndefined();
    const error = await rejectionOf(verifySignature({ ...request, body: 'Action=GetRole&RoleName=admin' }, claims, credentials));
    expect({ code: error.code, status: error.status, message: error.message }).toEqual({
      code: 'XAmzContentSHA256Mismatch',
      status: 400,
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    });
  });

  it('refuses a declared payload hash that is not a hash of the body, even one the client signed', async () => {
    const request = await signedRequest();
    const forged = { ...request.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' };
    expect((await rejectionOf(verifySignature({ ...request, headers: forged }, readAuthorization(request.headers), credentials))).code).toBe('XAmzContentSHA256Mismatch');
  });

  it('refuses a request without a well-formed X-Amz-Date with IncompleteSignature', async () => {
    const request = await signedRequest();
    const error = await rejectionOf(verifySignature({ ...request, headers: { ...request.headers, 'x-amz-date': 'yesterday' } }, readAuthorization(request.headers), credentials));
    expect({ code: error.code, status: error.status }).toEqual({ code: 'IncompleteSignature', status: 403 });
    expect(error.message).toBe('Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  });
});
