import * as cheerio from 'cheerio';
import { parseCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { htmlToText } from '../../text/html-text.ts';
import { parseRegion } from '../../text/region.ts';
import type { NormalizedMention } from '../../types.ts';
import { idStr, joinUrl, mention, obj, str } from '../common.ts';

/** One hit of the classic search page (`div.s_post`). */
export interface TiebaSearchHit {
  /** `thread:{tid}` for a thread start, `post:{pid}` for a reply ("回复:" titles). */
  id: string;
  tid: string;
  pid: string | null;
  at: Date | null;
}

/** Parse a data-field attribute (HTML-escaped JSON; cheerio already unescaped it). */
export function dataField(value: string | undefined): Record<string, unknown> {
  if (!value) return {};
  try {
    return obj(JSON.parse(value)) ?? {};
  } catch {
    return {};
  }
}

/** The search result list. */
export function parseSearchHits(html: string, now: Date): TiebaSearchHit[] {
  const $ = cheerio.load(html);
  return $('div.s_post')
    .toArray()
    .flatMap((el) => {
      const a = $(el).find('span.p_title a.bluelink').first();
      const tid = a.attr('data-tid') ?? /\/p\/(\d+)/.exec(a.attr('href') ?? '')?.[1];
      if (!tid) return [];
      const pid = /[?&]pid=(\d+)/.exec(a.attr('href') ?? '')?.[1] ?? null;
      const reply = /^\s*回复[:：]/.test(a.text());
      const at = parseSiteDate($(el).find('font.p_date, .p_date').first().text(), now);
      return [{ id: reply && pid ? `post:${pid}` : `thread:${tid}`, tid, pid, at }];
    });
}

/** A thread title without the 【吧名】 prefix and "_百度贴吧" suffix some pages add. */
export function cleanTitle(title: string): string {
  return title
    .replace(/^【[^】]*】/, '')
    .replace(/_百度贴吧$/, '')
    .trim();
}

/** Thread page facts: title, forum id, page count. */
export interface ThreadPageInfo {
  title: string;
  forumId: string | null;
  pages: number;
}

/** Floors of a thread page as mentions (floor 1 is the thread itself), plus paging info. */
export function parseThreadPage(
  html: string,
  tid: string,
  baseUrl: string,
  now: Date,
): {
  info: ThreadPageInfo;
  floors: { mention: NormalizedMention | null; pid: string; lzl: number; raw: string; error?: string }[];
} {
  const $ = cheerio.load(html);
  const title = cleanTitle($('h3.core_title_txt').attr('title') ?? $('h3.core_title_txt').text());
  const pages = parseCount($('li.l_reply_num span.red').eq(1).text()) || 1;
  let forumId: string | null = null;
  const floors = $('div.l_post[data-pid]')
    .toArray()
    .map((el) => {
      const node = $(el);
      const pid = node.attr('data-pid') ?? '';
      const field = dataField(node.attr('data-field'));
      const author = obj(field.author) ?? {};
      const content = obj(field.content) ?? {};
      forumId = forumId ?? idStr(content.forum_id);
      const tails = node.find('div.post-tail-wrap').first();
      const region = parseRegion(
        tails
          .find('span')
          .filter((_i, s) => /IP属地/.test($(s).text()))
          .first()
          .text(),
      );
      const dateText = tails
        .find('span.tail-info')
        .filter((_i, s) => /\d{4}-\d{1,2}-\d{1,2}/.test($(s).text()))
        .last()
        .text();
      const at = parseSiteDate(dateText, now);
      const postNo = Number(content.post_no ?? 0);
      const raw = $.html(el);
      const lzl = parseCount(content.comment_num);
      if (!at || !pid)
        return {
          mention: null,
          pid,
          lzl,
          raw,
          error: `tieba floor ${pid || '?'} without ${pid ? 'a date' : 'a pid'}`,
        };
      const first = postNo === 1;
      const m = mention({
        source: 'tieba',
        externalId: first ? `thread:${tid}` : `post:${pid}`,
        url: joinUrl(baseUrl, first ? `p/${tid}` : `p/${tid}?pid=${pid}#${pid}`),
        author: { id: idStr(author.user_id), name: str(author.user_nickname) ?? str(author.user_name) },
        title: first ? title : null,
        text: htmlToText(node.find('div.d_post_content').first().html() ?? ''),
        raw: { html: raw },
        publishedAt: at,
        region,
        engagement: { comments: first ? 0 : lzl },
        parentExternalId: first ? null : `thread:${tid}`,
        threadId: tid,
      });
      return { mention: m, pid, lzl, raw };
    });
  return { info: { title, forumId, pages }, floors };
}

/** 楼中楼 replies of one floor, plus the page count. */
export function parseLzlPage(
  html: string,
  tid: string,
  pid: string,
  baseUrl: string,
  now: Date,
): { replies: { mention: NormalizedMention | null; raw: string }[]; pages: number } {
  const $ = cheerio.load(html, null, false);
  const pager = dataField($('li.lzl_li_pager').attr('data-field'));
  const replies = $('li.lzl_single_post')
    .toArray()
    .map((el) => {
      const node = $(el);
      const field = dataField(node.attr('data-field'));
      const spid = idStr(field.spid);
      const at = parseSiteDate(node.find('span.lzl_time').first().text(), now);
      const raw = $.html(el);
      if (!spid || !at) return { mention: null, raw };
      return {
        mention: mention({
          source: 'tieba',
          externalId: `reply:${spid}`,
          url: joinUrl(baseUrl, `p/${tid}?pid=${pid}#${pid}`),
          author: { name: str(field.showname) ?? str(field.user_name) },
          text: htmlToText(node.find('span.lzl_content_main').first().html() ?? ''),
          raw: { html: raw },
          publishedAt: at,
          parentExternalId: `post:${pid}`,
          threadId: tid,
        }),
        raw,
      };
    });
  return { replies, pages: parseCount(pager.total_page) || 1 };
}

/** One thread of a forum's thread list. */
export interface BoardThread {
  tid: string;
  /** Last reply time (the list's order), else creation time. */
  at: Date | null;
  pinned: boolean;
}

/** The forum thread list, shipped inside HTML comments (BigPipe); the next-page URL. */
export function parseBoardPage(
  html: string,
  pageUrl: string,
  now: Date,
): { threads: BoardThread[]; next: string | null } {
  const unwrapped = html.replace(
    /<code[^>]*class="pagelet_html"[^>]*>\s*<!--([\s\S]*?)-->\s*<\/code>/g,
    '$1',
  );
  const $ = cheerio.load(unwrapped);
  const threads = $('li.j_thread_list')
    .toArray()
    .flatMap((el) => {
      const node = $(el);
      const field = dataField(node.attr('data-field'));
      const tid = node.attr('data-tid') ?? idStr(field.id);
      if (!tid) return [];
      const last = node.find('span.threadlist_reply_date').first().text().trim();
      const created = node.find('span.is_show_create_time').first().text().trim();
      return [
        { tid, at: parseSiteDate(last || created, now), pinned: field.is_top === 1 || field.is_top === true },
      ];
    });
  const href = $('a.next.pagination-item').attr('href');
  return { threads, next: href ? new URL(href, pageUrl).href : null };
}
