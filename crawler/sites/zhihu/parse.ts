import { parseCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { htmlToText } from '../../text/html-text.ts';
import { parseRegion } from '../../text/region.ts';
import type { NormalizedMention } from '../../types.ts';
import { idStr, joinUrl, mention, obj, str } from '../common.ts';

/** An answer or article from a search result. */
export interface ZhihuContent {
  type: 'answer' | 'article';
  id: string;
  /** `answer:{id}` / `article:{id}`. */
  key: string;
  at: Date | null;
  object: Record<string, unknown>;
  raw: unknown;
}

const epoch = (v: unknown): Date | null =>
  typeof v === 'number' || typeof v === 'string'
    ? parseSiteDate(typeof v === 'number' ? v : String(v), new Date(0))
    : null;

/** The answer/article inside a search_v3 data item (other item kinds — ads, related queries — give nothing). */
export function contentOf(item: unknown): ZhihuContent[] {
  const d = obj(item);
  if (!d || (d.type !== 'search_result' && d.type !== 'zvideo')) return [];
  const o = obj(d.object);
  const type = o?.type;
  const id = idStr(o?.id);
  if (!o || (type !== 'answer' && type !== 'article') || !id) return [];
  const at = epoch(o.created_time ?? o.created);
  return [{ type, id, key: `${type}:${id}`, at, object: o, raw: d }];
}

/** An answer or article as a mention; null without a date. */
export function contentMention(c: ZhihuContent, baseUrl: string): NormalizedMention | null {
  if (!c.at) return null;
  const o = c.object;
  const author = obj(o.author) ?? {};
  const question = obj(o.question);
  const qid = idStr(question?.id);
  const url =
    str(o.url) ??
    (c.type === 'answer'
      ? joinUrl(baseUrl, `question/${qid ?? '0'}/answer/${c.id}`)
      : joinUrl(baseUrl, `p/${c.id}`));
  return mention({
    source: 'zhihu',
    externalId: c.key,
    url,
    author: { id: idStr(author.id), name: str(author.name) },
    title: htmlToText(str(o.title) ?? str(question?.name) ?? '') || null,
    text: htmlToText(str(o.content) ?? str(o.excerpt) ?? ''),
    raw: c.raw,
    publishedAt: c.at,
    engagement: { likes: parseCount(o.voteup_count), comments: parseCount(o.comment_count) },
    threadId: c.type === 'answer' && qid ? `question:${qid}` : c.key,
  });
}

/** A comment as a mention (region from `comment_tag` ip_info "IP 属地广东"); null for non-comments. */
export function commentMention(
  c: Record<string, unknown>,
  parent: string,
  thread: string,
  baseUrl: string,
): NormalizedMention | null {
  const id = idStr(c.id);
  const at = epoch(c.created_time);
  if (c.type !== 'comment' || !id || !at) return null;
  const author = obj(obj(c.author)?.member) ?? obj(c.author) ?? {};
  const tags = Array.isArray(c.comment_tag) ? c.comment_tag : [];
  const ip = tags.map(obj).find((t) => t?.type === 'ip_info');
  const { child_comments: _children, ...raw } = c;
  return mention({
    source: 'zhihu',
    externalId: `comment:${id}`,
    url: thread.startsWith('question:')
      ? joinUrl(baseUrl, `question/${thread.slice('question:'.length)}`)
      : null,
    author: { id: idStr(author.id), name: str(author.name) },
    text: htmlToText(str(c.content) ?? ''),
    raw,
    publishedAt: at,
    region: parseRegion(ip?.text),
    engagement: { likes: parseCount(c.like_count), comments: parseCount(c.child_comment_count) },
    parentExternalId: parent,
    threadId: thread,
  });
}
