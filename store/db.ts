import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type Logger, silentLogger, TransientError } from '../core/index.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The Drizzle database, the same type on PGlite and on a PostgreSQL server. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

/** An open database and how to close it. */
export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** The server URL (postgres only). */
  url?: string;
  /** Run `select 1`; throws {@link TransientError} when the database does not answer. */
  ping(): Promise<void>;
  /** True when every migration in `store/migrations` has been applied. */
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** PostgreSQL URL. Default: embedded PGlite. */
  url?: string;
  /** PGlite data directory, or `memory://` for an in-memory database. Required without `url`. */
  dataDir?: string;
  /** Pool size for node-postgres. Default 10. */
  poolSize?: number;
  /** Logger. Default silent. */
  logger?: Logger;
  /**
   * PGlite only: run `ANALYZE` this often (ms), standing in for the autovacuum daemon that embedded
   * PostgreSQL does not run, so the planner's statistics follow the data. 0 turns it off (tests,
   * one-shot commands). Default 0; the service passes 30 minutes.
   */
  analyzeEveryMs?: number;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

function journalEntryCount(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows?: Record<string, unknown>[] }).rows ?? [];
}

function makeHandle(db: Db, kind: DbKind, close: () => Promise<void>, url?: string): DbHandle {
  return {
    db,
    kind,
    ...(url ? { url } : {}),
    async ping() {
      try {
        await db.execute(sql`select 1`);
      } catch (err) {
        throw new TransientError(`database did not answer: ${(err as Error).message}`, { cause: err });
      }
    },
    async migrationsApplied() {
      try {
        const res = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
        return Number(rowsOf(res)[0]?.n ?? 0) >= journalEntryCount();
      } catch {
        return false;
      }
    },
    close,
  };
}

/**
 * Open PGlite (no URL) or a PostgreSQL server (URL). Both get the same schema, migrations and queries.
 * PGlite allows one process per data directory; scale out with a PostgreSQL server.
 */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<DbHandle> {
  const logger = opts.logger ?? silentLogger();
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // A dropped connection must not crash the process; the next query reconnects.
    pool.on('error', (err) => logger.warn({ err: err.message }, 'postgres pool error'));
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return makeHandle(
      db,
      'postgres',
      async () => {
        await pool.end();
      },
      opts.url,
    );
  }
  if (!opts.dataDir) throw new TypeError('openDatabase needs a url or a dataDir');
  if (!opts.dataDir.startsWith('memory://')) mkdirSync(opts.dataDir, { recursive: true });
  const client = await PGlite.create(opts.dataDir);
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const stopAnalyze = scheduleAnalyze(db, opts.analyzeEveryMs ?? 0, opts.logger);
  return makeHandle(db, 'pglite', async () => {
    await stopAnalyze();
    await client.close();
  });
}

/**
 * Without statistics the planner guesses (a word search on 60,000 mentions took 3× longer), and
 * PGlite has no autovacuum to gather them: refresh them on a timer. Each run takes the one
 * connection for about 1.6 s at 100,000 mentions (ANALYZE samples at most 30,000 rows a table).
 */
function scheduleAnalyze(db: Db, everyMs: number, logger?: Logger): () => Promise<void> {
  if (everyMs <= 0) return async () => {};
  let inflight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inflight) return;
    const started = Date.now();
    inflight = db
      .execute(sql`analyze`)
      .then(() => logger?.debug({ ms: Date.now() - started }, 'planner statistics refreshed'))
      .catch((err: unknown) => logger?.warn({ err: (err as Error).message }, 'analyze failed'))
      .finally(() => {
        inflight = null;
      });
  }, everyMs);
  timer.unref();
  // Closing waits for a running ANALYZE rather than cutting it off.
  return async () => {
    clearInterval(timer);
    await inflight;
  };
}

/**
 * Apply pending migrations. On a server, an advisory lock serialises concurrent starters
 * (N worker processes starting at once).
 */
export async function runMigrations(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], {
      migrationsFolder: MIGRATIONS_DIR,
    });
    return;
  }
  const lockClient = new pg.Client({ connectionString: handle.url });
  await lockClient.connect();
  try {
    await lockClient.query('select pg_advisory_lock(727274001)');
    await migratePg(handle.db as unknown as Parameters<typeof migratePg>[0], {
      migrationsFolder: MIGRATIONS_DIR,
    });
  } finally {
    await lockClient.query('select pg_advisory_unlock(727274001)').catch(() => {});
    await lockClient.end();
  }
}

/** Rows of a raw `db.execute` result, on either driver. */
export function resultRows<T = Record<string, unknown>>(result: unknown): T[] {
  return rowsOf(result) as T[];
}
