import * as cheerio from 'cheerio';
import { ParseError } from '../../../core/index.ts';
import { parseCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { htmlToText } from '../../text/html-text.ts';
import { parseRegion } from '../../text/region.ts';
import type { NormalizedMention } from '../../types.ts';
import { idStr, mention, obj, str } from '../common.ts';

/** The JSON of a reply that may be JSONP (`try{jQuery123({...});}catch(e){};`). */
export function unwrapJsonp(text: string): string {
  const m =
    /^\s*(?:try\s*\{\s*)?[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*(?:\}\s*catch\s*\(\s*\w+\s*\)\s*\{\s*\}\s*;?)?\s*$/.exec(
      text,
    );
  return m?.[1] ?? text;
}

/** The `result` envelope: status code, list items (`lists`, or `complaints` on company lists), pager. */
export interface HeimaoEnvelope {
  code: number;
  msg: string;
  lists: Record<string, unknown>[];
  pager: { current: number; pageAmount: number; itemCount: number };
}

/** Parse a (JSON or JSONP) list reply; throws {@link ParseError} when there is no result envelope. */
export function envelopeOf(text: string, url: string): HeimaoEnvelope {
  let body: unknown;
  try {
    body = JSON.parse(unwrapJsonp(text));
  } catch (err) {
    throw new ParseError(
      `heimao: no result envelope in ${url} (${(err as Error).message})`,
      text.slice(0, 2000),
      { cause: err },
    );
  }
  const result = obj(obj(body)?.result);
  const status = obj(result?.status);
  if (!result || !status) throw new ParseError(`heimao: no result envelope in ${url}`, text.slice(0, 2000));
  const data = obj(result.data) ?? {};
  const list = Array.isArray(data.lists) ? data.lists : Array.isArray(data.complaints) ? data.complaints : [];
  const pager = obj(data.pager) ?? {};
  return {
    code: Number(status.code ?? -1),
    msg: str(status.msg) ?? '',
    lists: list.flatMap((i) => (obj(i) ? [obj(i) ?? {}] : [])),
    pager: {
      current: parseCount(pager.current) || 1,
      pageAmount: parseCount(pager.page_amount),
      itemCount: parseCount(pager.item_count),
    },
  };
}

/** The complaint number and time of a list item. */
export function listKey(item: Record<string, unknown>): { sn: string; at: Date | null } | null {
  const main = obj(item.main);
  const sn = idStr(main?.sn);
  if (!main || !sn) return null;
  return { sn, at: parseSiteDate(idStr(main.timestamp), new Date(0)) };
}

/** One step of a complaint's progress (投诉发布, 商家已回复, 评价…). */
export interface ComplaintStep {
  name: string;
  status: string;
  date: string;
  text: string;
}

/** The detail page: the question fields (投诉编号, 投诉对象…) and the steps. */
export interface HeimaoDetail {
  title: string;
  fields: Record<string, string>;
  progress: string;
  steps: ComplaintStep[];
}

/** Parse a complaint detail page. */
export function parseComplaintDetail(html: string): HeimaoDetail {
  const $ = cheerio.load(html);
  const fields: Record<string, string> = {};
  $('ul.ts-q-list > li').each((_i, li) => {
    const label = $(li)
      .find('label')
      .text()
      .replace(/[：:]\s*$/, '')
      .trim();
    const value = $(li).clone().children('label').remove().end().text().trim();
    if (label) fields[label] = value;
  });
  const steps = $('div.ts-d-steplist > div.ts-d-item')
    .toArray()
    .map((el) => ({
      name: $(el).find('span.u-name').first().text().trim(),
      status: $(el).find('span.u-status').first().text().trim(),
      date: $(el).find('span.u-date').first().text().trim(),
      text: htmlToText($(el).find('div.ts-d-cont, div.ts-reply').first().html() ?? ''),
    }));
  return {
    title: $('h1.article').first().text().trim(),
    fields,
    progress: $('ul.ts-q-list b').last().text().trim(),
    steps,
  };
}

/** A complaint as a mention: list fields, full text and steps from the detail page when fetched. */
export function complaintMention(
  item: Record<string, unknown>,
  detail: HeimaoDetail | null,
  pageUrl: string,
): NormalizedMention | null {
  const key = listKey(item);
  if (!key?.at) return null;
  const main = obj(item.main) ?? {};
  const author = obj(item.author) ?? {};
  const url = str(main.url) ? new URL(str(main.url) ?? '', pageUrl).href : null;
  const filed = detail?.steps.find((s) => /投诉发布/.test(s.status));
  const summary = htmlToText(str(main.summary) ?? '');
  const title = htmlToText(str(main.title) ?? '') || detail?.title || '';
  const body = filed?.text || summary;
  return mention({
    source: 'heimao',
    externalId: key.sn,
    url,
    author: {
      id: idStr(main.uid) ?? /\/u\/(\d+)/.exec(str(author.wb_profile) ?? '')?.[1] ?? null,
      name: str(author.title),
    },
    title: title || null,
    // The complaint reads as its title, then the complaint text (the full text from the detail page).
    text: title ? `${title}\n${body}` : body,
    raw: { item, detail, company: htmlToText(str(main.cotitle) ?? '') },
    publishedAt: key.at,
    region: parseRegion(author.location ?? item.location),
    engagement: {
      likes: parseCount(main.upvote_amount),
      reposts: parseCount(main.share_amount),
      comments: parseCount(main.comment_amount),
    },
    threadId: key.sn,
  });
}
