import { readFile } from 'node:fs/promises';
import { BrokerError, ErrorCode } from '../errors/broker-error.ts';
import type { VerifiedToken } from './verify.ts';

export interface TokenSourceOptions {
  /** Gets a new token: from the runner's endpoint, an environment variable, a file… */
  fetchToken: () => Promise<string>;
  verify: (token: string) => Promise<VerifiedToken>;
}

/**
 * Hands out the verified token in hand, or a freshly fetched and verified one when asked to or when
 * the one in hand would expire within `minValiditySeconds`: a slow exchange must not send STS a token
 * that dies in flight.
 */
export class TokenSource {
  readonly #options: TokenSourceOptions;
  #current: VerifiedToken | undefined;

  constructor(options: TokenSourceOptions) {
    this.#options = options;
  }

  async get({ forceRefresh = false, minValiditySeconds = 0 }: { forceRefresh?: boolean; minValiditySeconds?: number } = {}): Promise<VerifiedToken> {
    const nowSeconds = Date.now() / 1000;
    if (!forceRefresh && this.#current && this.#current.claims.exp - nowSeconds >= minValiditySeconds) return this.#current;
    this.#current = await this.#options.verify(await this.#options.fetchToken());
    return this.#current;
  }
}

/**
 * Reads a token that something else keeps fresh in a file: a projected service-account token on a
 * self-hosted runner in Kubernetes (EKS), for example. Read anew each time, as the file rotates.
 */
export async function readWebIdentityTokenFile(path: string): Promise<string> {
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BrokerError(ErrorCode.TokenRequestFailed, `Cannot read the web identity token file ${path} (${error.code ?? 'error'}).`, {
      hint: 'Check web-identity-token-file: the path the platform projects the token to (AWS_WEB_IDENTITY_TOKEN_FILE on EKS), readable by the runner’s user.',
      cause: error,
    });
  });
  const token = text.trim();
  if (!token) {
    throw new BrokerError(ErrorCode.TokenRequestFailed, `The web identity token file ${path} is empty.`, {
      hint: 'The platform writes the token there before the job starts; check that the projected volume is mounted on the runner.',
    });
  }
  return token;
}
