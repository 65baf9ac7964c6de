// Crafting hostile tokens byte by byte. jose's signers refuse to build most of these (duplicate names,
// wrong curves, `none`), so signatures are made with node:crypto over whatever header and payload text
// a case needs, and the issuer is a small loopback server whose keys and traffic a test controls.
import { constants, createHash, createHmac, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { expect, jest } from '@jest/globals';
import type { JWTVerifyGetKey } from 'jose';
import type { BrokerError, ErrorCode } from '../../../src/errors/broker-error.ts';
import { verifyToken, type VerifyOptions } from '../../../src/oidc/verify.ts';
import { listenOnLoopback, sendJson, type LoopbackServer } from '../../../src/sandbox/http.ts';
import { rejection } from '../../helpers/broker-error.ts';

export const AUDIENCE = 'sts.amazonaws.com';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/jwks';

export interface TestKey {
  kid: string;
  alg: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

function keyFrom(alg: string, pair: { privateKey: KeyObject; publicKey: KeyObject }): TestKey {
  const kid = randomUUID();
  return { kid, alg, ...pair, publicJwk: { ...pair.publicKey.export({ format: 'jwk' }), kid, alg, use: 'sig' } };
}

export const rsaKey = (bits = 2048, alg = 'RS256', publicExponent = 65537): TestKey => keyFrom(alg, generateKeyPairSync('rsa', { modulusLength: bits, publicExponent }));
export const ecKey = (namedCurve: 'P-256' | 'P-384' | 'secp256k1', alg: string): TestKey => keyFrom(alg, generateKeyPairSync('ec', { namedCurve }));
export const ed25519Key = (): TestKey => keyFrom('EdDSA', generateKeyPairSync('ed25519'));

/**
 * An issuer key whose JWKS entry claims the public exponent 1 (`e` "AQ"). Its private key is never
 * needed: under e = 1, the signature of a message is its padded hash, which `exponentOneSignature` computes.
 */
export function exponentOneKey(bits = 2048): TestKey {
  const key = rsaKey(bits);
  return { ...key, publicJwk: { ...key.publicJwk, e: 'AQ' } };
}

// The DER prefix of a SHA-256 DigestInfo, which EMSA-PKCS1-v1_5 (RFC 8017, section 9.2) puts before the hash.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** An RS256 signature over `data` that verifies under a `bits`-bit modulus with exponent 1, made with no key at all. */
export function exponentOneSignature(data: Uint8Array, bits = 2048): Buffer {
  const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, createHash('sha256').update(data).digest()]);
  const padding = Buffer.alloc(bits / 8 - digestInfo.length - 3, 0xff);
  return Buffer.concat([Buffer.from([0x00, 0x01]), padding, Buffer.from([0x00]), digestInfo]);
}

export const b64url = (data: string | Uint8Array): string => Buffer.from(data).toString('base64url');

/** A JWS signature over `data` as `alg` prescribes, made with `key` whatever its type (that is the point). */
export function signature(alg: string, key: KeyObject | string | Uint8Array, data: Uint8Array, options: { der?: boolean } = {}): Buffer {
  const hash = `sha${/\d+/.exec(alg)?.[0] ?? '256'}`;
  if (alg.startsWith('HS')) return createHmac(hash, key as string | Uint8Array).update(data).digest();
  const privateKey = key as KeyObject;
  if (alg.startsWith('RS')) return sign(hash, data, privateKey);
  if (alg.startsWith('PS')) return sign(hash, data, { key: privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  if (alg.startsWith('ES')) return sign(hash, data, { key: privateKey, dsaEncoding: options.der ? 'der' : 'ieee-p1363' });
  return sign(null, data, privateKey);
}

/** A loopback OIDC issuer (discovery and JWKS only) that records every path asked of it. */
export class KeyHost {
  /** The keys the JWKS publishes; tests replace them to rotate. */
  published: Array<Record<string, unknown>>;
  readonly requests: string[] = [];
  readonly #server: LoopbackServer;

  private constructor(server: LoopbackServer, published: Array<Record<string, unknown>>) {
    this.#server = server;
    this.published = published;
  }

  static async start(keys: TestKey[]): Promise<KeyHost> {
    const late: { host?: KeyHost } = {};
    const server = await listenOnLoopback((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      late.host!.requests.push(path);
      if (path === DISCOVERY_PATH) return sendJson(res, 200, { issuer: server.url, jwks_uri: `${server.url}${JWKS_PATH}` });
      if (path === JWKS_PATH) return sendJson(res, 200, { keys: late.host!.published });
      return sendJson(res, 404, { message: 'not found' });
    });
    late.host = new KeyHost(server, keys.map((key) => key.publicJwk));
    return late.host;
  }

  get url(): string {
    return this.#server.url;
  }

  count(path: string): number {
    return this.requests.filter((p) => p === path).length;
  }

  close(): Promise<void> {
    return this.#server.close();
  }
}

export interface SignOptions {
  /** Header fields over the default {alg, kid, typ}; `undefined` removes one. A string is used as the header's JSON text. */
  header?: Record<string, unknown> | string;
  /** Claims over the defaults; `undefined` removes one. A string is used as the payload's JSON text. */
  claims?: Record<string, unknown> | string;
  key?: TestKey;
  /** Makes the signature instead of `key` (HMAC with a public key, wrong curves, DER encoding...). */
  signer?: (signingInput: Buffer) => Buffer;
}

/**
 * Everything one hostile-token file needs: the issuer it verifies against, with an RSA and an EC key
 * (and, published beside them, an RSA key too short to trust), and an attacker's host that no
 * verification may ever contact.
 */
export class Kit {
  readonly rsa = rsaKey();
  readonly ec = ecKey('P-256', 'ES256');
  readonly weak = rsaKey(1024);
  readonly attackerRsa = rsaKey();
  issuer!: KeyHost;
  attacker!: KeyHost;

  static async start(): Promise<Kit> {
    const kit = new Kit();
    kit.issuer = await KeyHost.start([kit.rsa, kit.ec, kit.weak]);
    kit.attacker = await KeyHost.start([kit.attackerRsa]);
    return kit;
  }

  /** The claims of a well-formed GitHub-shaped token for this issuer, with `overrides` applied. */
  claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: this.issuer.url,
      aud: AUDIENCE,
      sub: 'repo:octo-org/app:environment:production',
      repository: 'octo-org/app',
      repository_id: '8429',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main',
      environment: 'production',
      iat: now,
      nbf: now - 5,
      exp: now + 300,
    };
    for (const [name, value] of Object.entries(overrides)) {
      if (value === undefined) delete claims[name];
      else claims[name] = value;
    }
    return claims;
  }

  /** The header and payload parts (base64url) for `options`, before signing. */
  parts(options: SignOptions = {}): [string, string] {
    const key = options.key ?? this.rsa;
    const header = typeof options.header === 'string' ? options.header : JSON.stringify(merge({ alg: key.alg, kid: key.kid, typ: 'JWT' }, options.header ?? {}));
    const payload = typeof options.claims === 'string' ? options.claims : JSON.stringify(this.claims(options.claims));
    return [b64url(header), b64url(payload)];
  }

  /** A compact JWS over the header and claims of `options`, signed by the issuer's RSA key unless told otherwise. */
  sign(options: SignOptions = {}): string {
    const key = options.key ?? this.rsa;
    const [header, payload] = this.parts(options);
    const input = Buffer.from(`${header}.${payload}`);
    const alg = typeof options.header === 'string' ? key.alg : String(merge({ alg: key.alg }, options.header ?? {}).alg);
    const made = options.signer ? options.signer(input) : signature(alg, key.privateKey, input);
    return `${header}.${payload}.${b64url(made)}`;
  }

  async close(): Promise<void> {
    await Promise.all([this.issuer.close(), this.attacker.close()]);
  }
}

function merge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...base };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return merged;
}

export interface HostileCase {
  name: string;
  token: (kit: Kit) => string | Promise<string>;
  code: ErrorCode;
  /** What the message must say: the fragment that tells the user what was wrong. */
  says: string | RegExp | ((kit: Kit) => string | RegExp);
  /** Refused from the token alone: the issuer's keys are never consulted. */
  early?: boolean;
  options?: Partial<VerifyOptions>;
  /** Values besides the token that the message and hint must not carry. */
  secrets?: (kit: Kit) => string[];
}

const KEY_PATHS = new Set([DISCOVERY_PATH, JWKS_PATH]);

/**
 * Verifies the case's token and holds the refusal to everything a refusal owes: the right code, a
 * message that says what was wrong, nothing of the token or of a secret in message or hint, no request
 * to the issuer beyond discovery and JWKS, none at all to the attacker, and for early refusals no key
 * lookup whatsoever.
 */
export async function expectRefusal(kit: Kit, hostile: HostileCase): Promise<BrokerError> {
  const token = await hostile.token(kit);
  const issuerMark = kit.issuer.requests.length;
  const error = await rejection(verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE, ...hostile.options }));
  expect(error.code).toBe(hostile.code);
  const says = typeof hostile.says === 'function' ? hostile.says(kit) : hostile.says;
  if (typeof says === 'string') expect(error.message).toContain(says);
  else expect(error.message).toMatch(says);
  expectNoEcho(error, token, hostile.secrets?.(kit) ?? []);
  expect(kit.issuer.requests.slice(issuerMark).filter((path) => !KEY_PATHS.has(path))).toEqual([]);
  expect(kit.attacker.requests).toEqual([]);
  if (hostile.early) {
    // With a key resolver that records being asked, an early refusal must come before it is.
    const resolver = jest.fn<JWTVerifyGetKey>(() => Promise.reject(new Error('the key resolver was consulted')));
    const again = await rejection(verifyToken(token, { issuer: kit.issuer.url, audience: AUDIENCE, ...hostile.options, keys: resolver }));
    expect(again.code).toBe(hostile.code);
    expect(resolver).not.toHaveBeenCalled();
  }
  return error;
}

/** The message and hint carry neither the token nor any sizeable piece of it, nor a secret, and stay short. */
export function expectNoEcho(error: BrokerError, token: string, secrets: string[] = []): void {
  const text = `${error.message}\n${error.hint}`;
  expect(text.length).toBeLessThan(800);
  if (token.length >= 8) expect(text).not.toContain(token);
  for (const piece of [...token.split('.'), ...secrets]) if (piece.length >= 16) expect(text).not.toContain(piece);
}
