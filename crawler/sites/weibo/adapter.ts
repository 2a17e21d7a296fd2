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
import { idStr, joinUrl, jsonOf, MOBILE_UA, maybeJson, obj } from '../common.ts';
import { commentMentions, createdAt, mblogMention, mblogsOfCards, originalOf } from './parse.ts';

/**
 * m.weibo.cn JSON API: newest-first keyword search (type 61) with cards nested in `card_group`, long
 * text via `statuses/extend`, reposts via `retweeted_status`, comments via `comments/hotflow` paged by
 * `max_id`. Labels: WEIBO_SEARCH, WEIBO_LONGTEXT, WEIBO_COMMENTS.
 */

/** Search type: 61 = 实时 (newest first). */
export const WEIBO_SEARCH_TYPE = 61;

/** `getIndex` URL of a keyword search page (containerid percent-encoded as one value). */
export function weiboSearchUrl(baseUrl: string, query: string, page: number): string {
  const containerid = encodeURIComponent(`100103type=${WEIBO_SEARCH_TYPE}&q=${query}`);
  return joinUrl(
    baseUrl,
    `api/container/getIndex?containerid=${containerid}&page_type=searchall&page=${page}`,
  );
}

/** `statuses/extend` URL for a long post's full text. */
export function weiboExtendUrl(baseUrl: string, id: string): string {
  return joinUrl(baseUrl, `statuses/extend?id=${encodeURIComponent(id)}`);
}

/** `comments/hotflow` URL; `maxId` 0 for the first page. */
export function weiboHotflowUrl(baseUrl: string, id: string, maxId: string, maxIdType: string): string {
  const cursor = maxId === '0' ? '' : `&max_id=${encodeURIComponent(maxId)}`;
  return joinUrl(
    baseUrl,
    `comments/hotflow?id=${encodeURIComponent(id)}&mid=${encodeURIComponent(id)}&max_id_type=${maxIdType}${cursor}`,
  );
}

function searchRequest(source: SourceConfig, query: string, page: number): CrawlRequest {
  return {
    url: weiboSearchUrl(source.baseUrl, query, page),
    label: 'WEIBO_SEARCH',
    list: true,
    userData: { page },
  };
}

/** The data object of an `{ok:1,data:{…}}` envelope, or null when the site says "nothing here". */
function dataOf(page: FetchedPage): Record<string, unknown> | null {
  const body = obj(jsonOf(page));
  if (!body) throw new ParseError(`weibo: expected a JSON object from ${page.url}`, page.text.slice(0, 2000));
  if (body.ok !== 1) return null;
  const data = obj(body.data);
  if (!data) throw new ParseError(`weibo: ok:1 without data from ${page.url}`, page.text.slice(0, 2000));
  return data;
}

async function toMentions(
  call: HandlerCall,
  build: () => NormalizedMention[],
  raw: unknown,
): Promise<NormalizedMention[]> {
  try {
    return build();
  } catch (err) {
    await call.reject(`weibo: ${(err as Error).message}`, raw);
    return [];
  }
}

function commentRequest(
  source: SourceConfig,
  id: string,
  maxId: string,
  maxIdType: string,
  page: number,
): CrawlRequest {
  return {
    url: weiboHotflowUrl(source.baseUrl, id, maxId, maxIdType),
    label: 'WEIBO_COMMENTS',
    userData: { postId: id, commentPage: page },
    headers: { Referer: joinUrl(source.baseUrl, `detail/${id}`) },
  };
}

/** Emit an mblog now, or fetch its full text first. */
async function handleMblog(
  call: HandlerCall,
  m: Record<string, unknown>,
  out: NormalizedMention[],
  follow: CrawlRequest[],
): Promise<void> {
  const id = idStr(m.idstr) ?? idStr(m.id) ?? '';
  const embedded = obj(m.longText)?.longTextContent;
  if (m.isLongText === true && typeof embedded !== 'string' && id) {
    follow.push({
      url: weiboExtendUrl(call.source.baseUrl, id),
      label: 'WEIBO_LONGTEXT',
      userData: { mblog: m },
    });
  } else {
    out.push(
      ...(await toMentions(
        call,
        () => [mblogMention(m, { baseUrl: call.source.baseUrl, now: call.now })],
        m,
      )),
    );
  }
}

/** A search hit: the post, its reposted original (unless deleted), and its comments. */
async function handlePost(
  call: HandlerCall,
  m: Record<string, unknown>,
  out: NormalizedMention[],
  follow: CrawlRequest[],
): Promise<void> {
  const id = idStr(m.idstr) ?? idStr(m.id) ?? '';
  await handleMblog(call, m, out, follow);
  const original = originalOf(m);
  if (original) await handleMblog(call, original, out, follow);
  const comments =
    typeof m.comments_count === 'number'
      ? m.comments_count
      : Number.parseInt(String(m.comments_count ?? '0'), 10) || 0;
  if (call.followUps.comments && comments > 0 && id)
    follow.push(commentRequest(call.source, id, '0', '0', 1));
}

async function search(page: FetchedPage, call: HandlerCall): Promise<void> {
  const data = dataOf(page);
  const cards = data?.cards;
  if (data && !Array.isArray(cards))
    throw new ParseError(`weibo: data.cards is not a list (${page.url})`, page.text.slice(0, 2000));
  const mblogs = mblogsOfCards(Array.isArray(cards) ? cards : []);
  const entries: ListEntry[] = [];
  for (const m of mblogs) {
    const at = createdAt(m, call.now);
    const id = idStr(m.idstr) ?? idStr(m.id);
    if (at && id) entries.push({ id, at });
  }
  const more = call.observe(entries);
  const out: NormalizedMention[] = [];
  const follow: CrawlRequest[] = [];
  for (const m of mblogs) {
    const at = createdAt(m, call.now);
    const id = idStr(m.idstr) ?? idStr(m.id) ?? '';
    if (at && !call.isFresh({ id, at })) continue;
    await handlePost(call, m, out, follow);
  }
  await call.emit(out);
  const pageNo = Number(call.userData.page ?? 1);
  if (more && mblogs.length > 0) follow.push(searchRequest(call.source, call.target.value, pageNo + 1));
  await call.enqueue(follow);
}

async function longText(page: FetchedPage, call: HandlerCall): Promise<void> {
  const mblog = obj(call.userData.mblog) ?? {};
  const data = dataOf(page);
  const full = data && typeof data.longTextContent === 'string' ? data.longTextContent : undefined;
  const ms = await toMentions(
    call,
    () => [
      mblogMention(mblog, {
        baseUrl: call.source.baseUrl,
        now: call.now,
        ...(full ? { longText: full } : {}),
      }),
    ],
    mblog,
  );
  await call.emit(ms);
}

async function comments(page: FetchedPage, call: HandlerCall): Promise<void> {
  const postId = String(call.userData.postId ?? '');
  const data = dataOf(page);
  if (!data) return;
  const list = data.data;
  if (!Array.isArray(list))
    throw new ParseError(`weibo: hotflow data.data is not a list (${page.url})`, page.text.slice(0, 2000));
  const out: NormalizedMention[] = [];
  for (const c of list)
    out.push(
      ...(await toMentions(
        call,
        () => commentMentions(obj(c) ?? {}, postId, { baseUrl: call.source.baseUrl, now: call.now }),
        c,
      )),
    );
  await call.emit(out);
  const maxId = idStr(data.max_id) ?? '0';
  const pageNo = Number(call.userData.commentPage ?? 1);
  if (maxId !== '0' && pageNo < call.followUps.maxCommentPages) {
    await call.enqueue([
      commentRequest(call.source, postId, maxId, idStr(data.max_id_type) ?? '0', pageNo + 1),
    ]);
  }
}

/** Weibo's block signals: HTTP 432/418/403, `{"ok":-100}`, a passport redirect, a captcha URL. */
export function detectWeiboBlock(page: FetchedPage): BlockSignal | null {
  if (page.status === 432 || page.status === 418)
    return { signal: `http-${page.status}`, message: `weibo answered HTTP ${page.status}` };
  if (/passport\.weibo\.(?:com|cn)|\/sso\/signin/.test(page.loadedUrl))
    return { signal: 'passport', message: 'weibo redirected to the login page' };
  const body = obj(maybeJson(page));
  if (body?.ok === -100)
    return { signal: 'ok-100', message: 'weibo answered ok:-100 (cookie missing or expired)' };
  if (
    body &&
    body.ok !== 1 &&
    !body.data &&
    typeof body.url === 'string' &&
    /captcha|security|verify/i.test(body.url)
  ) {
    return { signal: 'captcha', message: 'weibo asks for a captcha' };
  }
  if (page.status === 403) return { signal: 'http-403', message: 'weibo answered HTTP 403' };
  return null;
}

/** The m.weibo.cn adapter. */
export const weiboAdapter: SiteAdapter = {
  kind: 'weibo',
  targetKinds: ['search'],
  start: (source: SourceConfig, target: CrawlTarget) => [searchRequest(source, target.value, 1)],
  handlers: { WEIBO_SEARCH: search, WEIBO_LONGTEXT: longText, WEIBO_COMMENTS: comments },
  detectBlock: detectWeiboBlock,
  headers: (source) => ({
    'User-Agent': MOBILE_UA,
    Referer: joinUrl(source.baseUrl, ''),
    Accept: 'application/json, text/plain, */*',
    'X-Requested-With': 'XMLHttpRequest',
    'MWeibo-Pwa': '1',
  }),
  async onGiveUp(label, call) {
    // The full text could not be fetched: keep the preview rather than lose the post.
    if (label !== 'WEIBO_LONGTEXT') return;
    const mblog = obj(call.userData.mblog) ?? {};
    await call.emit(
      await toMentions(
        call,
        () => [mblogMention(mblog, { baseUrl: call.source.baseUrl, now: call.now })],
        mblog,
      ),
    );
  },
};
