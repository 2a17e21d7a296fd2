import * as cheerio from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import { parseCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { htmlToText } from '../../text/html-text.ts';
import type { NormalizedMention } from '../../types.ts';
import { mention } from '../common.ts';

/**
 * Discuz! X markup: thread lists (`tbody[id^=normalthread_]`, sticky `stickthread_`), search results
 * (`li.pbw`), thread pages (`div[id^=post_]`), and the `div#messagetext` notice page. dgmdate shows recent
 * times as "3&nbsp;天前" with the absolute time in a `span[title]`, which is preferred.
 */

/** The time of a date cell: the span's `title` when present (absolute), else its text. */
export function discuzTime(cell: Cheerio<Element>, now: Date): Date | null {
  const span = cell.find('span[title]').first();
  const title = span.attr('title');
  return parseSiteDate(title && /\d{4}-\d{1,2}-\d{1,2}/.test(title) ? title : cell.text(), now);
}

/** External ids are qualified by host: one `discuz` source kind covers many forums. */
export function threadKey(host: string, tid: string): string {
  return `${host}:thread:${tid}`;
}

export function postKey(host: string, pid: string): string {
  return `${host}:post:${pid}`;
}

function uidOf(href: string | undefined): string | null {
  return (
    /space-uid-(\d+)|[?&]uid=(\d+)/
      .exec(href ?? '')
      ?.slice(1)
      .find(Boolean) ?? null
  );
}

/** One row of a thread list. */
export interface ListedThread {
  tid: string;
  /** Last post time (the list's order). */
  at: Date | null;
  pinned: boolean;
}

/** A forum's thread list and the next-page link. */
export function parseThreadList(
  html: string,
  pageUrl: string,
  now: Date,
): { threads: ListedThread[]; next: string | null } {
  const $ = cheerio.load(html);
  const threads = $('tbody[id^="normalthread_"], tbody[id^="stickthread_"]')
    .toArray()
    .flatMap((el) => {
      const id = $(el).attr('id') ?? '';
      const tid = /_(\d+)$/.exec(id)?.[1];
      if (!tid) return [];
      const cells = $(el).find('td.by');
      const last = cells.length > 1 ? cells.last() : cells.first();
      return [{ tid, at: discuzTime(last.find('em').first(), now), pinned: id.startsWith('stickthread_') }];
    });
  const href = $('div.pg a.nxt').attr('href');
  return { threads, next: href ? new URL(href, pageUrl).href : null };
}

/** Search results (`li.pbw`) and the next-page link. */
export function parseSearchResults(
  html: string,
  pageUrl: string,
  now: Date,
): { hits: { tid: string; at: Date | null }[]; next: string | null } {
  const $ = cheerio.load(html);
  const hits = $('li.pbw')
    .toArray()
    .flatMap((el) => {
      const tid = $(el).attr('id') ?? /tid=(\d+)/.exec($(el).find('h3 a').attr('href') ?? '')?.[1];
      if (!tid || !/^\d+$/.test(tid)) return [];
      const dateText = $(el)
        .find('p span')
        .filter((_i, s) => /\d{4}-\d{1,2}-\d{1,2}/.test($(s).text()))
        .first()
        .text();
      return [{ tid, at: parseSiteDate(dateText, now) }];
    });
  const href = $('div.pg a.nxt').attr('href');
  return { hits, next: href ? new URL(href, pageUrl).href : null };
}

/** Page facts of a thread page. */
export interface ThreadPage {
  title: string;
  pages: number;
  posts: { mention: NormalizedMention | null; raw: string; pid: string }[];
}

/** Posts of a thread page. The first post of page 1 is the thread itself; quoted posts become the parent. */
export function parseThread(
  html: string,
  ctx: { host: string; tid: string; page: number; pageUrl: string; firstPid: string | null; now: Date },
): ThreadPage {
  const $ = cheerio.load(html);
  const title = $('#thread_subject').first().text().trim();
  const pages = parseCount(/共\s*(\d+)\s*页/.exec($('div.pg label span').attr('title') ?? '')?.[1]) || 1;
  const nodes = $('#postlist > div[id^="post_"]').toArray();
  // Page 1 starts with the thread's own post; later pages learn its pid from the request.
  const firstPid =
    ctx.firstPid ??
    (ctx.page === 1 ? (/^post_(\d+)$/.exec($(nodes[0] ?? '').attr('id') ?? '')?.[1] ?? null) : null);
  const posts = nodes.map((el, i) => {
    const pid = /^post_(\d+)$/.exec($(el).attr('id') ?? '')?.[1] ?? '';
    const raw = $.html(el);
    const node = $(el);
    const at = discuzTime(node.find(`em[id^="authorposton"]`).first(), ctx.now);
    const body = node.find(`td.t_f`).first();
    if (!pid || !at || body.length === 0) return { mention: null, raw, pid };
    const quoted =
      /[?&;]pid=(\d+)/.exec(body.find('div.quote a[href*="findpost"]').attr('href') ?? '')?.[1] ?? null;
    const first = (ctx.page === 1 && i === 0) || pid === firstPid;
    const author = node.find('td.pls .authi a.xw1, .authi a.xw1').first();
    const thread = threadKey(ctx.host, ctx.tid);
    const parent = quoted ? (quoted === firstPid ? thread : postKey(ctx.host, quoted)) : thread;
    const m = mention({
      source: 'discuz',
      externalId: first ? thread : postKey(ctx.host, pid),
      url: first ? ctx.pageUrl.replace(/#.*$/, '') : `${ctx.pageUrl.replace(/#.*$/, '')}#pid${pid}`,
      author: { id: uidOf(author.attr('href')), name: author.text().trim() || null },
      title: first ? title || null : null,
      text: htmlToText(body.html() ?? '', { remove: ['div.quote', 'i.pstatus', 'ignore_js_op', 'script'] }),
      raw: { html: raw },
      publishedAt: at,
      parentExternalId: first ? null : parent,
      threadId: ctx.tid,
    });
    return { mention: m, raw, pid };
  });
  return { title, pages, posts };
}

/** The text of a `div#messagetext` notice page, or null for a normal page. */
export function messageText(html: string): string | null {
  if (!html.includes('messagetext')) return null;
  const $ = cheerio.load(html);
  const box = $('#messagetext');
  return box.length ? box.find('p').first().text().trim() || box.text().trim() : null;
}
