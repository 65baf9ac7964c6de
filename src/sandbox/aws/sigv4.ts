import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsApiError } from './query-protocol.ts';

/** What the Authorization header of a SigV4-signed request declares. */
export interface SignedRequestClaims {
  accessKeyId: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

export function readAuthorization(headers: IncomingHttpHeaders): SignedRequestClaims {
  const match = AUTHORIZATION.exec(headers.authorization ?? '');
  if (!match) throw new AwsApiError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
  const [, accessKeyId, , region, service, signedHeaders, signature] = match;
  return { accessKeyId: accessKeyId!, region: region!, service: service!, signedHeaders: signedHeaders!.split(';'), signature: signature! };
}

/**
 * Recomputes the request's signature with the secret the sandbox issued (through the SDK's own signer,
 * over exactly the headers the client signed) and compares it in constant time.
 */
export async function verifySignature(
  request: { method: string; path: string; headers: IncomingHttpHeaders; body: string },
  claims: SignedRequestClaims,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
): Promise<void> {
  // The signer signs the declared payload hash instead of hashing the body, so without this check a
  // body changed in transit would pass under a signature made for another.
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (declaredHash !== undefined && declaredHash !== createHash('sha256').update(request.body, 'utf8').digest('hex')) {
    throw new AwsApiError('XAmzContentSHA256Mismatch', 400, "The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  const amzDate = String(request.headers['x-amz-date'] ?? '');
  const signingDate = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/.exec(amzDate);
  if (!signingDate) throw new AwsApiError('IncompleteSignature', 403, 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.');
  const [, y, mo, d, h, mi, s] = signingDate.map(Number);
  const headers: Record<string, string> = {};
  for (const name of claims.signedHeaders) headers[name] = String(request.headers[name] ?? '');
  const [path, query = ''] = request.path.split('?');
  const unsigned = new HttpRequest({
    method: request.method,
    protocol: 'http:',
    hostname: String(request.headers.host ?? '').split(':')[0],
    path,
    query: Object.fromEntries(new URLSearchParams(query)),
    headers,
    body: request.body,
  });
  // applyChecksum off: the signer must sign exactly the headers the client listed, and add none.
  const signer = new SignatureV4({ credentials, region: claims.region, service: claims.service, sha256: Hash.bind(null, 'sha256'), applyChecksum: false });
  const signed = await signer.sign(unsigned, { signingDate: new Date(Date.UTC(y!, mo! - 1, d, h, mi, s)) });
  const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? signed.headers.Authorization))?.[1] ?? '';
  if (expected.length !== claims.signature.length || !timingSafeEqual(Buffer.from(expected), Buffer.from(claims.signature))) {
    throw new AwsApiError(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
}
