// jest's global setup: one Redis and one PostgreSQL for the whole run, whose URLs reach the test
// workers through the environment. Missing Debian packages fail the run at once, with the command that
// installs them; .ci/run installs them before it calls the same test command.
import { checkServerPackages, POSTGRES_URL_ENV, REDIS_URL_ENV, startPostgres, startRedis, type LocalServer } from './servers.ts';

export const SERVERS_KEY = Symbol.for('ci-oidc-broker.test-servers');

export default async function globalSetup(): Promise<void> {
  checkServerPackages();
  const servers = await Promise.allSettled([startPostgres(), startRedis()]);
  const started = servers.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = servers.find((s) => s.status === 'rejected');
  // jest runs no teardown after a failed setup: what did start stops here.
  if (failed) throw (await Promise.all(started.map((server) => server.destroy())), failed.reason);
  (globalThis as Record<symbol, LocalServer[]>)[SERVERS_KEY] = started;
  process.env[POSTGRES_URL_ENV] = started[0]!.url;
  process.env[REDIS_URL_ENV] = started[1]!.url;
}
