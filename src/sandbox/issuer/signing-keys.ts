import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  alg: 'RS256';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, alg: 'RS256', privateKey, publicJwk };
}

/**
 * The issuer's key ring: one key signs, and the JWKS publishes it beside the keys that signed tokens
 * which may still be in flight, as real issuers do during rotation.
 */
export class KeyRing {
  #keys: SigningKey[];

  private constructor(first: SigningKey) {
    this.#keys = [first];
  }

  static async create(): Promise<KeyRing> {
    return new KeyRing(await newSigningKey());
  }

  get current(): SigningKey {
    return this.#keys[0]!;
  }

  /** Makes a new key the signing key. The old keys stay published unless `retire` drops them. */
  async rotate(options: { retirePrevious?: boolean } = {}): Promise<SigningKey> {
    const next = await newSigningKey();
    this.use(next, options);
    return next;
  }

  /** Makes `next`, made beforehand, the signing key at once: for a rotation timed to a request. */
  use(next: SigningKey, options: { retirePrevious?: boolean } = {}): void {
    this.#keys = options.retirePrevious ? [next] : [next, ...this.#keys];
  }

  jwks(): { keys: JWK[] } {
    return { keys: this.#keys.map((key) => key.publicJwk) };
  }
}
