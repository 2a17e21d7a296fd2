import type { SourceConfig } from '../../../core/index.ts';
import { ParseError } from '../../../core/index.ts';
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
import { assertCompleteHtml, DESKTOP_UA, joinUrl } from '../common.ts';
import { parseBoardPage, parseLzlPage, parseSearchHits, parseThreadPage } from './parse.ts';

/**
 * Baidu Tieba, classic HTML: keyword search (newest first, threads and replies), forum thread lists
 * (`boards` are forum names), thread pages with floors and "IP属地" tails, and 楼中楼 replies.
 * Labels: TIEBA_SEARCH, TIEBA_BOARD, TIEBA_THREAD, TIEBA_LZL.
 */

const RESULTS_PER_PAGE = 20;

/** Search URL: newest first (`sm=1`), threads and replies (`only_thread=0`). */
export function tiebaSearchUrl(baseUrl: string, query: string, page: number): string {
  return joinUrl(
    baseUrl,
    `f/search/res?ie=utf-8&qw=${encodeURIComponent(query)}&rn=${RESULTS_PER_PAGE}&pn=${page}&sm=1&only_thread=0`,
  );
}

/** Forum thread list URL (`pn` is an offset in steps of 50). */
export function tiebaBoardUrl(baseUrl: string, forum: string, offset = 0): string {
  return joinUrl(baseUrl, `f?kw=${encodeURIComponent(forum)}&ie=utf-8&pn=${offset}`);
}

function threadRequest(source: SourceConfig, tid: string, page: number): CrawlRequest {
  return {
    url: joinUrl(source.baseUrl, `p/${tid}${page > 1 ? `?pn=${page}` : ''}`),
    label: 'TIEBA_THREAD',
    userData: { tid, page },
  };
}

function lzlRequest(source: SourceConfig, tid: string, pid: string, fid: string, page: number): CrawlRequest {
  return {
    url: joinUrl(source.baseUrl, `p/comment?tid=${tid}&pid=${pid}&fid=${fid}&pn=${page}`),
    label: 'TIEBA_LZL',
    userData: { tid, pid, fid, page },
  };
}

function expectMarkup(page: FetchedPage, marker: RegExp, what: string): void {
  assertCompleteHtml(page);
  if (!marker.test(page.text))
    throw new ParseError(`tieba: not a ${what} page (${page.url})`, page.text.slice(0, 2000));
}

async function search(page: FetchedPage, call: HandlerCall): Promise<void> {
  expectMarkup(page, /s_post_list|search_noresult/, 'search');
  const hits = parseSearchHits(page.text, call.now);
  const entries: ListEntry[] = hits.flatMap((h) => (h.at ? [{ id: h.id, at: h.at }] : []));
  const more = call.observe(entries);
  const follow = hits
    .filter((h) => !h.at || call.isFresh({ id: h.id, at: h.at }))
    .map((h) => threadRequest(call.source, h.tid, 1));
  const pageNo = Number(call.userData.page ?? 1);
  if (more && hits.length > 0)
    follow.push({
      url: tiebaSearchUrl(call.source.baseUrl, call.target.value, pageNo + 1),
      label: 'TIEBA_SEARCH',
      list: true,
      userData: { page: pageNo + 1 },
    });
  await call.enqueue(follow);
}

async function board(page: FetchedPage, call: HandlerCall): Promise<void> {
  expectMarkup(page, /thread_list|pagelet_html/, 'forum');
  const { threads, next } = parseBoardPage(page.text, page.url, call.now);
  const entries: ListEntry[] = threads.flatMap((t) =>
    t.at ? [{ id: `thread:${t.tid}`, at: t.at, pinned: t.pinned }] : [],
  );
  const more = call.observe(entries);
  const follow = threads
    .filter((t) => !t.at || call.isFresh({ id: `thread:${t.tid}`, at: t.at }))
    .map((t) => threadRequest(call.source, t.tid, 1));
  if (more && next) follow.push({ url: next, label: 'TIEBA_BOARD', list: true });
  await call.enqueue(follow);
}

async function thread(page: FetchedPage, call: HandlerCall): Promise<void> {
  expectMarkup(page, /j_l_post|core_title/, 'thread');
  const tid = String(call.userData.tid ?? '');
  const pageNo = Number(call.userData.page ?? 1);
  const { info, floors } = parseThreadPage(page.text, tid, call.source.baseUrl, call.now);
  const out: NormalizedMention[] = [];
  const follow: CrawlRequest[] = [];
  for (const f of floors) {
    if (!f.mention) {
      await call.reject(f.error ?? 'tieba: unparseable floor', f.raw);
      continue;
    }
    out.push(f.mention);
    if (call.followUps.comments && f.lzl > 0 && info.forumId)
      follow.push(lzlRequest(call.source, tid, f.pid, info.forumId, 1));
  }
  await call.emit(out);
  if (pageNo === 1) {
    // Later pages hold the newest floors: fetch the last ones within the per-thread budget.
    const first = Math.max(2, info.pages - call.followUps.maxThreadPages + 2);
    for (let p = first; p <= info.pages; p++) follow.push(threadRequest(call.source, tid, p));
  }
  await call.enqueue(follow);
}

async function lzl(page: FetchedPage, call: HandlerCall): Promise<void> {
  // A fragment without </html>: its pager item closes the list, so a cut body lacks it.
  if (!/lzl_li_pager/.test(page.text))
    throw new ParseError(`tieba: 楼中楼 page is cut off (${page.url})`, page.text.slice(-2000));
  const { tid, pid, fid } = call.userData as { tid: string; pid: string; fid: string };
  const pageNo = Number(call.userData.page ?? 1);
  const { replies, pages } = parseLzlPage(page.text, tid, pid, call.source.baseUrl, call.now);
  const out: NormalizedMention[] = [];
  for (const r of replies) {
    if (r.mention) out.push(r.mention);
    else await call.reject('tieba: 楼中楼 reply without an id or date', r.raw);
  }
  await call.emit(out);
  if (pageNo < pages && pageNo < call.followUps.maxCommentPages)
    await call.enqueue([lzlRequest(call.source, tid, pid, fid, pageNo + 1)]);
}

/** Tieba's blocks: a 302 to the wappass captcha, a 403 "百度安全验证" page, a bare "blocked" or empty body. */
export function detectTiebaBlock(page: FetchedPage): BlockSignal | null {
  if (/wappass\.baidu\.com/.test(page.loadedUrl))
    return { signal: 'wappass', message: 'tieba redirected to the wappass captcha' };
  if (page.status === 403 || /<title>\s*百度安全验证\s*<\/title>/.test(page.text))
    return { signal: 'security-403', message: 'tieba answered 百度安全验证' };
  const body = page.text.trim();
  if (page.status === 200 && (body === '' || body === 'blocked'))
    return { signal: 'blocked-body', message: `tieba answered ${body ? '"blocked"' : 'an empty body'}` };
  return null;
}

/** The Tieba adapter. */
export const tiebaAdapter: SiteAdapter = {
  kind: 'tieba',
  targetKinds: ['search', 'board'],
  start(source: SourceConfig, target: CrawlTarget) {
    if (target.kind === 'board')
      return [{ url: tiebaBoardUrl(source.baseUrl, target.value), label: 'TIEBA_BOARD', list: true }];
    return [
      {
        url: tiebaSearchUrl(source.baseUrl, target.value, 1),
        label: 'TIEBA_SEARCH',
        list: true,
        userData: { page: 1 },
      },
    ];
  },
  handlers: { TIEBA_SEARCH: search, TIEBA_BOARD: board, TIEBA_THREAD: thread, TIEBA_LZL: lzl },
  detectBlock: detectTiebaBlock,
  headers: () => ({
    'User-Agent': DESKTOP_UA,
    Accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
    'Accept-Language': 'zh-CN,zh;q=0.9',
  }),
};
