import * as cheerio from 'cheerio';
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
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
import { parseCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { htmlToText } from '../../text/html-text.ts';
import type { NormalizedMention } from '../../types.ts';
import { assertCompleteHtml, DESKTOP_UA, joinUrl, mention } from '../common.ts';
import { detectWeiboBlock } from './adapter.ts';

/**
 * s.weibo.com search, rendered in Chromium (its cards are built client-side). `baseUrl` is the search
 * host (`https://s.weibo.com`); the page is `{baseUrl}/weibo?q=…`. Cards are `div.card-wrap[mid]`;
 * reposts carry the original in `div.card-comment`; the pager is `a.next`. IP属地 is not in this HTML.
 * Label: SWEIBO_SEARCH.
 */

/** The search page URL. */
export function sweiboSearchUrl(baseUrl: string, query: string, page: number): string {
  return joinUrl(baseUrl, `weibo?q=${encodeURIComponent(query)}&typeall=1&suball=1&page=${page}`);
}

/** The post's weibo.com permalink from the card's time link (protocol-relative, tracking query dropped). */
function permalink(href: string | undefined, pageUrl: string, fallbackId: string): string {
  if (!href) return new URL(`/detail/${fallbackId}`, pageUrl).href;
  const url = new URL(href, new URL(pageUrl).protocol === 'http:' ? 'https://weibo.com/' : pageUrl);
  url.search = '';
  return url.href;
}

function uidOf(href: string | undefined): string | null {
  return /weibo\.com\/(?:u\/)?(\d+)/.exec(href ?? '')?.[1] ?? null;
}

/** The repost block of a card: the original's id, author, text and time. */
function originalOf(
  $: cheerio.CheerioAPI,
  card: Cheerio<Element>,
  baseUrl: string,
  now: Date,
): NormalizedMention | null {
  const box = card.find('div.card-comment').first();
  if (box.length === 0) return null;
  const mid = /mid=(\d+)/.exec(box.find('a[action-type="feed_list_like"]').attr('action-data') ?? '')?.[1];
  const who = box.find('[node-type="feed_list_forwardContent"] a[nick-name]').first();
  const timeLink = box.find('p.from a').first();
  const at = parseSiteDate(timeLink.text(), now);
  if (!mid || !at) return null;
  const acts = box.find('ul.act li');
  return mention({
    source: 'weibo',
    externalId: mid,
    url: permalink(timeLink.attr('href'), baseUrl, mid),
    author: { id: uidOf(who.attr('href')), name: who.attr('nick-name') ?? null },
    text: htmlToText(box.find('p.txt').first().html() ?? ''),
    raw: { html: $.html(box) },
    publishedAt: at,
    engagement: {
      reposts: parseCount(acts.eq(0).text()),
      comments: parseCount(acts.eq(1).text()),
      likes: parseCount(box.find('.woo-like-count').first().text()),
    },
    threadId: mid,
  });
}

/** One rendered card as mentions (the post, and the reposted original when present). */
function cardMentions(
  $: cheerio.CheerioAPI,
  el: Element,
  baseUrl: string,
  now: Date,
): NormalizedMention[] | string {
  const card = $(el);
  const mid = card.attr('mid');
  const content = card.find('div.content').first();
  const timeLink = content.children('div.from').find('a').first();
  const at = parseSiteDate(timeLink.text(), now);
  if (!mid || !at) return `s.weibo card ${mid ?? '?'} without ${mid ? 'a parseable time' : 'a mid'}`;
  const name = content.find('div.info a.name').first();
  const full = content.children('p[node-type="feed_list_content_full"]').first();
  const text =
    (full.length ? full : content.children('p[node-type="feed_list_content"]').first()).html() ?? '';
  const original = originalOf($, card, baseUrl, now);
  const post = mention({
    source: 'weibo',
    externalId: mid,
    url: permalink(timeLink.attr('href'), baseUrl, mid),
    author: {
      id: uidOf(name.attr('href')),
      name: name.attr('nick-name') ?? (name.text().trim() || null),
      verified: card.find('div.avator svg[id^="woo_svg_v"]').length > 0,
    },
    text: htmlToText(text),
    raw: { html: $.html(el) },
    publishedAt: at,
    engagement: {
      reposts: parseCount(card.find('div.card-act a[action-type="feed_list_forward"]').text()),
      comments: parseCount(card.find('div.card-act a[action-type="feed_list_comment"]').text()),
      likes: parseCount(card.find('div.card-act .woo-like-count').first().text()),
    },
    parentExternalId: original?.externalId ?? null,
    threadId: original?.externalId ?? mid,
  });
  return original ? [post, original] : [post];
}

async function search(page: FetchedPage, call: HandlerCall): Promise<void> {
  assertCompleteHtml(page);
  const $ = cheerio.load(page.text);
  const cards = $('div.card-wrap[mid]').toArray();
  if (cards.length === 0 && $('div.card-no-result').length === 0)
    throw new ParseError(
      `s.weibo: no cards and no empty-result marker (${page.url})`,
      page.text.slice(0, 2000),
    );
  const out: NormalizedMention[] = [];
  const entries: ListEntry[] = [];
  for (const el of cards) {
    const ms = cardMentions($, el, call.source.baseUrl, call.now);
    if (typeof ms === 'string') {
      await call.reject(ms, $.html(el));
      continue;
    }
    const [post] = ms;
    if (post) entries.push({ id: post.externalId, at: post.publishedAt });
    if (post && call.isFresh({ id: post.externalId, at: post.publishedAt })) out.push(...ms);
  }
  const more = call.observe(entries);
  await call.emit(out);
  const next = $('a.next').attr('href');
  if (more && next)
    await call.enqueue([{ url: new URL(next, page.loadedUrl).href, label: 'SWEIBO_SEARCH', list: true }]);
}

/** Blocks on s.weibo.com: the m.weibo.cn signals plus a redirect to the login page. */
function detectBlock(page: FetchedPage): BlockSignal | null {
  if (/passport\.weibo\.com|login\.sina\.com\.cn|\/signin/.test(page.loadedUrl))
    return { signal: 'passport', message: 's.weibo redirected to the login page' };
  return detectWeiboBlock(page);
}

/** The s.weibo.com browser adapter (`browser: true` weibo sources). */
export const weiboBrowserAdapter: SiteAdapter = {
  kind: 'weibo',
  targetKinds: ['search'],
  start: (source: SourceConfig, target: CrawlTarget): CrawlRequest[] => [
    { url: sweiboSearchUrl(source.baseUrl, target.value, 1), label: 'SWEIBO_SEARCH', list: true },
  ],
  handlers: { SWEIBO_SEARCH: search },
  detectBlock,
  browserReady: '#pl_feedlist_index .card-wrap, #pl_feedlist_index .card-no-result',
  headers: () => ({ 'User-Agent': DESKTOP_UA }),
};
