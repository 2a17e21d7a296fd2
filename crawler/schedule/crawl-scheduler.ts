import { Queue } from 'bullmq';
import {
  type Config,
  createRedisConnection,
  type Logger,
  NotFoundError,
  type SourceConfig,
  silentLogger,
} from '../../core/index.ts';
import { type Db, listSources } from '../../store/index.ts';
import { targetsOf } from '../engine/targets.ts';
import { redisHostRateLimiter } from '../net/host-rate-limit.ts';
import type { MentionSink } from '../engine/types.ts';
import { adapterFor } from '../sites/registry.ts';
import { CRAWL_QUEUE, type CrawlJobData, scheduleCrawls, schedulerId } from './scheduler.ts';
import { startCrawlWorker } from './worker.ts';

export { CRAWL_QUEUE, type CrawlJobData, schedulerId };

/** Options for {@link startCrawlScheduler}. */
export interface CrawlSchedulerOptions {
  config: Config;
  logger?: Logger;
  db: Db;
  redisUrl: string;
  /** Sources to schedule. Default `config.sources`. */
  sources?: SourceConfig[];
  /** Where crawled batches go (the pipeline's ingest queue). */
  sink: MentionSink;
  /** BullMQ key prefix. Default `koubei`. */
  prefix?: string;
  /** Run crawl jobs in this process. Default true (false: only keep the schedules). */
  work?: boolean;
}

/** A running scheduler (and crawl worker). */
export interface CrawlScheduler {
  /** Queue a crawl of every target of a source now. */
  trigger(sourceId: string): Promise<{ jobId: string }>;
  stop(): Promise<void>;
}

/** Sources whose kind has an adapter; the others are logged once and left alone. */
function crawlable(sources: SourceConfig[], logger: Logger): SourceConfig[] {
  return sources.filter((s) => {
    try {
      adapterFor(s);
      return true;
    } catch {
      logger.warn(
        { source: s.id, kind: s.kind },
        'no crawler adapter for this source kind yet; not scheduled',
      );
      return false;
    }
  });
}

/**
 * For the CLI: keep one BullMQ job scheduler per source and target ({@link scheduleCrawls}) and, unless
 * `work: false`, run the crawl worker ({@link startCrawlWorker}) in this process. A source disabled in
 * the database (from the API) is skipped.
 */
export async function startCrawlScheduler(opts: CrawlSchedulerOptions): Promise<CrawlScheduler> {
  const logger = opts.logger ?? silentLogger();
  const prefix = opts.prefix ?? 'koubei';
  const sources = crawlable(opts.sources ?? opts.config.sources, logger);
  const byId = new Map(sources.map((s) => [s.id, s]));
  const connection = createRedisConnection(opts.redisUrl, { name: 'koubei-crawl', logger });
  await scheduleCrawls({ connection, prefix, sources });
  const queue = new Queue<CrawlJobData>(CRAWL_QUEUE, { connection, prefix });
  queue.on('error', (err) => logger.warn({ err: err.message }, 'crawl queue error'));
  const workerConnection =
    opts.work === false
      ? undefined
      : createRedisConnection(opts.redisUrl, { name: 'koubei-crawl-worker', logger });
  const worker = workerConnection
    ? startCrawlWorker({
        connection: workerConnection,
        prefix,
        sources,
        sink: opts.sink,
        db: opts.db,
        concurrency: opts.config.queues.concurrency.crawl,
        isEnabled: async (id) => (await listSources(opts.db)).find((r) => r.id === id)?.enabled !== false,
        // Jobs in every process share each site's request rate through Redis.
        crawl: {
          chromiumPath: opts.config.env.CHROMIUM_PATH,
          hostRateLimiter: redisHostRateLimiter(connection, prefix),
        },
        logger,
      })
    : undefined;
  return {
    async trigger(sourceId) {
      const source = byId.get(sourceId);
      if (!source) throw new NotFoundError(`No crawlable source ${sourceId}`);
      const stamp = Date.now();
      const jobs = await queue.addBulk(
        targetsOf(source).map((t) => ({
          name: 'crawl',
          data: { sourceId, target: t.key },
          opts: { jobId: `manual-${schedulerId(sourceId, t.key)}-${stamp}`, removeOnComplete: 100 },
        })),
      );
      return { jobId: jobs[0]?.id ?? '' };
    },
    async stop() {
      await worker?.close();
      await queue.close();
      connection.disconnect();
      workerConnection?.disconnect();
    },
  };
}
