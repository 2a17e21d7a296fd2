import { parseCount, parseOptionalCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { htmlToText } from '../../text/html-text.ts';
import { parseRegion } from '../../text/region.ts';
import type { NormalizedMention } from '../../types.ts';
import { idStr, joinUrl, mention, obj, str } from '../common.ts';

/** A card from a getIndex response. */
type Card = Record<string, unknown>;

/** Every mblog in a card list, including posts nested one level down in `card_group` (card_type 11). */
export function mblogsOfCards(cards: unknown[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (card: unknown, depth: number) => {
    const c = obj(card) as Card | null;
    if (!c) return;
    const mblog = obj(c.mblog);
    if (mblog) out.push(mblog);
    if (depth === 0 && Array.isArray(c.card_group)) for (const inner of c.card_group) visit(inner, 1);
  };
  for (const card of cards) visit(card, 0);
  return out;
}

/** A Weibo user object → MentionAuthor fields. */
function authorOf(user: unknown) {
  const u = obj(user);
  if (!u) return {};
  return {
    id: idStr(u.id),
    name: str(u.screen_name),
    followers: parseOptionalCount(u.followers_count),
    verified: u.verified === true,
  };
}

/** Options for {@link mblogMention}. */
export interface MblogContext {
  /** Site base URL for permalinks. */
  baseUrl: string;
  now: Date;
  /** Full text (from statuses/extend), replacing the truncated `text`. */
  longText?: string;
}

/** The publish time of an mblog or comment, or null. */
export function createdAt(item: Record<string, unknown>, now: Date): Date | null {
  return parseSiteDate(
    str(item.created_at) ?? (typeof item.created_at === 'number' ? item.created_at : null),
    now,
  );
}

/** The reposted original of an mblog, or null when it is not a repost or the original was deleted (`user: null`). */
export function originalOf(m: Record<string, unknown>): Record<string, unknown> | null {
  const inner = obj(m.retweeted_status);
  return inner && inner.user !== null && (idStr(inner.idstr) ?? idStr(inner.id)) ? inner : null;
}

/**
 * One mblog as a mention. The outer post of a repost links to the original (`parentExternalId`); the
 * original is a mention of its own (see {@link originalOf}). Throws TypeError for an mblog without an id
 * or date (the caller quarantines it).
 */
export function mblogMention(m: Record<string, unknown>, ctx: MblogContext): NormalizedMention {
  const id = idStr(m.idstr) ?? idStr(m.id) ?? idStr(m.mid);
  const at = createdAt(m, ctx.now);
  if (!id || !at) throw new TypeError(`mblog without ${id ? 'a parseable created_at' : 'an id'}`);
  const inner = obj(m.retweeted_status);
  const innerId = inner ? (idStr(inner.idstr) ?? idStr(inner.id) ?? idStr(inner.mid)) : null;
  const embeddedLong = str(obj(m.longText)?.longTextContent);
  const html = ctx.longText ?? embeddedLong ?? str(m.text) ?? '';
  const raw = inner ? { ...m, retweeted_status: { id: innerId, deleted: inner.user === null } } : m;
  return mention({
    source: 'weibo',
    externalId: id,
    url: joinUrl(ctx.baseUrl, `detail/${id}`),
    author: authorOf(m.user),
    text: htmlToText(html),
    raw,
    publishedAt: at,
    region: parseRegion(m.region_name) ?? parseRegion(m.status_province),
    engagement: {
      reposts: parseCount(m.reposts_count),
      comments: parseCount(m.comments_count),
      likes: parseCount(m.attitudes_count),
    },
    parentExternalId: innerId,
    threadId: innerId ?? id,
  });
}

/** A hotflow comment (and its inline sub-replies) as mentions. */
export function commentMentions(
  c: Record<string, unknown>,
  postId: string,
  ctx: MblogContext,
): NormalizedMention[] {
  const id = idStr(c.idstr) ?? idStr(c.id);
  const at = createdAt(c, ctx.now);
  if (!id || !at) throw new TypeError(`comment without ${id ? 'a parseable created_at' : 'an id'}`);
  const rootId = idStr(c.rootidstr) ?? idStr(c.rootid) ?? id;
  const isRoot = rootId === id;
  const { comments: replies, ...rest } = c;
  const self = mention({
    source: 'weibo',
    externalId: `comment:${id}`,
    url: joinUrl(ctx.baseUrl, `detail/${postId}`),
    author: authorOf(c.user),
    text: htmlToText(str(c.text) ?? ''),
    raw: rest,
    publishedAt: at,
    region: parseRegion(c.source),
    engagement: { likes: parseCount(c.like_count), comments: parseCount(c.total_number) },
    parentExternalId: isRoot ? postId : `comment:${rootId}`,
    threadId: postId,
  });
  const subs = Array.isArray(replies)
    ? replies.flatMap((r) => (obj(r) ? commentMentions(obj(r) ?? {}, postId, ctx) : []))
    : [];
  return [self, ...subs];
}
