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
