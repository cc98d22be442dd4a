// Opens the database the configuration names and brings its schema up to date. SQLite is a file
// under DATA_DIR (WAL, so readers never wait for the writer; a busy timeout, so a second process
// waits instead of failing); PostgreSQL is a pool on DATABASE_URL.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import pg from 'pg';
import { migrationsFor } from './migrations';
import type { Database, Dialect } from './schema';

export interface Connection {
  db: Kysely<Database>;
  dialect: Dialect;
}

export interface ConnectOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

// bigint columns hold epoch milliseconds, well inside Number's exact range: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Kysely prepares every query anew, and preparing was the largest single cost of an answer's
 * SQLite work (a CPU profile of the bench): statements are kept by their SQL, which holds no
 * values. Safe to reuse: Kysely runs one query at a time on its one SQLite connection.
 */
function withStatementCache(file: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new LRUCache<string, SqliteDatabase.Statement>({ max: 500 });
  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) statements.set(text, (statement = file.prepare(text)));
    return statement;
  };
  return { prepare, close: () => file.close() };
}

function openSqlite(dataDir: string): Kysely<Database> {
  mkdirSync(dataDir, { recursive: true });
  const file = new SqliteDatabase(path.join(dataDir, 'synack.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  file.pragma('foreign_keys = ON');
  file.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator, a proxy's idle timeout) or
  // the network breaks is reported as an 'error' event on the pool, and an event nobody listens to is thrown: the whole
  // server would exit. The pool has already dropped that connection; the next query opens another.
  pool.on('error', (e) => console.error(`idle PostgreSQL connection lost: ${e.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

class InCodeMigrations implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** Runs every migration not yet applied. Kysely takes a lock, so two instances starting at once are safe. */
export async function migrate(conn: Connection): Promise<void> {
  const migrator = new Migrator({ db: conn.db, provider: new InCodeMigrations(migrationsFor(conn.dialect)) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Opens and migrates. Call once per process (lib/db/index.ts does, lazily). */
export async function connect(options: ConnectOptions): Promise<Connection> {
  const conn: Connection = options.databaseUrl
    ? { db: openPostgres(options.databaseUrl), dialect: 'postgres' }
    : { db: openSqlite(options.dataDir), dialect: 'sqlite' };
  await migrate(conn);
  return conn;
}
