// PostgreSQL may end a pool's idle connection at any time (a restart, an administrator, a proxy's
// idle timeout). The app must log it and go on, not exit: pg reports it as an 'error' event, which
// Node throws when nobody listens (vitest fails the run on such an uncaught error).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { kyselyStore } from '@/lib/db';
import { BACKENDS, openFresh } from './backends';

const postgres = BACKENDS.find((b) => b.name === 'postgres');

describe.runIf(postgres)('a PostgreSQL connection ended by the server', () => {
  let fresh: Awaited<ReturnType<typeof openFresh>>;
  beforeAll(async () => {
    fresh = await openFresh(postgres!);
  });
  afterAll(async () => fresh.close());

  it('is logged in one line, and the next query opens another connection', async () => {
    const store = kyselyStore(fresh.conn.db);
    await store.ping();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const admin = new pg.Client({ connectionString: fresh.env.DATABASE_URL });
      await admin.connect();
      const ended = await admin.query('SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
      await admin.end();
      expect(ended.rows.length).toBeGreaterThan(0);
      await vi.waitFor(() => expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^idle PostgreSQL connection lost: terminating connection/)), { timeout: 5000 });
      await expect(store.countInstructors()).resolves.toBe(0);
    } finally {
      logged.mockRestore();
    }
  });
});
