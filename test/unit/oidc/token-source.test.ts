import { describe, expect, it } from '@jest/globals';
import { TokenSource } from '../../../src/oidc/token-source.ts';
import type { VerifiedToken } from '../../../src/oidc/verify.ts';

/** A source whose tokens are numbered and expire `lifetimeSeconds` from now. */
function numberedSource(lifetimeSeconds: number) {
  const fetched: string[] = [];
  const source = new TokenSource({
    fetchToken: () => {
      fetched.push(`token-${fetched.length + 1}`);
      return Promise.resolve(fetched.at(-1)!);
    },
    verify: (token) =>
      Promise.resolve({
        token,
        claims: { iss: 'i', sub: 's', aud: 'a', iat: 0, exp: Math.floor(Date.now() / 1000) + lifetimeSeconds },
        header: { alg: 'RS256', kid: undefined },
      } satisfies VerifiedToken),
  });
  return { source, fetched };
}

describe('TokenSource', () => {
  it('fetches once and hands out the token in hand while it stays valid long enough', async () => {
    const { source, fetched } = numberedSource(300);
    expect((await source.get()).token).toBe('token-1');
    expect((await source.get({ minValiditySeconds: 60 })).token).toBe('token-1');
    expect(fetched).toEqual(['token-1']);
  });

  it('fetches a new token when the one in hand would expire within the margin', async () => {
    const { source, fetched } = numberedSource(30);
    await source.get();
    expect((await source.get({ minValiditySeconds: 60 })).token).toBe('token-2');
    expect(fetched).toHaveLength(2);
  });

  it('fetches a new token when asked to, as after STS said the last one expired', async () => {
    const { source } = numberedSource(300);
    await source.get();
    expect((await source.get({ forceRefresh: true })).token).toBe('token-2');
  });

  it('verifies every token it hands out', async () => {
    const source = new TokenSource({ fetchToken: () => Promise.resolve('forged'), verify: () => Promise.reject(new Error('signature does not verify')) });
    await expect(source.get()).rejects.toThrow('signature does not verify');
  });
});
