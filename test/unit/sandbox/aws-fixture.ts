// Shared by the AWS emulator tests: the real SDK clients pointed at an emulator, and a way to read the
// error an SDK call fails with.
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient, type Credentials } from '@aws-sdk/client-sts';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export const REGION = 'us-east-1';
export const STS_AUDIENCE = 'sts.amazonaws.com';

export interface AwsErrorSummary {
  name: string;
  message: string;
  status: number | undefined;
}

/** What an SDK call failed with. Succeeding fails the test. */
export async function awsError(promise: Promise<unknown>): Promise<AwsErrorSummary> {
  const outcome = await promise.then(
    () => ({ failed: false as const }),
    (error: unknown) => ({ failed: true as const, error: error as { name: string; message: string; $metadata?: { httpStatusCode?: number } } }),
  );
  if (!outcome.failed) throw new Error('expected the call to fail, but it succeeded');
  return { name: outcome.error.name, message: outcome.error.message, status: outcome.error.$metadata?.httpStatusCode };
}

/** An STS client with no credentials: AssumeRoleWithWebIdentity is an unsigned call. One attempt, so faults show. */
export function anonymousSts(endpoint: string): STSClient {
  return new STSClient({ region: REGION, endpoint, maxAttempts: 1 });
}

/** STS and IAM clients that sign with the given credentials. */
export function clientsFor(endpoint: string, credentials: Pick<Credentials, 'AccessKeyId' | 'SecretAccessKey' | 'SessionToken'>): { sts: STSClient; iam: IAMClient } {
  const identity = { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken };
  return {
    sts: new STSClient({ region: REGION, endpoint, credentials: identity, maxAttempts: 1 }),
    iam: new IAMClient({ region: REGION, endpoint, credentials: identity, maxAttempts: 1 }),
  };
}

/** A raw Query-protocol call, for requests the SDK would not send. */
export async function queryCall(endpoint: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

/** The `<Code>` of a Query-protocol error body. */
export function errorCode(body: string): string | undefined {
  return /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
}

export interface SignedQuery {
  url: URL;
  headers: Record<string, string>;
  body: string;
}

/** A Query-protocol request signed as the SDK signs it, for tests that control its bytes or timing. */
export async function signQuery(
  endpoint: string,
  credentials: Pick<Credentials, 'AccessKeyId' | 'SecretAccessKey' | 'SessionToken'>,
  params: Record<string, string>,
  service = 'iam',
): Promise<SignedQuery> {
  const url = new URL(endpoint);
  const body = new URLSearchParams(params).toString();
  const request = new HttpRequest({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body,
  });
  const signer = new SignatureV4({
    credentials: { accessKeyId: credentials.AccessKeyId!, secretAccessKey: credentials.SecretAccessKey!, sessionToken: credentials.SessionToken },
    region: REGION,
    service,
    sha256: Hash.bind(null, 'sha256'),
  });
  const signed = await signer.sign(request);
  return { url, headers: signed.headers, body };
}

/** Sends a signed Query-protocol request and reads the raw response. */
export async function sendSigned(query: SignedQuery): Promise<{ status: number; body: string }> {
  const response = await fetch(query.url, { method: 'POST', headers: query.headers, body: query.body });
  return { status: response.status, body: await response.text() };
}
