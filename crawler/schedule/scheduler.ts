import { type ConnectionOptions, Queue } from 'bullmq';
import type { SourceConfig } from '../../core/index.ts';
import { targetsOf } from '../engine/targets.ts';

/** The crawl queue's name. */
export const CRAWL_QUEUE = 'crawl';

/** What a scheduled crawl job carries: the source and one target (cursor key). Never secrets. */
export interface CrawlJobData {
  sourceId: string;
  /** Target cursor key (`联通`, `board:12`, …). */
  target: string;
}

/** Job scheduler id of (source, target). Ids may not contain ':' and targets are free text: encode them. */
export function schedulerId(sourceId: string, target: string): string {
  return `crawl-${sourceId}-${Buffer.from(target, 'utf8').toString('base64url')}`;
}

/** Options for {@link scheduleCrawls}. */
export interface ScheduleCrawlsOptions {
  /** Redis connection (ioredis instance or options) for BullMQ. */
  connection: ConnectionOptions;
  /** BullMQ key prefix. Default `koubei`. */
  prefix?: string;
  /** The configured sources; disabled ones lose their schedulers. */
  sources: SourceConfig[];
}

/** What changed. */
export interface ScheduleResult {
  /** Scheduler ids created or updated. */
  upserted: string[];
  /** Scheduler ids removed (sources removed or disabled, targets dropped). */
  removed: string[];
}

/**
 * One BullMQ job scheduler per enabled source and target, repeating every `intervalSeconds`; schedulers
 * of removed or disabled sources (and dropped targets) are removed. Idempotent: run it at every start.
 */
export async function scheduleCrawls(opts: ScheduleCrawlsOptions): Promise<ScheduleResult> {
  const queue = new Queue<CrawlJobData>(CRAWL_QUEUE, {
    connection: opts.connection,
    prefix: opts.prefix ?? 'koubei',
  });
  queue.on('error', () => {}); // the calls below reject with the same error
  try {
    const wanted = new Map<string, { source: SourceConfig; target: string }>();
    for (const source of opts.sources.filter((s) => s.enabled)) {
      for (const t of targetsOf(source)) wanted.set(schedulerId(source.id, t.key), { source, target: t.key });
    }
    const upserted: string[] = [];
    for (const [id, { source, target }] of wanted) {
      await queue.upsertJobScheduler(
        id,
        { every: source.intervalSeconds * 1000 },
        {
          name: 'crawl',
          data: { sourceId: source.id, target },
          opts: { removeOnComplete: 100, removeOnFail: 500 },
        },
      );
      upserted.push(id);
    }
    const removed: string[] = [];
    for (const s of await queue.getJobSchedulers(0, -1)) {
      const id = s.id ?? s.key;
      if (id.startsWith('crawl-') && !wanted.has(id)) {
        await queue.removeJobScheduler(id);
        removed.push(id);
      }
    }
    return { upserted, removed };
  } finally {
    await queue.close();
  }
}
