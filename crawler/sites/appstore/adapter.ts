import type { SourceConfig } from '../../../core/index.ts';
import { NotFoundError, ParseError } from '../../../core/index.ts';
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
import { DESKTOP_UA, joinUrl, jsonOf } from '../common.ts';
import { lastPage, reviewEntries, reviewKey, reviewMention } from './parse.ts';

/**
 * Apple App Store customer reviews (sources.md §7): the legacy JSON feed, newest first, up to 10 pages
 * of ~50 reviews per app. Label: APPSTORE_REVIEWS.
 */

/** Storefront country code (China). */
export const APPSTORE_COUNTRY = 'cn';
/** Apple serves at most this many review pages per app. */
export const APPSTORE_MAX_PAGE = 10;

/** Review feed URL of one page of an app's reviews. */
export function appstoreReviewsUrl(
  baseUrl: string,
  appId: string,
  page: number,
  cc = APPSTORE_COUNTRY,
): string {
  return joinUrl(
    baseUrl,
    `${cc}/rss/customerreviews/page=${page}/id=${encodeURIComponent(appId)}/sortby=mostrecent/json`,
  );
}

function reviewsRequest(source: SourceConfig, appId: string, page: number): CrawlRequest {
  return {
    url: appstoreReviewsUrl(source.baseUrl, appId, page),
    label: 'APPSTORE_REVIEWS',
    list: true,
    userData: { page },
  };
}

async function toMention(call: HandlerCall, e: Record<string, unknown>): Promise<NormalizedMention[]> {
  try {
    return [reviewMention(e, call.now)];
  } catch (err) {
    await call.reject(`appstore: ${(err as Error).message}`, e);
    return [];
  }
}

async function reviews(page: FetchedPage, call: HandlerCall): Promise<void> {
  const pageNo = Number(call.userData.page ?? 1);
  if (page.status === 404)
    throw new NotFoundError(
      `appstore: app ${call.target.value} is not in the ${APPSTORE_COUNTRY} storefront (HTTP 404)`,
    );
  // Past Apple's page depth (HTTP 400): nothing more to read.
  if (page.status === 400) return void call.observe([]);
  const body = jsonOf(page);
  const entries = reviewEntries(body);
  if (!entries) throw new ParseError(`appstore: no feed object in ${page.url}`, page.text.slice(0, 2000));
  const keyed: ListEntry[] = [];
  for (const e of entries) {
    const key = reviewKey(e, call.now);
    if (key) keyed.push(key);
  }
  const more = call.observe(keyed);
  const out: NormalizedMention[] = [];
  for (const e of entries) {
    const key = reviewKey(e, call.now);
    if (key && !call.isFresh(key)) continue;
    out.push(...(await toMention(call, e)));
  }
  await call.emit(out);
  const last = Math.min(lastPage(body) ?? APPSTORE_MAX_PAGE, APPSTORE_MAX_PAGE);
  if (more && entries.length > 0 && pageNo < last)
    await call.enqueue([reviewsRequest(call.source, call.target.value, pageNo + 1)]);
}

/** Blocks: HTTP 403 and 429 (Apple rate limiting). */
export function detectAppstoreBlock(page: FetchedPage): BlockSignal | null {
  if (page.status === 403 || page.status === 429)
    return { signal: `http-${page.status}`, message: `app store answered HTTP ${page.status}` };
  return null;
}

/** The Apple App Store reviews adapter. */
export const appstoreAdapter: SiteAdapter = {
  kind: 'appstore',
  targetKinds: ['app'],
  start: (source: SourceConfig, target: CrawlTarget) => [reviewsRequest(source, target.value, 1)],
  handlers: { APPSTORE_REVIEWS: reviews },
  detectBlock: detectAppstoreBlock,
  headers: () => ({ 'User-Agent': DESKTOP_UA, Accept: 'application/json, text/javascript, */*;q=0.5' }),
};
