import { hashString } from '../generator/prng.ts';
import { EMOTICONS } from '../generator/phrases-extra.ts';
import { weiboDate, weiboLegacyDate } from '../format/dates.ts';
import { escapeHtml } from '../format/html.ts';
import type { SiteContext } from '../site-kit.ts';
import type { Author, ContentItem } from '../types.ts';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const KNOWN_EMOTICONS = new Set(Object.values(EMOTICONS).flat());
/** Characters of plain text shown before "全文". */
export const PREVIEW_CHARS = 140;

/** Weibo's mid → bid (base62 of 7-digit groups from the right, 4 chars each except the first). */
export function midToBid(mid: string): string {
  let out = '';
  for (let end = mid.length; end > 0; end -= 7) {
    const group = Number(mid.slice(Math.max(0, end - 7), end));
    let s = '';
    for (let n = group; n > 0; n = Math.floor(n / 62)) s = (ALPHABET[n % 62] ?? '0') + s;
    out = (end - 7 > 0 ? s.padStart(4, '0') : s) + out;
  }
  return out;
}

/** Weibo's bid → mid. */
export function bidToMid(bid: string): string {
  let out = '';
  for (let end = bid.length; end > 0; end -= 4) {
    let n = 0;
    for (const c of bid.slice(Math.max(0, end - 4), end)) n = n * 62 + ALPHABET.indexOf(c);
    out = (end - 4 > 0 ? String(n).padStart(7, '0') : String(n)) + out;
  }
  return out;
}

/** Plain post text → Weibo's HTML (escaped text, url-icon emoticons, surl-text topics, @ links, <br />). */
export function weiboHtml(text: string): string {
  return escapeHtml(text)
    .replace(/\[([^[\]\s]{1,6})\]/g, (m) =>
      KNOWN_EMOTICONS.has(m)
        ? `<span class="url-icon"><img alt="${m}" src="https://h5.sinaimg.cn/m/emoticon/icon/default/d_${hashString(m).toString(16)}.png" style="width:1em; height:1em;" /></span>`
        : m,
    )
    .replace(
      /#([^#\s<>&;]{1,30})#/g,
      (_m, topic: string) =>
        `<a  href="/search?containerid=231522type%3D1%26q%3D${encodeURIComponent(`#${topic}#`)}" data-hide=""><span class="surl-text">#${topic}#</span></a>`,
    )
    .replace(
      /@([\u4e00-\u9fa5A-Za-z0-9_-]{1,30})/g,
      (_m, name: string) => `<a href='/n/${name}'>@${name}</a>`,
    )
    .replace(/\n/g, '<br />');
}

/** The text field of a possibly long post: truncated with a 全文 link when longer than the preview. */
export function previewHtml(item: ContentItem): { html: string; isLong: boolean } {
  if (item.text.length <= PREVIEW_CHARS) return { html: weiboHtml(item.text), isLong: false };
  return {
    html: `${weiboHtml(item.text.slice(0, PREVIEW_CHARS - 20))}...<a href="/status/${item.id}">全文</a>`,
    isLong: true,
  };
}

/** "3.2万" for ten thousand and up. */
export function wan(n: number): string {
  return n >= 10_000 ? `${(n / 10_000).toFixed(1).replace(/\.0$/, '')}万` : String(n);
}

/** A Weibo user object (followers_count as "3.2万" strings for big accounts). */
export function weiboUser(a: Author) {
  const avatar = `https://tvax1.sinaimg.cn/crop.0.0.180.180.180/${hashString(String(a.id)).toString(16)}.jpg`;
  return {
    id: a.id,
    screen_name: a.name,
    profile_image_url: avatar,
    profile_url: `https://m.weibo.cn/u/${a.id}?uid=${a.id}&luicode=10000011&lfid=100103type%3D61`,
    statuses_count: (a.id % 5000) + 12,
    verified: a.verified,
    verified_type: a.verified ? 0 : -1,
    close_blue_v: false,
    description: '',
    gender: a.gender,
    mbtype: 0,
    svip: 0,
    urank: (a.id % 40) + 1,
    mbrank: 0,
    follow_me: false,
    following: false,
    follow_count: a.id % 600,
    followers_count: a.followers >= 10_000 ? wan(a.followers) : a.followers,
    followers_count_str: wan(a.followers),
    cover_image_phone: 'https://tva1.sinaimg.cn/crop.0.0.640.640.640/549d0121tw1egm1kjly3jj20hs0hsq4f.jpg',
    avatar_hd: avatar,
  };
}

/** `created_at` in the current (or legacy relative) format. */
export function createdAt(ctx: SiteContext, ms: number): string {
  return ctx.rt.options.weiboLegacyDates ? weiboLegacyDate(ms, ctx.rt.now()) : weiboDate(ms);
}

function pics(item: ContentItem) {
  const list = Array.from({ length: item.extra.pics ?? 0 }, (_v, i) => {
    const pid = `${hashString(`${item.id}-${i}`).toString(16)}ly1hw${i}`;
    const geo = { width: 690, height: 920, croped: false };
    return {
      pid,
      url: `https://wx1.sinaimg.cn/orj360/${pid}.jpg`,
      size: 'orj360',
      geo,
      large: { size: 'large', url: `https://wx1.sinaimg.cn/large/${pid}.jpg`, geo },
    };
  });
  return item.extra.picsAsObject ? Object.fromEntries(list.map((p, i) => [String(i), p])) : list;
}

function count(n: number, asString: boolean): number | string {
  return asString && n >= 10_000 ? `${Math.floor(n / 10_000)}万+` : n;
}

/** A deleted original inside a repost: `user: null`. */
function deletedOriginal(ctx: SiteContext, id: string, at: number) {
  return {
    visible: { type: 0, list_id: 0 },
    created_at: createdAt(ctx, at),
    id,
    idstr: id,
    mid: id,
    bid: midToBid(id),
    text: '抱歉，此微博已被作者删除。查看帮助：<a  href="https://m.weibo.cn/c/4702" data-hide=""><span class="url-icon"><img style="width: 1rem;height: 1rem" src="https://h5.sinaimg.cn/upload/2015/09/25/3/timeline_card_small_web_default.png"></span><span class="surl-text">网页链接</span></a>',
    user: null,
    reposts_count: 0,
    comments_count: 0,
    attitudes_count: 0,
    isLongText: false,
  };
}

/** An mblog object as m.weibo.cn returns it. */
export function mblog(ctx: SiteContext, item: ContentItem, nested = false): Record<string, unknown> {
  const now = ctx.rt.now();
  const { html, isLong } = previewHtml(item);
  const comments = ctx.rt.store.children('weibo', item.id, now).length;
  const n = Number(item.id.slice(-4));
  const out: Record<string, unknown> = {
    visible: { type: 0, list_id: 0 },
    created_at: createdAt(ctx, item.publishedAt),
    id: item.id,
    idstr: item.id,
    mid: item.id,
    bid: midToBid(item.id),
    can_edit: false,
    show_additional_indication: 0,
    text: html,
    textLength: Buffer.byteLength(item.text, 'utf8') >> 1,
    source: item.author.client,
    favorited: false,
    pic_ids: [],
    pic_num: item.extra.pics ?? 0,
    is_paid: false,
    mblog_vip_type: 0,
    user: weiboUser(item.author),
    reposts_count: count(item.reposts, item.extra.stringCounts === true),
    comments_count: comments,
    reprint_cmt_count: 0,
    attitudes_count: count(item.likes, item.extra.stringCounts === true),
    pending_approval_count: 0,
    isLongText: isLong,
    show_mlevel: 0,
    mblogtype: 0,
  };
  if (n % 20 !== 0) out.region_name = `发布于 ${item.author.province}`;
  if (n % 2 === 0) out.status_province = item.author.province;
  if (n % 10 === 3) out.edit_count = 1;
  if ((item.extra.pics ?? 0) > 0) out.pics = pics(item);
  if (!nested && item.extra.repostOf) {
    const original = ctx.rt.store.get('weibo', item.extra.repostOf);
    out.retweeted_status =
      original && !item.extra.deletedOriginal
        ? mblog(ctx, original, true)
        : deletedOriginal(ctx, item.extra.repostOf, item.publishedAt - 3_600_000);
  }
  return out;
}

/** A hotflow comment with its inline sub-replies (`comments: false` when none). */
export function weiboComment(ctx: SiteContext, c: ContentItem, floor: number): Record<string, unknown> {
  const replies = ctx.rt.store.children('weibo', c.id, ctx.rt.now());
  const base = commentBase(ctx, c, c.id);
  return {
    ...base,
    floor_number: floor,
    disable_reply: 0,
    restrictOperate: false,
    comments: replies.length > 0 ? replies.slice(0, 2).map((r) => commentBase(ctx, r, c.id)) : false,
    max_id: 0,
    total_number: replies.length,
    isLikedByMblogAuthor: false,
    more_info_type: 0,
    like_count: c.likes,
    liked: false,
  };
}

function commentBase(ctx: SiteContext, c: ContentItem, rootId: string) {
  return {
    created_at: createdAt(ctx, c.publishedAt),
    id: Number(c.id),
    idstr: c.id,
    mid: c.id,
    rootid: Number(rootId),
    rootidstr: rootId,
    text: weiboHtml(c.text),
    source: `来自${c.author.province}`,
    user: weiboUser(c.author),
    bid: midToBid(c.id),
  };
}
