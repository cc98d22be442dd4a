// The data layer's entry: one lazily opened, migrated connection per process, configured from
// lib/env.ts. Importing this module connects to nothing; the first getStore() call does.
import { getEnv } from '../env';
import { connect, type Connection } from './connect';
import { kyselyStore, type Store } from './store';

export type * from './store';
export type { Role, Dialect } from './schema';
export { connect, type Connection } from './connect';
export { kyselyStore } from './store';

let opening: Promise<Connection> | null = null;

/** The process's connection, opened and migrated on first use; a failed open is retried next call. */
export function getConnection(): Promise<Connection> {
  if (!opening) {
    const env = getEnv();
    opening = connect({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
    opening.catch(() => {
      opening = null;
    });
  }
  return opening;
}

export async function getStore(): Promise<Store> {
  return kyselyStore((await getConnection()).db);
}

/** Closes the process's connection (shutdown, tests); the next getStore() opens a new one. */
export async function closeConnection(): Promise<void> {
  const current = opening;
  opening = null;
  if (current) await (await current).db.destroy();
}
