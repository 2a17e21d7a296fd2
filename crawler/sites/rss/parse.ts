import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { ParseError } from '../../../core/index.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { cleanText, htmlToText } from '../../text/html-text.ts';
import type { NormalizedMention } from '../../types.ts';
import { mention } from '../common.ts';

/**
 * RSS 2.0 / RSS 1.0 (RDF) / Atom 1.0 parsing with cheerio in XML mode (sources.md §8): CDATA and
 * entity-escaped HTML descriptions, RFC 822 and RFC 3339 dates (zone-less = China time), relative links
 * resolved against the feed URL, and the dedup id from `guid` / Atom `id` / the normalised link.
 */

/** One feed item before it becomes a mention. */
export interface FeedItem {
  /** Dedup key: guid, Atom id, or the normalised link. */
  id: string;
  /** Absolute link, or null. */
  url: string | null;
  title: string;
  /** Plain-text body. */
  body: string;
  author: string | null;
  /** The item's date text as written, or null when it has none. */
  date: string | null;
  /** The item's XML, for `raw`. */
  xml: string;
}

/** A parsed feed: its format, title and items (items missing an id come back as errors). */
export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf';
  title: string;
  items: FeedItem[];
  /** Items that could not be identified, with their XML. */
  invalid: { reason: string; xml: string }[];
}

type Cheerio = cheerio.Cheerio<Element>;

/** The local part of a possibly prefixed XML name (`atom:feed` → `feed`). */
function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Plain text of a text construct, collapsed (titles, names, ids). */
function plain(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/** A link resolved against the feed URL, without its fragment; null when it is not a URL. */
export function normalizeLink(href: string, feedUrl: string): string | null {
  const h = href.trim();
  if (!h) return null;
  try {
    const u = new URL(h, feedUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** First child element with one of these names (prefixed names escaped for CSS). */
function child(el: Cheerio, ...names: string[]): Cheerio {
  for (const n of names) {
    const found = el.children(n.replace(':', '\\:')).first();
    if (found.length) return found;
  }
  return el.children('__none__');
}

/** Text of the first child with one of these names, or ''. */
function childText(el: Cheerio, ...names: string[]): string {
  return child(el, ...names).text();
}

/** RSS `author` is often `mail@host (Name)`: keep the name. */
function rssAuthor(value: string): string | null {
  const text = plain(value);
  if (!text) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  return m?.[1]?.trim() || text;
}

/** Item XML for `raw` (bounded: feeds embed whole articles). */
function xmlOf($: cheerio.CheerioAPI, el: Cheerio): string {
  return ($.xml(el) ?? '').slice(0, 20_000);
}

function rssItem(
  $: cheerio.CheerioAPI,
  el: Cheerio,
  feedUrl: string,
): FeedItem | { reason: string; xml: string } {
  const xml = xmlOf($, el);
  const guidEl = child(el, 'guid');
  const guid = plain(guidEl.text());
  const url = normalizeLink(childText(el, 'link'), feedUrl);
  // A permalink guid (the default) is a URL: resolve it so relative guids are stable keys.
  const permalink = guidEl.attr('isPermaLink')?.trim().toLowerCase() !== 'false';
  const id = (guid && permalink ? (normalizeLink(guid, feedUrl) ?? guid) : guid) || url;
  if (!id) return { reason: 'rss item without guid or link', xml };
  return {
    id,
    url: url ?? (permalink && guid ? normalizeLink(guid, feedUrl) : null),
    title: plain(htmlToText(childText(el, 'title'))),
    body: htmlToText(childText(el, 'content:encoded') || childText(el, 'description')),
    author: rssAuthor(childText(el, 'dc:creator', 'author')),
    date: plain(childText(el, 'pubDate', 'dc:date')) || null,
    xml,
  };
}

/** Atom text construct → plain text (`type="html"`/`xhtml` content is HTML). */
function atomText($: cheerio.CheerioAPI, el: Cheerio): string {
  if (!el.length) return '';
  const type = (el.attr('type') ?? 'text').toLowerCase();
  if (type === 'xhtml')
    return htmlToText(
      el
        .children()
        .toArray()
        .map((c) => $.xml(c))
        .join(''),
    );
  // type="text" is literal text: markup-looking characters in it are content, not tags.
  return type.includes('html') ? htmlToText(el.text()) : cleanText(el.text().replace(/\r\n?/g, '\n')).trim();
}

function atomLink(el: Cheerio, feedUrl: string): string | null {
  const links = el.children('link').toArray();
  const alt = links.find((l) => (l.attribs.rel ?? 'alternate') === 'alternate') ?? links[0];
  return alt ? normalizeLink(alt.attribs.href ?? '', feedUrl) : null;
}

function atomEntry(
  $: cheerio.CheerioAPI,
  el: Cheerio,
  feedUrl: string,
): FeedItem | { reason: string; xml: string } {
  const xml = xmlOf($, el);
  const url = atomLink(el, feedUrl);
  const id = plain(childText(el, 'id')) || url;
  if (!id) return { reason: 'atom entry without id or link', xml };
  const content = child(el, 'content');
  return {
    id,
    url,
    title: plain(atomText($, child(el, 'title'))),
    body: atomText($, content.length ? content : child(el, 'summary')),
    author: plain(child(el, 'author').children('name').first().text()) || null,
    date: plain(childText(el, 'published', 'updated', 'dc:date')) || null,
    xml,
  };
}

/** The root element, checked closed: a cut body parses "fine" in a tolerant parser, so look for its end tag. */
function rootOf($: cheerio.CheerioAPI, text: string, url: string): { name: string; el: Cheerio } {
  // children() yields elements only: the first is the root (the XML declaration is not one).
  const node = $.root().children().toArray()[0];
  const el = node ? $(node) : $.root().children('__none__');
  const name = node?.name ?? '';
  const local = localName(name.toLowerCase());
  if (local !== 'rss' && local !== 'feed' && local !== 'rdf') {
    throw new ParseError(
      `rss: ${url} is not an RSS or Atom feed (root <${name || 'none'}>)`,
      text.slice(0, 2000),
    );
  }
  const tail = text.replace(/(?:\s|<!--[\s\S]*?-->)*$/, '');
  if (!tail.toLowerCase().endsWith(`</${name.toLowerCase()}>`)) {
    throw new ParseError(`rss: ${url} is not well-formed (no closing </${name}>)`, text.slice(-2000));
  }
  return { name: local, el };
}

/** Parse a feed document; throws {@link ParseError} when it is not a (complete) feed. */
export function parseFeed(text: string, feedUrl: string): ParsedFeed {
  const $ = cheerio.load(text, { xml: true });
  const root = rootOf($, text, feedUrl);
  const format = root.name === 'feed' ? 'atom' : root.name === 'rdf' ? 'rdf' : 'rss';
  const nodes =
    format === 'atom'
      ? root.el.children('entry')
      : format === 'rdf'
        ? root.el.children('item')
        : root.el.children('channel').children('item');
  const items: FeedItem[] = [];
  const invalid: ParsedFeed['invalid'] = [];
  for (const node of nodes.toArray()) {
    const el = $(node);
    const item = format === 'atom' ? atomEntry($, el, feedUrl) : rssItem($, el, feedUrl);
    if ('reason' in item) invalid.push(item);
    else items.push(item);
  }
  const title = plain(
    format === 'rss'
      ? root.el.children('channel').children('title').first().text()
      : root.el.children('title').first().text(),
  );
  return { format, title, items, invalid };
}

/** The publish time of an item: its date, or `now` when the feed gives none; null for an unreadable date. */
export function itemDate(item: FeedItem, now: Date): Date | null {
  if (item.date === null) return new Date(now.getTime());
  return parseSiteDate(item.date, now);
}

/** A feed item as a mention (`text` is the title, a newline, then the body). */
export function feedMention(
  item: FeedItem,
  at: Date,
  feed: { url: string; title: string },
): NormalizedMention {
  const text = [item.title, item.body].filter((s) => s.length > 0).join('\n');
  return mention({
    source: 'rss',
    externalId: item.id,
    url: item.url,
    author: { name: item.author },
    title: item.title || null,
    text,
    raw: { xml: item.xml, feedUrl: feed.url, feedTitle: feed.title },
    publishedAt: at,
  });
}
