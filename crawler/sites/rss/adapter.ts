import type { SourceConfig } from '../../../core/index.ts';
import { NotFoundError } from '../../../core/index.ts';
import type {
  BlockSignal,
  CrawlRequest,
  CrawlTarget,
  FetchedPage,
  HandlerCall,
  ListEntry,
  SiteAdapter,
} from '../../engine/types.ts';
import type { NormalizedMention } from '../../types.ts';
import { DESKTOP_UA, joinUrl } from '../common.ts';
import { type FeedItem, feedMention, itemDate, parseFeed } from './parse.ts';

/**
 * Generic RSS 2.0 / RSS 1.0 / Atom feeds (sources.md §8). One request per feed target (feeds have no
 * paging: only the latest N items); items older than the cursor are skipped. The body charset (GBK in
 * the XML prolog) is decoded by the engine. Label: RSS_FEED.
 */

/** Feed URL of a target: an absolute URL as is, otherwise a path below the source's base URL. */
export function feedUrl(source: SourceConfig, value: string): string {
  return /^https?:\/\//i.test(value) ? value : joinUrl(source.baseUrl, value);
}

function feedRequest(source: SourceConfig, target: CrawlTarget): CrawlRequest {
  return { url: feedUrl(source, target.value), label: 'RSS_FEED', list: true };
}

async function feed(page: FetchedPage, call: HandlerCall): Promise<void> {
  if (page.status === 404 || page.status === 410)
    throw new NotFoundError(`rss: feed ${page.url} answered HTTP ${page.status}`);
  // Relative links resolve against where the feed was actually served (after redirects).
  const base = page.loadedUrl || page.url;
  const parsed = parseFeed(page.text, base);
  for (const bad of parsed.invalid) await call.reject(`rss: ${bad.reason}`, bad.xml);
  const dated: { item: FeedItem; at: Date }[] = [];
  for (const item of parsed.items) {
    const at = itemDate(item, call.now);
    if (at) dated.push({ item, at });
    else await call.reject(`rss: unreadable date "${item.date ?? ''}" in ${base}`, item.xml);
  }
  const entries: ListEntry[] = dated.map(({ item, at }) => ({ id: item.id, at }));
  // Records the newest item for the cursor; a feed has no next page to ask for.
  call.observe(entries);
  const out: NormalizedMention[] = [];
  for (const { item, at } of dated) {
    if (call.isFresh({ id: item.id, at }))
      out.push(feedMention(item, at, { url: base, title: parsed.title }));
  }
  await call.emit(out);
}

/** Blocks: HTTP 403 and 429 (feeds carry no other signal). */
export function detectRssBlock(page: FetchedPage): BlockSignal | null {
  if (page.status === 403 || page.status === 429)
    return { signal: `http-${page.status}`, message: `feed answered HTTP ${page.status}` };
  return null;
}

/** The RSS/Atom adapter. */
export const rssAdapter: SiteAdapter = {
  kind: 'rss',
  targetKinds: ['feed'],
  start: (source: SourceConfig, target: CrawlTarget) => [feedRequest(source, target)],
  handlers: { RSS_FEED: feed },
  detectBlock: detectRssBlock,
  headers: () => ({
    'User-Agent': DESKTOP_UA,
    Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
  }),
};
