import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** An error as AWS's Query-protocol services return it. */
export class AwsApiError extends Error {
  override readonly name = 'AwsApiError';
  readonly code: string;
  readonly status: number;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: string, status: number, message: string, retryAfterSeconds?: number) {
    super(message);
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';
export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

export function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

type XmlValue = string | number | boolean | XmlFields;
/**
 * A tree of elements for a response body; undefined values are left out, as AWS leaves out empty
 * members, and an array repeats its element, as in `<PolicyNames><member>a</member><member>b</member>`.
 */
export type XmlFields = { [element: string]: XmlValue | XmlValue[] | undefined };

function render(fields: XmlFields): string {
  const element = (name: string, value: XmlValue): string => `<${name}>${typeof value === 'object' ? render(value) : xmlEscape(String(value))}</${name}>`;
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => (Array.isArray(value) ? value.map((item) => element(name, item)).join('') : element(name, value!)))
    .join('');
}

/** Sends a successful response; an action with no output (PutRolePolicy, say) has no Result element at all. */
export function sendResult(res: ServerResponse, namespace: string, action: string, result: XmlFields | undefined): void {
  const resultElement = result === undefined ? '' : `<${action}Result>${render(result)}</${action}Result>`;
  const body = `<${action}Response xmlns="${namespace}">${resultElement}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
  res.writeHead(200, { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': randomUUID() });
  res.end(body);
}

export function sendError(res: ServerResponse, namespace: string, error: AwsApiError): void {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const body = `<ErrorResponse xmlns="${namespace}"><Error><Type>${type}</Type><Code>${xmlEscape(error.code)}</Code><Message>${xmlEscape(error.message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
  const headers: Record<string, string | number> = { 'content-type': 'text/xml', 'content-length': Buffer.byteLength(body) };
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = error.retryAfterSeconds;
  res.writeHead(error.status, headers);
  res.end(body);
}

/** AWS's wording for a parameter that fails its constraint; a missing one is `Value null`. */
export function validationError(value: string | null, member: string, constraint: string): AwsApiError {
  const shown = value === null ? 'null' : `'${value}'`;
  return new AwsApiError('ValidationError', 400, `1 validation error detected: Value ${shown} at '${member}' failed to satisfy constraint: ${constraint}`);
}

/** AWS writes timestamps to the second. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
