import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type Config,
  createRedisConnection,
  type DirLock,
  type Logger,
  lockDataDir,
  Readiness,
  startPrivateRedis,
} from '../core/index.ts';
import { type DbHandle, openDatabase, runMigrations, syncBrands, syncSources } from '../store/index.ts';
import { Shutdown } from './shutdown.ts';

/** Everything a role needs, built once per process. */
export interface Runtime {
  config: Config;
  logger: Logger;
  readiness: Readiness;
  shutdown: Shutdown;
  redisUrl: string;
  /** Resolves once the database is reachable and migrated (retried with backoff until then). */
  database: Promise<DbHandle>;
  /** The database if it is ready now; otherwise undefined. */
  currentDb(): DbHandle | undefined;
}

/** Options for {@link createRuntime}. */
export interface RuntimeOptions {
  config: Config;
  logger: Logger;
  /** Install SIGINT/SIGTERM handlers. Default true. */
  handleSignals?: boolean;
}

/** Exponential backoff capped at 30 s, for reconnect loops. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.min(attempt, 6));
}

/** We need the directory lock whenever something local lives in the data directory. */
function needsLock(config: Config): boolean {
  return !config.env.DATABASE_URL || !config.env.REDIS_URL;
}

async function startRedis(
  rt: Pick<Runtime, 'config' | 'logger' | 'readiness' | 'shutdown'>,
): Promise<string> {
  let url = rt.config.env.REDIS_URL;
  if (!url) {
    const redis = await startPrivateRedis({ dir: join(rt.config.dataDir, 'redis'), logger: rt.logger });
    rt.shutdown.add('redis-server', () => redis.stop());
    url = redis.url;
  }
  const probe = createRedisConnection(url, {
    name: 'koubei-readiness',
    logger: rt.logger,
    maxRetriesPerRequest: 1,
  });
  rt.shutdown.add('redis-probe', async () => {
    probe.disconnect();
  });
  rt.readiness.set('redis', async () => {
    await probe.ping();
  });
  return url;
}

/** How often embedded PostgreSQL refreshes its planner statistics (a server's autovacuum does it there). */
const PGLITE_ANALYZE_MS = 30 * 60_000;

/**
 * Connect and migrate, retrying with backoff while the database is unreachable. `/readyz` reports
 * the last error meanwhile; the process never crashes in a loop.
 */
async function connectDatabase(rt: Pick<Runtime, 'config' | 'logger' | 'readiness'>, stopped: () => boolean) {
  const { config, logger, readiness } = rt;
  readiness.pending('database', 'connecting');
  for (let attempt = 0; ; attempt++) {
    let handle: DbHandle | undefined;
    try {
      handle = await openDatabase({
        ...(config.env.DATABASE_URL
          ? { url: config.env.DATABASE_URL }
          : { dataDir: join(config.dataDir, 'pglite'), analyzeEveryMs: PGLITE_ANALYZE_MS }),
        logger,
      });
      await handle.ping();
      await runMigrations(handle);
      await syncBrands(handle.db, config.brands);
      await syncSources(handle.db, config.sources);
      const h = handle;
      readiness.set('database', () => h.ping());
      readiness.set('migrations', async () => {
        if (!(await h.migrationsApplied())) throw new Error('migrations are not applied');
      });
      logger.info({ kind: h.kind }, 'database ready');
      return h;
    } catch (err) {
      await handle?.close().catch(() => {});
      const message = (err as Error).message;
      readiness.pending('database', `unreachable: ${message}`);
      const wait = backoffMs(attempt);
      logger.warn({ err: message, retryInMs: wait }, 'database not ready; retrying');
      if (stopped()) throw err;
      await sleep(wait);
      if (stopped()) throw err;
    }
  }
}

/**
 * Build the shared runtime: data-directory lock, Redis (private or external) and the database
 * (connected in the background with retries). Roles start on top of it.
 */
export async function createRuntime(opts: RuntimeOptions): Promise<Runtime> {
  const { config, logger } = opts;
  const readiness = new Readiness();
  const shutdown = new Shutdown(logger);
  if (opts.handleSignals !== false) shutdown.installSignalHandlers();
  let lock: DirLock | undefined;
  if (needsLock(config)) {
    lock = lockDataDir(config.dataDir);
    const held = lock;
    shutdown.add('data-dir-lock', async () => held.release());
  }
  const redisUrl = await startRedis({ config, logger, readiness, shutdown });
  let current: DbHandle | undefined;
  const database = connectDatabase({ config, logger, readiness }, () => shutdown.stopping).then((h) => {
    current = h;
    shutdown.add('database', () => h.close());
    return h;
  });
  // A rejected promise here only means we were stopped while connecting.
  database.catch(() => {});
  return { config, logger, readiness, shutdown, redisUrl, database, currentDb: () => current };
}
