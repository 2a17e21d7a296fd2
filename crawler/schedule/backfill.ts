import { SingleBar } from 'cli-progress';
import type { Logger, SourceConfig } from '../../core/index.ts';
import type { Db } from '../../store/index.ts';
import { type CrawlProgress, type CrawlResult, crawlSource } from '../engine/crawl-source.ts';
import type { MentionSink } from '../engine/types.ts';
import { storeSink } from '../sinks.ts';

/** Options for {@link runBackfill}. */
export interface BackfillOptions {
  source: SourceConfig;
  /** Target cursor key: a keyword, or `board:…`, `app:…`, `feed:…`. */
  query: string;
  /** Page back to this time (ignores the cursor; the cursor still advances if newer items are found). */
  since: Date;
  /** Database (cursors, health; and the default sink). */
  db?: Db;
  /** Where mentions go. Default: `storeSink(db)` (requires `db`). */
  sink?: MentionSink;
  /** List pages at most. Default 1000. */
  maxPages?: number;
  /** Progress callback. Default: a cli-progress bar on stderr when it is a TTY, else none. */
  onProgress?: (p: CrawlProgress) => void;
  /** Stream for the default progress bar. Default `process.stderr`. */
  stream?: NodeJS.WriteStream;
  /** Chromium binary for browser sources. Default `/usr/bin/chromium`. */
  chromiumPath?: string;
  /** Clock. Default: the system clock. */
  now?: () => Date;
  logger?: Logger;
}

/** A cli-progress bar fed by crawl progress (pages fetched of pages known so far). */
function progressBar(stream: NodeJS.WriteStream): { onProgress: (p: CrawlProgress) => void; stop(): void } {
  const bar = new SingleBar({
    stream,
    format: 'backfill {bar} {value}/{total} pages | {items} mentions',
    hideCursor: true,
    clearOnComplete: false,
  });
  bar.start(1, 0, { items: 0 });
  return {
    onProgress: (p) => {
      bar.setTotal(Math.max(1, p.pages + p.pending));
      bar.update(p.pages, { items: p.items });
    },
    stop: () => bar.stop(),
  };
}

/**
 * `koubei crawl --source X --query Y --since …`: crawl one target back to `since`, with progress on a
 * terminal. Returns the crawl result.
 */
export async function runBackfill(opts: BackfillOptions): Promise<CrawlResult> {
  const sink = opts.sink ?? (opts.db ? storeSink(opts.db) : null);
  if (!sink) throw new TypeError('runBackfill needs a sink or a db');
  const stream = opts.stream ?? process.stderr;
  const bar = !opts.onProgress && stream.isTTY ? progressBar(stream) : null;
  try {
    return await crawlSource({
      source: opts.source,
      sink,
      targets: [opts.query],
      since: opts.since,
      maxPages: opts.maxPages ?? 1000,
      ...(opts.db ? { db: opts.db } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      ...(opts.logger ? { logger: opts.logger } : {}),
      ...(opts.chromiumPath ? { chromiumPath: opts.chromiumPath } : {}),
      ...((opts.onProgress ?? bar?.onProgress) ? { onProgress: opts.onProgress ?? bar?.onProgress } : {}),
    });
  } finally {
    bar?.stop();
  }
}
