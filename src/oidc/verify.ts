import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import { issuerKeys } from './issuer-keys.ts';
import { fitKeysOnly, UnfitKeyError } from './key-strength.ts';

/** A token's claims after its signature, issuer, audience and times have all been checked. */
export type VerifiedClaims = Readonly<JWTPayload> & {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string | string[];
  readonly exp: number;
  readonly iat: number;
};

export interface VerifiedToken {
  token: string;
  claims: VerifiedClaims;
  header: { alg: string; kid: string | undefined };
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  /** Leeway on exp, nbf and iat, in seconds; never more than 60. */
  clockToleranceSeconds?: number;
  /** The current time, for tests. */
  now?: Date;
  /** The issuer's keys, for offline verification; by default they are discovered and fetched. */
  keys?: JWTVerifyGetKey;
}

/**
 * Tokens from CI systems are one to three kilobytes; 16 KiB (16384 bytes, counted as UTF-8) leaves
 * room for large custom claims while bounding what an attacker can make us decode, parse and scan.
 * It is checked before anything else, parsing included.
 */
export const MAX_TOKEN_BYTES = 16 * 1024;
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;
/** Signatures that prove the issuer's private key signed the token; shared-secret (HS*) and `none` never do. */
export const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

interface Header {
  alg: string;
  kid: string | undefined;
  /** Header parameters that name a key or where to fetch one; they are never followed, only reported. */
  keyPointers: string[];
}

const PARTS = ['header', 'payload', 'signature'] as const;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
// A token may point at its own verification key; a verifier that followed these would let the token
// choose who vouches for it. Keys come only from the issuer's JWKS.
const KEY_POINTERS = ['jku', 'x5u', 'jwk', 'x5c'];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Verifies an OIDC token against its issuer's published keys. Nothing in the token is trusted before
 * this returns; each refusal names what failed.
 */
export async function verifyToken(token: string, options: VerifyOptions): Promise<VerifiedToken> {
  const tolerance = Math.min(options.clockToleranceSeconds ?? MAX_CLOCK_TOLERANCE_SECONDS, MAX_CLOCK_TOLERANCE_SECONDS);
  // Everything that can be refused without the issuer's keys is refused before they are fetched.
  const header = readStructure(token);
  const keys = fitKeysOnly(options.keys ?? (await issuerKeys(options.issuer)));
  const now = options.now ?? new Date();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ASYMMETRIC_ALGORITHMS,
      clockTolerance: tolerance,
      requiredClaims: ['iss', 'aud', 'sub', 'exp', 'iat'],
      currentDate: now,
    }));
  } catch (error) {
    throw verificationError(error, options, tolerance, header);
  }
  // jose checks that times are numbers; JSON also has 1e999, which is Infinity and would never expire.
  for (const claim of ['exp', 'iat', 'nbf'] as const) {
    if (payload[claim] !== undefined && !Number.isFinite(payload[claim])) throw claimTypeError(claim, 'a finite number of seconds since the epoch');
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat > nowSeconds + tolerance) {
    throw new BrokerError(ErrorCode.TokenIssuedInFuture, `The token claims to be issued at ${instant(payload.iat)}, in the future (leeway ${tolerance} s).`, {
      hint: 'Check the clocks of this machine and of the issuer; a token from the future is refused.',
    });
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw claimTypeError('sub', 'a non-empty string');
  return { token, claims: payload as VerifiedClaims, header: { alg: header.alg, kid: header.kid } };
}

/**
 * The checks that need no key: size, shape, encoding, JSON without duplicate names, and a header that
 * asks for nothing this verifier refuses to do. Returns what the key lookup and messages need.
 */
function readStructure(token: string): Header {
  if (typeof token !== 'string') throw malformed(`The token is ${token === null ? 'null' : typeof token}, not a string.`);
  const bytes = Buffer.byteLength(token);
  if (bytes > MAX_TOKEN_BYTES) throw malformed(`The token is ${bytes} bytes, more than the ${MAX_TOKEN_BYTES} bytes allowed.`);
  const parts = token.split('.');
  if (parts.length !== 3) throw malformed(`The token has ${parts.length} dot-separated parts; a signed JWT has 3.`);
  // The header first, so that an unsigned (`none`) token, whose signature part is empty, is refused for what it is.
  checkEncoding(parts[0]!, 0);
  const header = readJsonObject(parts[0]!, 'header');
  const { alg, kid, crit, b64, cty, typ } = header;
  if (typeof alg !== 'string' || !ASYMMETRIC_ALGORITHMS.includes(alg)) {
    throw new BrokerError(ErrorCode.TokenAlgorithmRejected, `The token is signed with ${quote(alg)}, which is not an allowed asymmetric algorithm.`, {
      hint: `Only ${ASYMMETRIC_ALGORITHMS.join(', ')} are accepted; a real issuer never signs with \`none\` or a shared secret.`,
    });
  }
  if (kid !== undefined && typeof kid !== 'string') throw crafted(`The token's key id (\`kid\` header) is ${quote(kid)}, not a string.`);
  if (crit !== undefined) {
    throw crafted(`The token marks header parameters as critical (\`crit\`: ${quote(crit)}); this verifier implements no JWS extensions, so it must refuse them.`);
  }
  if (b64 !== undefined && b64 !== true) throw crafted(`The token's header sets \`b64\` to ${quote(b64)}; a JWT's payload is always base64url-encoded.`);
  if (typeof cty === 'string' && cty.toUpperCase() === 'JWT') {
    throw crafted('The token is a nested JWT (`cty` "JWT"): its claims would be another token, which is never verified here.');
  }
  if (cty !== undefined && typeof cty !== 'string') throw crafted(`The token's \`cty\` header is ${quote(cty)}, not a string.`);
  // An issuer's other JWTs (access, logout or DPoP tokens) may share its keys; only ID tokens are taken.
  if (typ !== undefined && (typeof typ !== 'string' || !['jwt', 'application/jwt'].includes(typ.toLowerCase()))) {
    throw crafted(`The token's type (\`typ\` header) is ${quote(typ)}, not "JWT": it is not an ID token.`);
  }
  checkEncoding(parts[1]!, 1);
  readJsonObject(parts[1]!, 'payload');
  checkEncoding(parts[2]!, 2);
  return { alg, kid, keyPointers: KEY_POINTERS.filter((name) => header[name] !== undefined) };
}

function checkEncoding(part: string, index: number): void {
  const name = PARTS[index]!;
  if (part === '') throw malformed(`The token's ${name} (part ${index + 1} of 3) is empty.`);
  // Whitespace, padding or the `+` and `/` of plain base64 would otherwise be decoded leniently.
  if (!BASE64URL.test(part) || part.length % 4 === 1) {
    throw malformed(`The token's ${name} (part ${index + 1} of 3) is not base64url: it has characters other than A-Z, a-z, 0-9, - and _, or an impossible length.`);
  }
  // Unused low bits in the last character decode to the same bytes: one signature, many token strings.
  if (Buffer.from(part, 'base64url').toString('base64url') !== part) {
    throw malformed(`The token's ${name} (part ${index + 1} of 3) is not canonical base64url: its last character carries bits that an encoder leaves at zero.`);
  }
}

/** The JSON object a base64url part holds; a name given twice is refused, as readers disagree on which wins. */
function readJsonObject(part: string, name: 'header' | 'payload'): Record<string, unknown> {
  let text: string;
  try {
    text = strictUtf8.decode(Buffer.from(part, 'base64url'));
  } catch {
    throw malformed(`The token's ${name} is not valid UTF-8 once base64url-decoded.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed(`The token's ${name} is not base64url-encoded JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(`The token's ${name} is JSON but not a JSON object.`);
  const duplicate = duplicateName(text);
  if (duplicate !== undefined) {
    const what = name === 'header' ? 'header parameter' : 'claim';
    throw crafted(`The token's ${name} gives the ${what} ${quote(duplicate)} more than once; which value counts would depend on the reader, so the token is refused.`);
  }
  return value as Record<string, unknown>;
}

/**
 * The first member name that one object of `json` repeats. `json` must already have parsed, so every
 * string is terminated and brackets balance. Names are compared unescaped: "sub" and "\u0073ub" are one.
 */
export function duplicateName(json: string): string | undefined {
  // One entry per open bracket: the names seen so far for an object, null for an array.
  const open: Array<Set<string> | null> = [];
  let nameNext = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      let end = i + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const names = open.at(-1);
      if (nameNext && names) {
        const name = JSON.parse(json.slice(i, end + 1)) as string;
        if (names.has(name)) return name;
        names.add(name);
      }
      nameNext = false;
      i = end;
    } else if (c === '{') {
      open.push(new Set());
      nameNext = true;
    } else if (c === '[') {
      open.push(null);
    } else if (c === '}' || c === ']') {
      open.pop();
    } else if (c === ',') {
      nameNext = open.at(-1) instanceof Set;
    } else if (c === ':') {
      nameNext = false;
    }
  }
  return undefined;
}

function verificationError(error: unknown, options: VerifyOptions, tolerance: number, header: Header): BrokerError {
  // Said whenever the key did not fit, so nobody concludes that the token's own key pointer was tried.
  const ignored =
    header.keyPointers.length > 0
      ? ` The token's own ${header.keyPointers.map((p) => `\`${p}\``).join(', ')} header was ignored: keys come only from ${options.issuer}'s JWKS.`
      : '';
  if (error instanceof errors.JWTExpired) {
    return new BrokerError(ErrorCode.TokenExpired, `The token expired at ${instant(error.payload.exp)} (leeway ${tolerance} s).`, {
      hint: 'Request the token right before using it; if this repeats, check this machine’s clock.',
    });
  }
  if (error instanceof errors.JWTClaimValidationFailed) return claimError(error, options, tolerance);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new BrokerError(ErrorCode.TokenSignatureInvalid, `The token's signature does not verify with the key ${quote(header.kid)} that ${options.issuer} publishes.`, {
      hint: `The token was not signed by this issuer, or was altered: do not trust it. Check that the \`issuer\` input is right.${ignored}`,
    });
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return new BrokerError(ErrorCode.TokenKeyNotFound, `No key of ${options.issuer} matches the token's key id ${quote(header.kid)} and algorithm ${header.alg}.`, {
      hint: `The token was signed by a key the issuer does not publish (forged, from another issuer, or rotated out); check the \`issuer\` input.${ignored}`,
    });
  }
  if (error instanceof UnfitKeyError) {
    return new BrokerError(ErrorCode.TokenKeyUnfit, `The key ${quote(header.kid)} that ${options.issuer} publishes ${error.message}.`, { hint: error.hint });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new BrokerError(ErrorCode.TokenAlgorithmRejected, `The token's algorithm ${header.alg} is not allowed for its key.`, {
      hint: 'Only asymmetric algorithms that match the issuer’s published key are accepted.',
    });
  }
  if (error instanceof errors.JOSENotSupported) return malformed(`The token uses an unsupported feature: ${error.message}.`);
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return malformed(`The token is not a valid signed JWT: ${error.message}.`);
  if (error instanceof BrokerError) return error;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error instanceof errors.JOSEError || error instanceof TypeError) {
    return new BrokerError(ErrorCode.JwksFailed, `The signing keys of ${options.issuer} could not be fetched or read.`, {
      hint: 'Check the network path to the issuer and retry; an issuer outage fails closed.',
      cause: error,
    });
  }
  return new BrokerError(ErrorCode.Internal, 'The token could not be verified for an unexpected reason.', { hint: 'Please report this as a bug.', cause: error });
}

function claimError(error: InstanceType<typeof errors.JWTClaimValidationFailed>, options: VerifyOptions, tolerance: number): BrokerError {
  const actual = error.payload[error.claim];
  if (error.reason === 'missing') return claimTypeError(error.claim, 'present');
  if (error.reason === 'invalid') return claimTypeError(error.claim, 'a number of seconds since the epoch');
  switch (error.claim) {
    case 'iss':
      return new BrokerError(ErrorCode.TokenIssuerMismatch, `The token's issuer is ${quote(actual)}, but ${quote(options.issuer)} was expected.`, {
        hint: 'Issuers must match exactly (scheme, case and trailing slash included). Set the `issuer` input to the issuer that minted the token.',
      });
    case 'aud':
      return new BrokerError(ErrorCode.TokenAudienceMismatch, `The token's audience is ${quote(actual)}, but ${quote(options.audience)} was expected.`, {
        hint: 'Request the token for the audience you verify against: set the `audience` input to match the cloud side.',
      });
    case 'nbf':
      return new BrokerError(ErrorCode.TokenNotYetValid, `The token is not valid before ${instant(actual)} (leeway ${tolerance} s).`, {
        hint: 'Check this machine’s clock against the issuer’s.',
      });
    default:
      return claimTypeError(error.claim, 'valid');
  }
}

function claimTypeError(claim: string, expected: string): BrokerError {
  return new BrokerError(ErrorCode.TokenClaimInvalid, `The token's \`${claim}\` claim is not ${expected}.`, {
    hint: 'The issuer produced a token without the standard claims; it cannot be trusted for credentials.',
  });
}

function malformed(message: string): BrokerError {
  return new BrokerError(ErrorCode.TokenMalformed, message, { hint: 'Pass the token exactly as the issuer produced it: three base64url parts separated by dots.' });
}

/** A token that is well encoded but built in a way no OIDC issuer builds its ID tokens. */
function crafted(message: string): BrokerError {
  return new BrokerError(ErrorCode.TokenMalformed, message, {
    hint: 'OIDC issuers do not produce such tokens: it was crafted or corrupted, so do not use it. Request a fresh token from the issuer.',
  });
}

/**
 * Quotes an untrusted value for a message: JSON-escaped, anything outside printable ASCII escaped too
 * (so a header cannot reorder text or steer a terminal), and cut short.
 */
function quote(value: unknown): string {
  const text = (JSON.stringify(value) ?? String(value)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function instant(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : quote(seconds);
}
