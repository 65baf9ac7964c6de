import { expect, it } from '@jest/globals';
import { memoryRateLimiter } from '../../../src/service/rate-limits.ts';

const keys = (repository: string) => ({ repository, owner: 'octo-org', issuer: 'https://issuer' });

it('refuses at the first scope out of points, and counts a refusal only against the scopes that refused it', async () => {
  const limiter = memoryRateLimiter({ repository: { requests: 2, perSeconds: 60 }, owner: { requests: 3, perSeconds: 60 }, issuer: { requests: 100, perSeconds: 60 } });
  expect(await limiter.consume(keys('app'))).toEqual({ allowed: true });
  expect(await limiter.consume(keys('app'))).toEqual({ allowed: true });
  // Over its own limit: refused for the repository, and the owner's point it took is given back.
  expect(await limiter.consume(keys('app'))).toEqual({ allowed: false, scope: 'repository', retryAfterSeconds: 60 });
  expect(await limiter.consume(keys('app'))).toMatchObject({ allowed: false, scope: 'repository' });
  // So the owner still has one exchange left for another repository, and only one.
  expect(await limiter.consume(keys('web'))).toEqual({ allowed: true });
  expect(await limiter.consume(keys('web'))).toMatchObject({ allowed: false, scope: 'owner' });
  await limiter.close();
});
