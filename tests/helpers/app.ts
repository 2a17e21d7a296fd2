import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, type FileConfig, loadConfig, Readiness, silentLogger } from '../../core/index.ts';
import { type RunningReplicas, startReplicas } from '../../crawler/index.ts';
import { type RoleName, type StartedRoles, startRoles } from '../../cli/roles.ts';
import { Shutdown } from '../../cli/shutdown.ts';
import { demoSources } from '../../cli/demo-sources.ts';
import { type DbKind, syncBrands, syncSources } from '../../store/index.ts';
import { createTestDb, type TestDb } from './db.ts';
import { testRedisUrl, uniquePrefix } from './redis.ts';

/** The whole service, wired as `koubei start` wires it, on a test database and Redis prefix. */
export interface TestApp {
  url: string;
  config: Config;
  db: TestDb;
  prefix: string;
  roles: StartedRoles;
  /** The replica sites (when `replicas` was asked for). */
  replicas?: RunningReplicas;
  /** Password of the `admin` user. */
  adminPassword: string;
  stop(): Promise<void>;
}

/** Options for {@link startTestApp}. */
export interface TestAppOptions {
  /** Database kind. Default `pglite`. */
  kind?: DbKind;
  /** Roles to start. Default api and worker (add `crawler` to crawl the replicas). */
  roles?: RoleName[];
  /** Start seeded replica sites and point the sources at them. Default false. */
  replicas?: boolean | { seed?: number; now?: Date };
  /** The dashboard build to serve. Default: the API's default (`dashboards/dist`). */
  dashboardDir?: string;
  /** Extra config file content (merged over the defaults). */
  file?: Partial<FileConfig> | Record<string, unknown>;
}

/**
 * Start the service in-process: a fresh database, a unique BullMQ prefix on the suite's Redis,
 * optionally the replicas, and the roles on an API listening on port 0.
 */
export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'koubei-app-'));
  const adminPassword = 'admin-password-for-tests';
  let replicas: RunningReplicas | undefined;
  if (opts.replicas) {
    const r = typeof opts.replicas === 'object' ? opts.replicas : {};
    replicas = await startReplicas({
      seed: r.seed ?? 7,
      postsPerMinute: 0,
      ...(r.now ? { now: r.now.getTime() } : {}),
    });
  }
  const config = loadConfig({
    env: { PORT: '0', KOUBEI_DATA_DIR: dataDir, KOUBEI_ADMIN_PASSWORD: adminPassword, NODE_ENV: 'test' },
    file: { ...(replicas ? { sources: demoSources(replicas.baseUrls) } : {}), ...opts.file },
  });
  const logger = silentLogger();
  const db = await createTestDb(opts.kind ?? 'pglite');
  // As the runtime does once the database is up (cli/runtime.ts).
  await syncBrands(db.db, config.brands);
  await syncSources(db.db, config.sources);
  const readiness = new Readiness();
  readiness.set('database', () => db.ping());
  const shutdown = new Shutdown(logger);
  const prefix = uniquePrefix('app');
  const roles = await startRoles(
    {
      config,
      logger,
      readiness,
      shutdown,
      redisUrl: testRedisUrl(),
      database: Promise.resolve(db),
      currentDb: () => db,
    },
    opts.roles ?? ['api', 'worker'],
    { prefix, port: 0, ...(opts.dashboardDir ? { dashboardDir: opts.dashboardDir } : {}) },
  );
  await roles.ready;
  return {
    url: roles.url ?? '',
    config,
    db,
    prefix,
    roles,
    ...(replicas ? { replicas } : {}),
    adminPassword,
    async stop() {
      await shutdown.run('test done');
      await replicas?.close();
      await db.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
