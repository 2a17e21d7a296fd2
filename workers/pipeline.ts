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
  /**
   * Also called with the new effective configuration when admins' settings change, so the rest of a
   * process that runs the pipeline (the case service) follows the pipeline's watcher instead of
   * polling the settings a second time. Default none.
   */
  onSettings?: (config: Config) => void;
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

/** Closers of what start-up opened, run in reverse order by `stop` or by a failed start. */
type Closers = (() => Promise<unknown>)[];

/** Run every closer, newest first, even when one fails; the first failure is thrown at the end. */
async function closeAll(closers: Closers): Promise<void> {
  let failure: unknown;
  for (const close of [...closers].reverse()) {
    try {
      await close();
    } catch (err) {
      failure ??= err;
    }
  }
  if (failure) throw failure;
}

/** The shared state of the stages; opens the analyzer when the pipeline owns one. */
async function stageContext(
  opts: PipelineOptions,
  config: Config,
  queues: Queues,
  ownAnalyzer: boolean,
): Promise<StageContext> {
  const piiSalt = opts.piiSalt ?? corePiiSalt(config);
  return {
    config,
    logger: opts.logger,
    db: opts.db,
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
}

/** Whether the pipeline owns its analyzer, and a brand change's swap in progress (closing waits for it). */
interface AnalyzerSwap {
  owned: boolean;
  current: Promise<void>;
}

/** Start the rollup flusher, the role workers and the settings watcher; each pushes its closer. */
async function runRoles(
  ctx: StageContext,
  opts: PipelineOptions,
  roles: QueueName[],
  swapping: AnalyzerSwap,
  closers: Closers,
): Promise<void> {
  const { db, logger, queues } = ctx;
  if (roles.includes('analyze')) {
    const rollups = startRollupFlusher({ db, redis: queues.redis, prefix: queues.prefix, logger });
    closers.push(() => rollups.stop());
  }
  const running = roles.map((r) => startWorker(ctx, opts, r));
  closers.push(async () => {
    await Promise.all(running.map((r) => r.worker.close()));
    await Promise.all(running.map((r) => r.connection.quit().catch(() => r.connection.disconnect())));
  });
  const settings = watchSettings({
    db,
    base: opts.config,
    logger,
    ...(opts.settingsIntervalMs ? { intervalMs: opts.settingsIntervalMs } : {}),
    apply: (next) => {
      opts.onSettings?.(next);
      const swap = applySettings(ctx, next, swapping.owned);
      if (!swap) return;
      swapping.current = swap
        .catch((err) => logger.error({ err }, 'could not load the analyzer for the new brands'))
        .then(() => {});
    },
  });
  // Closed in reverse: settings stop first, then the workers drain, then the flusher stops.
  closers.push(() => settings.stop());
  await Promise.all(running.map((r) => r.worker.waitUntilReady()));
}

/**
 * Start BullMQ workers for the given roles on one Redis and database. A start that fails part-way
 * (Redis or the database gone) closes what it had opened, so no thread or connection is left behind.
 */
export async function startPipeline(opts: PipelineOptions): Promise<Pipeline> {
  const { logger, db } = opts;
  const config = await effectiveConfig(db, opts.config, logger);
  const queues = createQueues({
    redisUrl: opts.redisUrl,
    prefix: opts.prefix ?? 'koubei',
    queuesConfig: config.queues,
    batchSize: opts.batchSize ?? 250,
    logger,
  });
  const closers: Closers = [() => queues.close()];
  const roles = QUEUE_NAMES.filter((r) => (opts.roles ?? QUEUE_NAMES).includes(r));
  const ownAnalyzer = !opts.analyzer && !opts.batchAnalyzer && roles.includes('analyze');
  const swapping: AnalyzerSwap = { owned: ownAnalyzer, current: Promise.resolve() };
  try {
    const ctx = await stageContext(opts, config, queues, ownAnalyzer);
    if (ownAnalyzer)
      closers.push(async () => {
        await swapping.current;
        await ctx.analyzer.close();
      });
    if (roles.includes('sla') && opts.reconcileTimers !== false) {
      const added = await reconcileSlaTimers(db, queues, config.sla);
      if (added) logger.info({ added }, 'SLA timers restored from the database');
    }
    await runRoles(ctx, opts, roles, swapping, closers);
  } catch (err) {
    await closeAll(closers).catch((e) => logger.warn({ err: e }, 'cleanup after a failed start failed'));
    throw err;
  }
  logger.info({ roles, prefix: queues.prefix }, 'pipeline workers started');
  let stopping: Promise<void> | undefined;
  return {
    queues,
    stop() {
      stopping ??= closeAll(closers).then(() => logger.info('pipeline workers stopped'));
      return stopping;
    },
  };
}
