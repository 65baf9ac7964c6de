import { SERVERS_KEY } from './global-setup.ts';
import type { LocalServer } from './servers.ts';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as Record<symbol, LocalServer[] | undefined>)[SERVERS_KEY] ?? [];
  await Promise.all(servers.map((server) => server.destroy()));
}
