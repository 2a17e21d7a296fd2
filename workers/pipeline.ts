import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { effectiveConfig, watchSettings } from './live-settings.ts';
import { type Config, createRedisConnection, type Logger, piiSalt as corePiiSalt } from '../core/index.ts';
import {
  type Analyzer,
  type BatchAnalyzer,
  createAnalyzer,
  createAnalyzerPool,
  inProcessBatchAnalyzer,
} from '../nlp/index.ts';
import type { Db } from '../store/index.ts';
import { processAnalyze } from './analyze.ts';
import { createClusterIndex } from './clusters.ts';
import type { StageContext } from './context.ts';
import { handleFailure } from './failures.ts';
import { processIngest } from './ingest.ts';
import { processNotify } from './notify-worker.ts';

import { createQueues, type Queues } from './queues.ts';
import { startRollupFlusher } from './rollups.ts';
import { processRoute } from './route.ts';
import { processSlaTimer } from './sla-worker.ts';
import { reconcileSlaTimers } from './sla-timers.ts';
import { type PipelineRole, QUEUE_NAMES, type QueueName } from './types.ts';

/** Options for {@link startPipeline}. */
export interface PipelineOptions {
  config: Config;
  logger: Logger;
  db: Db;
  redisUrl: string;
  /** BullMQ key prefix. Default `koubei`. */
  prefix?: string;
  /** An nlp analyzer to run on the event loop. Default: see `batchAnalyzer`. */
  analyzer?: Analyzer;
  /**
   * The analysis for the analyze stage, owned by the caller (not closed on stop). Default: with the
   * `analyze` role, `queues.analyzeThreads` worker threads for `config.brands` (or the event loop when
   * it is 0), replaced when an admin changes the brands and closed on stop.
   */
  batchAnalyzer?: BatchAnalyzer;
  /** Queues this process works on. Default: all five. */
  roles?: PipelineRole[];
  /** Salt for PII hashes. Default: `KOUBEI_PII_SALT`, else generated once in the data directory. */
  piiSalt?: string;
  /** Mentions per ingest job (for `queues.enqueueMentions`). Default 250. */
  batchSize?: number;
  /** Near-duplicate window in hours. Default 72. */
  clusterWindowHours?: number;
  /** How often admins' settings changes are picked up, in milliseconds. Default 5000. */
  settingsIntervalMs?: number;
  /** A job whose worker died is retried after this lock expires (ms). Default 30,000. */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for (ms). Default 30,000. */
  stalledIntervalMs?: number;
  /** Times a job may stall (its worker killed) before it dead-letters. Default 5. */
  maxStalledCount?: number;
  /** With the `sla` role, re-create missing SLA timers from the database at start. Default true. */
  reconcileTimers?: boolean;
}

/** A running pipeline. */
export interface Pipeline {
  queues: Queues;
  /** Stop taking jobs, let in-flight jobs finish, then close every connection. */
  stop(): Promise<void>;
}

type Processor = (ctx: StageContext, job: Job) => Promise<unknown>;

const PROCESSORS: Record<QueueName, Processor> = {
  ingest: processIngest as Processor,
  analyze: processAnalyze as Processor,
  route: processRoute as Processor,
  sla: processSlaTimer as Processor,
  notify: processNotify as Processor,
};

function startWorker(
  ctx: StageContext,
  opts: PipelineOptions,
  name: QueueName,
): { worker: Worker; connection: Redis } {
  const { config, logger } = ctx;
  const connection = createRedisConnection(opts.redisUrl, {
    name: `${ctx.queues.prefix}-${name}-worker`,
    logger,
  });
  const processor = PROCESSORS[name];
  const worker = new Worker(
    name,
    async (job, token) => {
      try {
        return await processor(ctx, job);
      } catch (err) {
        return handleFailure(err, job, token, config.queues.backoffMs);
      }
    },
    {
      connection,
      prefix: ctx.queues.prefix,
      concurrency: config.queues.concurrency[name],
      lockDuration: opts.lockDurationMs ?? 30_000,
      stalledInterval: opts.stalledIntervalMs ?? 30_000,
      maxStalledCount: opts.maxStalledCount ?? 5,
    },
  );
  worker.on('failed', (job, err) => {
    const final = err.name === 'UnrecoverableError' || (job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1);
    logger[final ? 'warn' : 'debug'](
      { queue: name, jobId: job?.id, err: err.message },
      final ? 'job dead-lettered' : 'job failed; will retry',
    );
  });
  worker.on('error', (err) => logger.warn({ queue: name, err: err.message }, 'worker error'));
  return { worker, connection };
}

/** The analyzer a pipeline owns: worker threads per `queues.analyzeThreads`, or the event loop. */
async function openAnalyzer(config: Config, piiSalt: string): Promise<BatchAnalyzer> {
  const threads = config.queues.analyzeThreads;
  const opts = { brands: config.brands, piiSalt };
  return threads > 0
    ? createAnalyzerPool({ ...opts, threads })
    : inProcessBatchAnalyzer(createAnalyzer(opts));
}

/** Stands in for the analyzer in a process without the analyze role. */
const NO_ANALYZER: BatchAnalyzer = {
  analyzeMany: () => Promise.reject(new Error('this process does not run the analyze role')),
  close: async () => {},
};

/**
 * Switch a running pipeline to new settings. A brand change needs a new analyzer when the pipeline
 * owns one: the new one loads beside the old, which finishes its batches before it closes.
 */
function applySettings(ctx: StageContext, next: Config, ownAnalyzer: boolean): Promise<void> | undefined {
  const brandsChanged = JSON.stringify(next.brands) !== JSON.stringify(ctx.config.brands);
  ctx.config = next;
  if (!brandsChanged) return undefined;
  ctx.ownBrands = new Set(next.brands.filter((b) => b.own).map((b) => b.name));
  if (!ownAnalyzer) return undefined;
  return openAnalyzer(next, ctx.piiSalt).then(async (fresh) => {
    const old = ctx.analyzer;
    ctx.analyzer = fresh;
    await old.close();
  });
}

/** Start BullMQ workers for the given roles on one Redis and database. */
export async function startPipeline(opts: PipelineOptions): Promise<Pipeline> {
  const { logger, db } = opts;
  const config = await effectiveConfig(db, opts.config, logger);
  const piiSalt = opts.piiSalt ?? corePiiSalt(config);
  const queues = createQueues({
    redisUrl: opts.redisUrl,
    prefix: opts.prefix ?? 'koubei',
    queuesConfig: config.queues,
    batchSize: opts.batchSize ?? 250,
    logger,
  });
  const roles = QUEUE_NAMES.filter((r) => (opts.roles ?? QUEUE_NAMES).includes(r));
  const ownAnalyzer = !opts.analyzer && !opts.batchAnalyzer && roles.includes('analyze');
  const ctx: StageContext = {
    config,
    logger,
    db,
    queues,
    piiSalt,
    analyzer:
      opts.batchAnalyzer ??
      (opts.analyzer ? inProcessBatchAnalyzer(opts.analyzer) : null) ??
      (ownAnalyzer ? await openAnalyzer(config, piiSalt) : NO_ANALYZER),
    clusters: createClusterIndex({
      redis: queues.redis,
      prefix: queues.prefix,
      windowHours: opts.clusterWindowHours ?? 72,
    }),
    ownBrands: new Set(config.brands.filter((b) => b.own).map((b) => b.name)),
  };
  if (roles.includes('sla') && opts.reconcileTimers !== false) {
    const added = await reconcileSlaTimers(db, queues, config.sla);
    if (added) logger.info({ added }, 'SLA timers restored from the database');
  }
  let swapping: Promise<void> = Promise.resolve();
  const settings = watchSettings({
    db,
    base: opts.config,
    logger,
    ...(opts.settingsIntervalMs ? { intervalMs: opts.settingsIntervalMs } : {}),
    apply: (next) => {
      const swap = applySettings(ctx, next, ownAnalyzer);
      if (!swap) return;
      swapping = swap
        .catch((err) => logger.error({ err }, 'could not load the analyzer for the new brands'))
        .then(() => {});
    },
  });
  const running = roles.map((r) => startWorker(ctx, opts, r));
  const rollups = roles.includes('analyze')
    ? startRollupFlusher({ db, redis: queues.redis, prefix: queues.prefix, logger })
    : null;
  await Promise.all(running.map((r) => r.worker.waitUntilReady()));
  logger.info({ roles, prefix: queues.prefix }, 'pipeline workers started');
  let stopping: Promise<void> | undefined;
  return {
    queues,
    stop() {
      stopping ??= (async () => {
        await settings.stop();
        await Promise.all(running.map((r) => r.worker.close()));
        await rollups?.stop();
        await swapping;
        if (ownAnalyzer) await ctx.analyzer.close();
        await Promise.all(running.map((r) => r.connection.quit().catch(() => r.connection.disconnect())));
        await queues.close();
        logger.info('pipeline workers stopped');
      })();
      return stopping;
    },
  };
}
