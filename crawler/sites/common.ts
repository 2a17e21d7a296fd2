import type { SourceKind } from '../../core/index.ts';
import { ParseError } from '../../core/index.ts';
import type { FetchedPage } from '../engine/types.ts';
import type { MentionAuthor, NormalizedMention } from '../types.ts';

/** Fields an adapter fills; the engine sets sourceId, crawledAt and query. */
export interface MentionFields {
  source: SourceKind;
  externalId: string;
  url: string | null;
  author?: Partial<MentionAuthor>;
  title?: string | null;
  text: string;
  raw: unknown;
  publishedAt: Date;
  region?: string | null;
  engagement?: { reposts?: number; comments?: number; likes?: number };
  parentExternalId?: string | null;
  threadId?: string | null;
}

/** A NormalizedMention with defaults for everything the site did not say. */
export function mention(f: MentionFields): NormalizedMention {
  return {
    source: f.source,
    externalId: f.externalId,
    sourceId: '',
    url: f.url,
    author: {
      id: f.author?.id ?? null,
      name: f.author?.name ?? null,
      followers: f.author?.followers ?? null,
      verified: f.author?.verified ?? false,
    },
    title: f.title ?? null,
    text: f.text,
    raw: f.raw,
    publishedAt: f.publishedAt,
    crawledAt: f.publishedAt,
    region: f.region ?? null,
    engagement: {
      reposts: f.engagement?.reposts ?? 0,
      comments: f.engagement?.comments ?? 0,
      likes: f.engagement?.likes ?? 0,
    },
    parentExternalId: f.parentExternalId ?? null,
    threadId: f.threadId ?? null,
    query: null,
  };
}

const jsonCache = new WeakMap<FetchedPage, unknown>();

/** The page body as JSON (memoised), or throw {@link ParseError}. */
export function jsonOf(page: FetchedPage): unknown {
  if (jsonCache.has(page)) return jsonCache.get(page);
  let value: unknown;
  try {
    value = JSON.parse(page.text) as unknown;
  } catch (err) {
    throw new ParseError(
      `invalid JSON from ${page.url}: ${(err as Error).message}`,
      page.text.slice(0, 2000),
      { cause: err },
    );
  }
  jsonCache.set(page, value);
  return value;
}

/** The page body as JSON, or undefined when it is not JSON (for block detection). */
export function maybeJson(page: FetchedPage): unknown {
  const t = page.text.trimStart();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return jsonOf(page);
  } catch {
    return undefined;
  }
}

/** A plain object, or null. */
export function obj(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A string for ids that may arrive as numbers; null when absent. */
export function idStr(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** A string field or null. */
export function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Resolve `path` against a base URL that may carry a path prefix (`http://host/weibo` + `detail/1`). */
export function joinUrl(base: string, path: string): string {
  return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href;
}

/** A mobile browser User-Agent. */
export const MOBILE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** A desktop browser User-Agent. */
export const DESKTOP_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

/**
 * Throw {@link ParseError} for an HTML document that was cut short (no closing `</html>`): a truncated
 * page still parses, but silently misses the items after the cut. Fragments (`/p/comment`) are exempt.
 */
export function assertCompleteHtml(page: FetchedPage): void {
  if (!/<\/html>\s*$/i.test(page.text))
    throw new ParseError(`HTML document is cut off (${page.url})`, page.text.slice(-2000));
}
