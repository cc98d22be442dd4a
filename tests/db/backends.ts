// The databases every db and API suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL
// names a server (.ci/run starts one). Each open() gives a fresh, migrated, empty database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type Connection } from '@/lib/db';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh database: its settings as environment variables, and a way to drop it. */
  create(): Promise<{ env: Record<string, string>; drop(): Promise<void> }>;
}

const sqlite: Backend = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'synack-db-'));
    return { env: { DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function postgres(url: string): Backend {
  return {
    name: 'postgres',
    async create() {
      const name = `synack_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      const dir = mkdtempSync(path.join(tmpdir(), 'synack-pg-'));
      return {
        env: { DATABASE_URL: dbUrl.toString(), DATA_DIR: dir },
        async drop() {
          rmSync(dir, { recursive: true, force: true });
          const c = new pg.Client({ connectionString: url });
          await c.connect();
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await c.end();
        },
      };
    },
  };
}

export const BACKENDS: Backend[] = [sqlite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];

/** A fresh migrated connection on the backend, and a way to close and drop it. */
export async function openFresh(backend: Backend): Promise<{ conn: Connection; env: Record<string, string>; close(): Promise<void> }> {
  const made = await backend.create();
  const conn = await connect({ databaseUrl: made.env.DATABASE_URL, dataDir: made.env.DATA_DIR as string });
  return {
    conn,
    env: made.env,
    async close() {
      await conn.db.destroy().catch(() => undefined); // may be closed already
      await made.drop();
    },
  };
}
