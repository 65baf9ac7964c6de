import { createPublicKey, KeyObject } from 'node:crypto';
import type { JWK, JWTVerifyGetKey } from 'jose';

const MIN_RSA_BITS = 2048;
/** 65537 (AQAB), the exponent every OIDC issuer uses. */
const RSA_EXPONENT = 65537n;

/** Why a key the issuer publishes is not trusted; verify.ts turns it into a BrokerError naming the key. */
export class UnfitKeyError extends Error {
  override readonly name = 'UnfitKeyError';
  readonly hint: string;

  constructor(problem: string, hint: string) {
    super(problem);
    this.hint = hint;
  }
}

/**
 * Wraps a key resolver so that the key it picks for a token is refused before jose verifies with it,
 * when it is an RSA key that a signature made without the issuer's private key could satisfy.
 */
export function fitKeysOnly(keys: JWTVerifyGetKey): JWTVerifyGetKey {
  return async (header, token) => {
    const key = await keys(header, token);
    checkRsaKey(key);
    return key;
  };
}

type ResolvedKey = Awaited<ReturnType<JWTVerifyGetKey>>;

function checkRsaKey(key: ResolvedKey): void {
  const details = rsaDetails(key);
  if (!details) return;
  const { modulusLength, publicExponent } = details;
  if (modulusLength < MIN_RSA_BITS) {
    throw new UnfitKeyError(
      `is an RSA key of ${modulusLength} bits, shorter than ${MIN_RSA_BITS}: too weak to trust`,
      `Keys under ${MIN_RSA_BITS} bits can be factored; check the \`issuer\` input, and if it is right, ask the issuer to publish a stronger key.`,
    );
  }
  if (publicExponent !== RSA_EXPONENT) {
    // With e = 1 the "signature" is the padded hash itself, which anyone can compute; other small
    // exponents invite forgeries against lenient padding checks. No real issuer publishes either.
    const forgeable = publicExponent === 1n ? ', under which anyone can forge a signature' : '';
    // The exponent comes from the JWKS: one of thousands of digits would swamp the message.
    const exponent = publicExponent < 2n ** 32n ? `public exponent ${publicExponent}` : `a ${publicExponent.toString(2).length}-bit public exponent`;
    throw new UnfitKeyError(
      `is an RSA key with ${exponent}, not 65537 (AQAB)${forgeable}`,
      'OIDC issuers publish RSA keys with exponent 65537 only: do not trust tokens under this key. Check the `issuer` input, and that nothing between here and the issuer rewrites its JWKS.',
    );
  }
}

function rsaDetails(key: ResolvedKey): { modulusLength: number; publicExponent: bigint } | undefined {
  if (key instanceof Uint8Array) return undefined;
  let object: KeyObject;
  if (key instanceof KeyObject) object = key;
  else if (key instanceof CryptoKey) object = KeyObject.from(key);
  else if ((key as JWK).kty === 'RSA') object = createPublicKey({ key: key as JWK & { kty: 'RSA' }, format: 'jwk' });
  else return undefined;
  const { modulusLength, publicExponent } = object.asymmetricKeyDetails ?? {};
  return object.asymmetricKeyType?.startsWith('rsa') && modulusLength !== undefined && publicExponent !== undefined ? { modulusLength, publicExponent } : undefined;
}
