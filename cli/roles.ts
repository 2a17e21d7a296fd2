import { type ApiDeps, startApiServer } from '../api/index.ts';
import { type Config, type Logger, TransientError } from '../core/index.ts';
import { type RunningReplicas, runDemoReplicas, startCrawlScheduler } from '../crawler/index.ts';
import {
  createCaseService,
  createQueues,
  effectiveConfig,
  startPipeline,
  watchSettings,
} from '../workers/index.ts';
import { demoSources } from './demo-sources.ts';
import { banner, ensureFirstAdmin } from './first-run.ts';
import type { Runtime } from './runtime.ts';

/** A process role: `api`, `worker`, `crawler` or `demo`. */
export type RoleName = 'api' | 'worker' | 'crawler' | 'demo';

/** Options for {@link startRoles}. */
export interface StartRolesOptions {
  /** BullMQ key prefix. Default `koubei`. */
  prefix?: string;
  /** Where to print the banner. Default: nowhere. */
  out?: NodeJS.WritableStream;
  /** API port override (tests pass 0). Default `config.env.PORT`. */
  port?: number;
  /** The built dashboard to serve at `/`. Default `dashboards/dist`. */
  dashboardDir?: string;
}

/** What the started roles expose (the test harness uses it). */
export interface StartedRoles {
  /** API base URL, when the api role runs. */
  url?: string;
  /** The API's dependencies; filled in as the database becomes ready. */
  deps: ApiDeps;
  /** Resolves once every role is up (database connected, workers and crawler started). */
  ready: Promise<void>;
}

/**
 * Demo mode: start the replica sites with the live generator and point the sources at them.
 * Returns the config to use from then on (with the demo sources).
 */
export async function startDemo(config: Config, logger: Logger, onStop: (fn: () => Promise<void>) => void) {
  const replicas: RunningReplicas = await runDemoReplicas({
    seed: config.demo.seed,
    postsPerMinute: config.demo.postsPerMinute,
    logger,
  });
  onStop(() => replicas.close());
  return { replicas, config: { ...config, sources: demoSources(replicas.baseUrls) } };
}

/**
 * Start the roles on a runtime. The API listens at once (health answers while the database
 * connects); the case service, workers and crawler start when the database is ready.
 */
export async function startRoles(
  rt: Runtime,
  roles: RoleName[],
  opts: StartRolesOptions = {},
): Promise<StartedRoles> {
  const { config, logger } = rt;
  const prefix = opts.prefix ?? 'koubei';
  const queues = createQueues({ redisUrl: rt.redisUrl, prefix, queuesConfig: config.queues, logger });
  rt.shutdown.add('queues', () => queues.close());
  const deps: ApiDeps = {
    config,
    logger,
    readiness: rt.readiness,
    queues,
    ...(opts.dashboardDir ? { dashboardDir: opts.dashboardDir } : {}),
    db: () => {
      const h = rt.currentDb();
      if (!h) throw new TransientError('The database is not available yet');
      return h.db;
    },
  };
  let url: string | undefined;
  if (roles.includes('api')) {
    const server = await startApiServer(deps, opts.port === undefined ? {} : { port: opts.port });
    rt.shutdown.add('api-server', () => server.close());
    url = server.url;
    logger.info({ url }, 'api listening');
  }
  const ready = rt.database.then(async (handle) => {
    // The case service follows admins' settings changes (SLA policy, routing) like the pipeline.
    const caseDeps = {
      config: await effectiveConfig(handle.db, config, logger),
      logger,
      db: handle.db,
      queues,
    };
    const follow = (next: typeof config) => {
      caseDeps.config = next;
    };
    deps.cases = createCaseService(caseDeps);
    if (roles.includes('worker')) {
      // The pipeline watches the settings already; one poller per process is enough.
      const pipeline = await startPipeline({
        config,
        logger,
        db: handle.db,
        redisUrl: rt.redisUrl,
        prefix,
        onSettings: follow,
      });
      rt.shutdown.add('pipeline', () => pipeline.stop());
    } else {
      const settings = watchSettings({ db: handle.db, base: config, logger, apply: follow });
      rt.shutdown.add('settings-watch', () => settings.stop());
    }
    if (roles.includes('crawler')) {
      const sink = async (batch: Parameters<typeof queues.enqueueMentions>[0]) => {
        await queues.enqueueMentions(batch);
      };
      const crawler = await startCrawlScheduler({
        config,
        logger,
        db: handle.db,
        redisUrl: rt.redisUrl,
        prefix,
        sink,
      });
      rt.shutdown.add('crawler', () => crawler.stop());
      deps.triggerCrawl = (sourceId) => crawler.trigger(sourceId);
    }
    if (roles.includes('api')) {
      const login = await ensureFirstAdmin(handle.db, config);
      if (url && opts.out)
        opts.out.write(`${banner(url, login, Boolean(config.env.KOUBEI_ADMIN_PASSWORD))}\n`);
    }
  });
  return { ...(url ? { url } : {}), deps, ready };
}
