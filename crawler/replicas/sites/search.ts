import { searchAliases } from '../generator/brands.ts';
import type { ContentItem } from '../types.ts';

const BRAND_NAMES = ['中国联通', '中国移动', '中国电信', '中国广电'];

/**
 * Keyword match as the sites roughly do it: every whitespace-separated term must occur in the title or
 * text; a canonical operator name also matches its common aliases (a search for 中国联通 finds 联通).
 */
export function matches(item: ContentItem, query: string): boolean {
  const haystack = `${item.title}\n${item.text}`.toLowerCase();
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return false;
  return terms.every((term) => {
    if (haystack.includes(term)) return true;
    const brand = BRAND_NAMES.find((b) => b === term);
    return brand ? searchAliases(brand).some((a) => haystack.includes(a.toLowerCase())) : false;
  });
}

/** Wrap occurrences of the query terms in `open`…`close` (input must already be escaped HTML). */
export function highlight(html: string, query: string, open: string, close: string): string {
  let out = html;
  for (const term of query.split(/\s+/).filter((t) => t.length > 0 && !/[<>&"']/.test(t))) {
    out = out.split(term).join(`${open}${term}${close}`);
  }
  return out;
}

/** Page `page` (1-based) of `size` items. */
export function pageOf<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** A positive integer query value, or the default. */
export function intParam(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** A string query value, or ''. */
export function strParam(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
