import { type Config, demoEnabled, type Logger, ValidationError } from '../../core/index.ts';
import { runBackfill } from '../../crawler/index.ts';
import { createQueues } from '../../workers/index.ts';
import { startDemo } from '../roles.ts';
import { createRuntime } from '../runtime.ts';

/** Options of `koubei crawl`. */
export interface CrawlCommandOptions {
  /** Configured source id, e.g. `weibo-main` (`demo-weibo` … in demo mode). */
  source: string;
  /** Keyword, or `board:…`, `app:…`, `feed:…` target. */
  query: string;
  /** ISO date or date-time: page back to this time. */
  since: string;
  /** Most list pages. Default 1000. */
  maxPages?: string;
}

function parseSince(since: string): Date {
  const d = new Date(since);
  if (Number.isNaN(d.getTime()))
    throw new ValidationError(
      `--since "${since}" is not a date; use e.g. 2026-12-01 or 2026-12-01T08:00:00+08:00`,
    );
  return d;
}

/**
 * One-off backfill: crawl one source and query back to `--since`, with a progress bar on a terminal.
 * The mentions go to the ingest queue, so running workers analyze and route them as usual.
 * With no sources configured, the demo replicas are started and `demo-*` sources crawl them.
 */
export async function crawlCommand(base: Config, logger: Logger, opts: CrawlCommandOptions): Promise<void> {
  const since = parseSince(opts.since);
  const maxPages = opts.maxPages === undefined ? 1000 : Number(opts.maxPages);
  if (!Number.isInteger(maxPages) || maxPages < 1)
    throw new ValidationError('--max-pages must be a positive integer');
  const demoStops: (() => Promise<void>)[] = [];
  const config = demoEnabled(base)
    ? (await startDemo(base, logger, (fn) => demoStops.push(fn))).config
    : base;
  const source = config.sources.find((s) => s.id === opts.source);
  if (!source) {
    await Promise.all(demoStops.map((stop) => stop()));
    const known = config.sources.map((s) => s.id).join(', ') || 'none';
    throw new ValidationError(`No source "${opts.source}" in the config. Configured sources: ${known}`);
  }
  const rt = await createRuntime({ config, logger });
  for (const stop of demoStops) rt.shutdown.add('demo-replicas', stop);
  const queues = createQueues({
    redisUrl: rt.redisUrl,
    prefix: 'koubei',
    queuesConfig: config.queues,
    logger,
  });
  rt.shutdown.add('queues', () => queues.close());
  try {
    const handle = await rt.database;
    const result = await runBackfill({
      source,
      query: opts.query,
      since,
      maxPages,
      db: handle.db,
      logger,
      chromiumPath: config.env.CHROMIUM_PATH,
      sink: async (batch) => {
        await queues.enqueueMentions(batch);
      },
    });
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await rt.shutdown.run('backfill finished');
  }
}
