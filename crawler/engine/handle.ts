import { BlockedError, ParseError } from '../../core/index.ts';
import type { CrawlRun } from './run.ts';
import type { FetchedPage, SiteAdapter } from './types.ts';

/** Engine fields kept in a Crawlee request's userData. */
export interface EngineUserData {
  /** Target key. */
  __target: string;
  [key: string]: unknown;
}

/** Blocks whose `blockedUntil` the site dictated (flood limits, Retry-After) rather than our backoff. */
export const siteTimedBlocks = new WeakSet<BlockedError>();

/** Fields of a quarantine row describing a fetched page. */
function quarantineOf(run: CrawlRun, page: FetchedPage, err: Error) {
  return {
    sourceId: run.source.id,
    url: page.url,
    reason: page.truncated ? `${err.message} (body cut at ${run.source.maxBodyBytes} bytes)` : err.message,
    errorKind: err.name,
    rawBody: page.text,
    contentType: page.contentType || null,
  };
}

/**
 * Run an adapter handler on a fetched page: block detection first (throws {@link BlockedError}), then the
 * labelled handler. A {@link ParseError} quarantines the page before propagating (Crawlee retries it; the
 * engine gives up after the retries and the target keeps its cursor).
 */
export async function handleFetchedPage(
  run: CrawlRun,
  adapter: SiteAdapter,
  label: string,
  page: FetchedPage,
  userData: EngineUserData,
  blockedUntil: Date,
): Promise<void> {
  const t = run.target(userData.__target);
  const block = adapter.detectBlock(page);
  if (block) {
    if (block.retryAfterMs === undefined) throw new BlockedError(block.message, block.signal, blockedUntil);
    const err = new BlockedError(
      block.message,
      block.signal,
      new Date(run.now().getTime() + block.retryAfterMs),
    );
    siteTimedBlocks.add(err);
    throw err;
  }
  const handler = adapter.handlers[label];
  try {
    if (!handler) throw new ParseError(`no handler for label ${label}`);
    await handler(page, run.call(t, { ...userData, __url: page.url }));
  } catch (err) {
    if (err instanceof ParseError) {
      run.quarantined++;
      await run.store.quarantine(quarantineOf(run, page, err));
    }
    throw err;
  }
}

/** Parse JSON or throw {@link ParseError} with the raw text. */
export function parseJson(page: FetchedPage): unknown {
  try {
    return JSON.parse(page.text) as unknown;
  } catch (err) {
    throw new ParseError(
      `invalid JSON from ${page.url}: ${(err as Error).message}`,
      page.text.slice(0, 2000),
      { cause: err },
    );
  }
}
