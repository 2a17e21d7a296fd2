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
import { DESKTOP_UA, joinUrl, jsonOf, maybeJson, obj } from '../common.ts';
import { commentMention, contentMention, contentOf } from './parse.ts';

/**
 * Zhihu web API v4: search_v3 answers and articles (newest first), root and child comments with their
 * "IP 属地" tag. Labels: ZHIHU_SEARCH, ZHIHU_COMMENTS. A content item without comments answers 404
 * (treated as empty).
 */

const LIMIT = 20;
const COMMENT_LIMIT = 10;

/** search_v3 URL at an offset, newest first. */
export function zhihuSearchUrl(baseUrl: string, query: string, offset: number): string {
  const q = encodeURIComponent(query);
  return joinUrl(
    baseUrl,
    `api/v4/search_v3?gk_version=gz-gaokao&t=general&q=${q}&correction=1&offset=${offset}&limit=${LIMIT}&filter_fields=&lc_idx=${offset}&show_all_topics=0&search_source=Filter&time_interval=&sort=created_time&vertical=`,
  );
}

function rootCommentsUrl(baseUrl: string, type: string, id: string, offset: string): string {
  return joinUrl(
    baseUrl,
    `api/v4/comment_v5/${type}s/${encodeURIComponent(id)}/root_comment?order=score&limit=${COMMENT_LIMIT}&offset=${encodeURIComponent(offset)}`,
  );
}

function childCommentsUrl(baseUrl: string, rootId: string, offset: string): string {
  return joinUrl(
    baseUrl,
    `api/v4/comment_v5/comment/${encodeURIComponent(rootId)}/child_comment?order=sort&limit=${COMMENT_LIMIT}&offset=${encodeURIComponent(offset)}`,
  );
}

/** Where a comment page belongs: root comments of content, or child comments of a root comment. */
interface CommentPage {
  kind: 'root' | 'child';
  /** `answer` | `article`. */
  type: string;
  /** Content id (root) or root comment id (child). */
  id: string;
  /** External id the comments reply to. */
  parent: string;
  /** The content's external id. */
  thread: string;
  /** Opaque paging token ('' for the first page). */
  offset: string;
  page: number;
}

function commentRequest(source: SourceConfig, u: CommentPage): CrawlRequest {
  const url =
    u.kind === 'root'
      ? rootCommentsUrl(source.baseUrl, u.type, u.id, u.offset)
      : childCommentsUrl(source.baseUrl, u.id, u.offset);
  return { url, label: 'ZHIHU_COMMENTS', userData: { ...u } };
}

function listOf(page: FetchedPage, what: string): { data: unknown[]; paging: Record<string, unknown> } {
  const body = obj(jsonOf(page));
  if (!body || !Array.isArray(body.data))
    throw new ParseError(`zhihu: ${what} without a data list (${page.url})`, page.text.slice(0, 2000));
  return { data: body.data, paging: obj(body.paging) ?? {} };
}

async function search(page: FetchedPage, call: HandlerCall): Promise<void> {
  const { data, paging } = listOf(page, 'search');
  const items = data.flatMap((d) => contentOf(d));
  const entries: ListEntry[] = items.flatMap((o) => (o.at ? [{ id: o.key, at: o.at }] : []));
  const more = call.observe(entries) && paging.is_end !== true;
  const out: NormalizedMention[] = [];
  const follow: CrawlRequest[] = [];
  for (const o of items) {
    if (o.at && !call.isFresh({ id: o.key, at: o.at })) continue;
    const m = contentMention(o, call.source.baseUrl);
    if (!m) {
      await call.reject('zhihu: search result without an id or date', o.raw);
      continue;
    }
    out.push(m);
    if (call.followUps.comments && m.engagement.comments > 0)
      follow.push(
        commentRequest(call.source, {
          kind: 'root',
          type: o.type,
          id: o.id,
          parent: m.externalId,
          thread: m.externalId,
          offset: '',
          page: 1,
        }),
      );
  }
  await call.emit(out);
  const offset = Number(call.userData.offset ?? 0) + LIMIT;
  if (more && data.length > 0)
    follow.push({
      url: zhihuSearchUrl(call.source.baseUrl, call.target.value, offset),
      label: 'ZHIHU_SEARCH',
      list: true,
      userData: { offset },
    });
  await call.enqueue(follow);
}

async function comments(page: FetchedPage, call: HandlerCall): Promise<void> {
  if (page.status === 404) return; // No comments: Zhihu answers 404.
  const u = call.userData as unknown as CommentPage;
  const { data, paging } = listOf(page, 'comments');
  const thread = u.thread;
  const out: NormalizedMention[] = [];
  const follow: CrawlRequest[] = [];
  for (const c of data) {
    const m = commentMention(
      obj(c) ?? {},
      u.kind === 'root' ? u.parent : `comment:${u.id}`,
      thread,
      call.source.baseUrl,
    );
    if (!m) {
      if (obj(c)?.type === 'comment') await call.reject('zhihu: comment without an id or date', c);
      continue;
    }
    out.push(m);
    const children = Number(obj(c)?.child_comment_count ?? 0);
    const rootId = m.externalId.slice('comment:'.length);
    if (u.kind === 'root' && children > 0)
      follow.push(
        commentRequest(call.source, {
          kind: 'child',
          type: u.type,
          id: rootId,
          parent: m.externalId,
          thread,
          offset: '',
          page: 1,
        }),
      );
  }
  await call.emit(out);
  const next =
    typeof paging.next === 'string' ? (new URL(paging.next, page.url).searchParams.get('offset') ?? '') : '';
  if (paging.is_end !== true && next && next !== u.offset && u.page < call.followUps.maxCommentPages) {
    follow.push(commentRequest(call.source, { ...u, offset: next, page: u.page + 1 }));
  }
  await call.enqueue(follow);
}

/** Zhihu's blocks: 403 with error 40362 (risk control), 10001–10003 (signature), a redirect to /signin. */
export function detectZhihuBlock(page: FetchedPage): BlockSignal | null {
  if (/\/signin(?:\?|$)/.test(new URL(page.loadedUrl).pathname + new URL(page.loadedUrl).search))
    return { signal: 'signin', message: 'zhihu redirected to /signin' };
  const error = obj(obj(maybeJson(page))?.error);
  const code = Number(error?.code ?? 0);
  if (code === 40362) return { signal: 'zhihu-40362', message: 'zhihu risk control (40362)' };
  if (code >= 10001 && code <= 10003)
    return { signal: `zhihu-${code}`, message: `zhihu rejected the request signature (${code})` };
  if (page.status === 403) return { signal: 'http-403', message: 'zhihu answered HTTP 403' };
  return null;
}

/** The Zhihu adapter. */
export const zhihuAdapter: SiteAdapter = {
  kind: 'zhihu',
  targetKinds: ['search'],
  start: (source: SourceConfig, target: CrawlTarget) => [
    {
      url: zhihuSearchUrl(source.baseUrl, target.value, 0),
      label: 'ZHIHU_SEARCH',
      list: true,
      userData: { offset: 0 },
    },
  ],
  handlers: { ZHIHU_SEARCH: search, ZHIHU_COMMENTS: comments },
  detectBlock: detectZhihuBlock,
  headers: (source) => ({
    'User-Agent': DESKTOP_UA,
    Referer: joinUrl(source.baseUrl, 'search?type=content'),
    'x-requested-with': 'fetch',
    'x-api-version': '3.0.91',
    'x-app-za': 'OS=Web',
    'x-zse-93': '101_3_3.0',
  }),
};
