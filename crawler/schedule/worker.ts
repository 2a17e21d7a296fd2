import { type ConnectionOptions, type Job, Worker } from 'bullmq';
import { type Logger, type SourceConfig, silentLogger } from '../../core/index.ts';
import type { Db } from '../../store/index.ts';
import { type CrawlResult, type CrawlSourceOptions, crawlSource } from '../engine/crawl-source.ts';
import type { MentionSink } from '../engine/types.ts';
import { CRAWL_QUEUE, type CrawlJobData } from './scheduler.ts';

/** Options for {@link startCrawlWorker}. */
export interface CrawlWorkerOptions {
  /** Redis connection for BullMQ (a Worker needs `maxRetriesPerRequest: null`). */
  connection: ConnectionOptions;
  /** BullMQ key prefix. Default `koubei`. */
  prefix?: string;
  /** Current sources, looked up by id for every job (a removed source's stale job is skipped). */
  sources: SourceConfig[] | (() => SourceConfig[]);
  /** Receives the mentions (the pipeline's ingest queue, or `storeSink(db)`). */
  sink: MentionSink;
  /** Database for cursors, health and quarantine. Default: none (in-memory state per job). */
  db?: Db;
  /** Parallel crawl jobs. Default 2 (`config.queues.concurrency.crawl`). */
  concurrency?: number;
  /** Whether a source is enabled right now (e.g. the sources table, toggled from the API). Default: always. */
  isEnabled?: (sourceId: string) => Promise<boolean>;
  /** Extra crawl options (clock, retries, chromiumPath…). Default none. */
  crawl?: Partial<Omit<CrawlSourceOptions, 'source' | 'sink' | 'db' | 'targets'>>;
  /** Logger. Default silent. */
  logger?: Logger;
}

/** The outcome stored as the job's return value. */
export type CrawlJobResult = Pick<
  CrawlResult,
  'sourceId' | 'status' | 'items' | 'pages' | 'quarantined' | 'blockSignal'
> & { target: string };

/** A BullMQ worker that runs {@link crawlSource} for each scheduled (source, target) job. */
export function startCrawlWorker(opts: CrawlWorkerOptions): Worker<CrawlJobData, CrawlJobResult> {
  const logger = opts.logger ?? silentLogger();
  const lookup = () => (typeof opts.sources === 'function' ? opts.sources() : opts.sources);
  const processor = async (job: Job<CrawlJobData>): Promise<CrawlJobResult> => {
    const { sourceId, target } = job.data;
    const source = lookup().find((s) => s.id === sourceId);
    if (!source?.enabled || (opts.isEnabled && !(await opts.isEnabled(sourceId)))) {
      logger.info({ sourceId, target }, 'crawl job for a removed or disabled source skipped');
      return { sourceId, target, status: 'skipped', items: 0, pages: 0, quarantined: 0, blockSignal: null };
    }
    const res = await crawlSource({
      ...opts.crawl,
      source,
      sink: opts.sink,
      targets: [target],
      logger,
      ...(opts.db ? { db: opts.db } : {}),
    });
    return {
      sourceId,
      target,
      status: res.status,
      items: res.items,
      pages: res.pages,
      quarantined: res.quarantined,
      blockSignal: res.blockSignal,
    };
  };
  const worker = new Worker<CrawlJobData, CrawlJobResult>(CRAWL_QUEUE, processor, {
    connection: opts.connection,
    prefix: opts.prefix ?? 'koubei',
    concurrency: opts.concurrency ?? 2,
  });
  worker.on('error', (err) => logger.warn({ err: err.message }, 'crawl worker error'));
  worker.on('failed', (job, err) =>
    logger.warn({ sourceId: job?.data.sourceId, err: err.message }, 'crawl job failed'),
  );
  return worker;
}
