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
import { percentEncode } from '../../net/decode.ts';
import type { NormalizedMention } from '../../types.ts';
import { assertCompleteHtml, DESKTOP_UA, joinUrl } from '../common.ts';
import { messageText, parseSearchResults, parseThread, parseThreadList, threadKey } from './parse.ts';

/**
 * Generic Discuz! X forums (base URL and board fids from config), usually GBK: thread lists, the search
 * flow (a 302 to `searchid=`), thread pages with quoted blocks, and the `messagetext` notices (search flood
 * limit, login wall). Labels: DISCUZ_BOARD, DISCUZ_SEARCH, DISCUZ_THREAD.
 */

/** Forum thread list, newest reply first. */
export function discuzBoardUrl(baseUrl: string, fid: string, page = 1): string {
  return joinUrl(
    baseUrl,
    `forum.php?mod=forumdisplay&fid=${encodeURIComponent(fid)}&orderby=lastpost&page=${page}`,
  );
}

/** The search request; the keyword is encoded in the forum's charset (GBK unless `encoding` says otherwise). */
export function discuzSearchUrl(source: SourceConfig, query: string): string {
  return joinUrl(
    source.baseUrl,
    `search.php?mod=forum&srchtxt=${percentEncode(query, source.encoding ?? 'gbk')}&searchsubmit=yes`,
  );
}

function threadRequest(
  source: SourceConfig,
  tid: string,
  page: number,
  firstPid: string | null,
): CrawlRequest {
  return {
    url: joinUrl(source.baseUrl, `forum.php?mod=viewthread&tid=${tid}&extra=page%3D1&page=${page}`),
    label: 'DISCUZ_THREAD',
    userData: { tid, page, firstPid },
  };
}

function hostOf(source: SourceConfig): string {
  return new URL(source.baseUrl).host;
}

/** Notices that mean "nothing found" rather than an error or a block. */
const EMPTY_NOTICES = /没有找到匹配结果|不存在或已过期|没有输入搜索关键字/;

async function listPage(page: FetchedPage, call: HandlerCall, kind: 'board' | 'search'): Promise<void> {
  assertCompleteHtml(page);
  const notice = messageText(page.text);
  if (notice && EMPTY_NOTICES.test(notice)) return;
  if (notice)
    throw new ParseError(`discuz: unexpected notice "${notice}" (${page.url})`, page.text.slice(0, 2000));
  const parsed = kind === 'board' ? parseThreadList(page.text, page.loadedUrl, call.now) : null;
  const found =
    parsed ??
    (() => {
      const r = parseSearchResults(page.text, page.loadedUrl, call.now);
      return { threads: r.hits.map((h) => ({ ...h, pinned: false })), next: r.next };
    })();
  if (found.threads.length === 0 && !/threadlisttableid|threadlist|slst/.test(page.text)) {
    throw new ParseError(`discuz: no thread list in ${page.url}`, page.text.slice(0, 2000));
  }
  const host = hostOf(call.source);
  const entries: ListEntry[] = found.threads.flatMap((t) =>
    t.at ? [{ id: threadKey(host, t.tid), at: t.at, pinned: t.pinned }] : [],
  );
  const more = call.observe(entries);
  const follow = found.threads
    .filter((t) => !t.at || call.isFresh({ id: threadKey(host, t.tid), at: t.at }))
    .map((t) => threadRequest(call.source, t.tid, 1, null));
  const label = kind === 'board' ? 'DISCUZ_BOARD' : 'DISCUZ_SEARCH';
  if (more && found.next) follow.push({ url: found.next, label, list: true });
  await call.enqueue(follow);
}

async function thread(page: FetchedPage, call: HandlerCall): Promise<void> {
  assertCompleteHtml(page);
  const notice = messageText(page.text);
  if (notice)
    throw new ParseError(`discuz: thread notice "${notice}" (${page.url})`, page.text.slice(0, 2000));
  const tid = String(call.userData.tid ?? '');
  const pageNo = Number(call.userData.page ?? 1);
  const firstPid = typeof call.userData.firstPid === 'string' ? call.userData.firstPid : null;
  const parsed = parseThread(page.text, {
    host: hostOf(call.source),
    tid,
    page: pageNo,
    pageUrl: page.url,
    firstPid,
    now: call.now,
  });
  if (parsed.posts.length === 0)
    throw new ParseError(`discuz: no posts in thread ${tid}`, page.text.slice(0, 2000));
  const out: NormalizedMention[] = [];
  for (const p of parsed.posts) {
    if (p.mention) out.push(p.mention);
    else await call.reject(`discuz: post ${p.pid || '?'} without a date or body`, p.raw);
  }
  await call.emit(out);
  if (pageNo !== 1) return;
  const first = parsed.posts[0]?.pid ?? null;
  const from = Math.max(2, parsed.pages - call.followUps.maxThreadPages + 2);
  const more: CrawlRequest[] = [];
  for (let p = from; p <= parsed.pages; p++) more.push(threadRequest(call.source, tid, p, first));
  await call.enqueue(more);
}

/** Discuz blocks: the search flood limit, the per-minute search cap, and the login wall (all HTTP 200). */
export function detectDiscuzBlock(page: FetchedPage): BlockSignal | null {
  const notice = messageText(page.text);
  if (!notice) return page.status === 403 ? { signal: 'http-403', message: 'forum answered HTTP 403' } : null;
  const flood = /(\d+)\s*秒内只能进行一次搜索/.exec(notice);
  if (flood)
    return {
      signal: 'flood',
      message: `discuz search flood limit: ${notice}`,
      retryAfterMs: (Number(flood[1]) + 1) * 1000,
    };
  if (/每分钟系统最多响应搜索请求/.test(notice))
    return { signal: 'flood', message: `discuz search cap: ${notice}`, retryAfterMs: 60_000 };
  if (/尚未登录|没有权限/.test(notice)) return { signal: 'login', message: `discuz login wall: ${notice}` };
  return null;
}

/** The Discuz! adapter. */
export const discuzAdapter: SiteAdapter = {
  kind: 'discuz',
  targetKinds: ['search', 'board'],
  start(source: SourceConfig, target: CrawlTarget) {
    if (target.kind === 'board')
      return [{ url: discuzBoardUrl(source.baseUrl, target.value), label: 'DISCUZ_BOARD', list: true }];
    return [{ url: discuzSearchUrl(source, target.value), label: 'DISCUZ_SEARCH', list: true }];
  },
  handlers: {
    DISCUZ_BOARD: (page, call) => listPage(page, call, 'board'),
    DISCUZ_SEARCH: (page, call) => listPage(page, call, 'search'),
    DISCUZ_THREAD: thread,
  },
  detectBlock: detectDiscuzBlock,
  headers: () => ({ 'User-Agent': DESKTOP_UA, Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }),
};
