import { parseCount } from '../../text/counts.ts';
import { parseSiteDate } from '../../text/dates.ts';
import { cleanText, htmlToText } from '../../text/html-text.ts';
import type { NormalizedMention } from '../../types.ts';
import { mention, obj, str } from '../common.ts';

/**
 * Apple's legacy customer-review JSON feed (sources.md §7): every field is wrapped as `{label: …}`,
 * `feed.entry` is an array or (one review) a single object, and the app's metadata entry (no
 * `im:rating`) comes first on multi-review pages.
 */

/** `{label: "x"}` → "x"; null when absent. */
export function labelOf(value: unknown): string | null {
  const o = obj(value);
  const label = o ? o.label : undefined;
  if (typeof label === 'string') return label;
  return typeof label === 'number' ? String(label) : null;
}

/** The entries of a feed page (array, single object or none), metadata entries removed. */
export function reviewEntries(body: unknown): Record<string, unknown>[] | null {
  const feed = obj(obj(body)?.feed);
  if (!feed) return null;
  const raw = feed.entry;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((e) => obj(e)).filter((e): e is Record<string, unknown> => e !== null && 'im:rating' in e);
}

/** The page number of the feed's `rel=last` link, or null. */
export function lastPage(body: unknown): number | null {
  const links = obj(obj(body)?.feed)?.link;
  for (const l of Array.isArray(links) ? links : [links]) {
    const attrs = obj(obj(l)?.attributes);
    if (attrs?.rel !== 'last') continue;
    const m = /\/page=(\d+)\//.exec(str(attrs.href) ?? '');
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

/** Review id and time (for the stop rule); null when either is missing. */
export function reviewKey(e: Record<string, unknown>, now: Date): { id: string; at: Date } | null {
  const id = labelOf(e.id)?.trim();
  const at = parseSiteDate(labelOf(e.updated), now);
  return id && at ? { id, at } : null;
}

/** Review text; `type="html"` content is converted, plain text kept as written. */
function contentText(e: Record<string, unknown>): string {
  const content = obj(e.content);
  const text = labelOf(content) ?? '';
  const type = str(obj(content?.attributes)?.type) ?? 'text';
  return type.includes('html') ? htmlToText(text) : cleanText(text.replace(/\r\n?/g, '\n')).trim();
}

function authorOf(e: Record<string, unknown>): { id: string | null; name: string | null } {
  const a = obj(e.author);
  const id = /\/id(\d+)/.exec(labelOf(a?.uri) ?? '')?.[1] ?? null;
  return { id, name: labelOf(a?.name) };
}

/** The review's own link (`rel=related`), or null. */
function linkOf(e: Record<string, unknown>): string | null {
  const links = Array.isArray(e.link) ? e.link : [e.link];
  for (const l of links) {
    const href = str(obj(obj(l)?.attributes)?.href);
    if (href) return href;
  }
  return null;
}

/**
 * One review as a mention: text is "title\ncontent", the rating stays in `raw`, `im:voteSum` (helpful
 * votes) counts as likes. Throws TypeError for a review without an id or date (the caller quarantines it).
 */
export function reviewMention(e: Record<string, unknown>, now: Date): NormalizedMention {
  const key = reviewKey(e, now);
  if (!key) throw new TypeError(`review without ${labelOf(e.id) ? 'a parseable updated date' : 'an id'}`);
  const title = cleanText(labelOf(e.title) ?? '').trim();
  const body = contentText(e);
  return mention({
    source: 'appstore',
    externalId: key.id,
    url: linkOf(e),
    author: authorOf(e),
    title: title || null,
    text: [title, body].filter((s) => s.length > 0).join('\n'),
    raw: e,
    publishedAt: key.at,
    engagement: { likes: parseCount(labelOf(e['im:voteSum'])) },
  });
}
