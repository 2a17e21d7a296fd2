import type { SourceKind } from '../../core/index.ts';
import type { ContentItem, Truth } from './types.ts';

/** Filter for {@link ContentStore.truths}. */
export interface TruthFilter {
  source?: SourceKind;
  scenario?: string;
  /** Only items published at or after this time (ms). */
  since?: number;
  /** Only items published at or before this time (ms). Default: everything, including future items. */
  until?: number;
}

function key(source: SourceKind, id: string): string {
  return `${source}:${id}`;
}

/** Insert keeping `list` sorted by publishedAt descending (newest first); ties keep insertion order. */
function insertSorted(list: ContentItem[], item: ContentItem): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const other = list[mid];
    if (other && other.publishedAt >= item.publishedAt) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}

/**
 * In-memory content of every replica site. Items may be dated in the future (scenario bursts, late
 * comments); sites only show items whose publishedAt is at or before the current clock.
 */
export class ContentStore {
  private readonly posts = new Map<SourceKind, ContentItem[]>();
  private readonly index = new Map<string, ContentItem>();
  private readonly alias = new Map<string, ContentItem>();
  private readonly kids = new Map<string, ContentItem[]>();
  private count = 0;

  /** Add items (posts, comments, replies). */
  add(items: readonly ContentItem[]): void {
    for (const item of items) {
      this.count++;
      this.index.set(key(item.source, item.id), item);
      if (item.extra.firstPostId) this.alias.set(key(item.source, item.extra.firstPostId), item);
      if (item.parentId === null) {
        const list = this.posts.get(item.source) ?? [];
        insertSorted(list, item);
        this.posts.set(item.source, list);
      } else {
        const k = key(item.source, item.parentId);
        const list = this.kids.get(k) ?? [];
        list.push(item);
        list.sort((a, b) => a.publishedAt - b.publishedAt);
        this.kids.set(k, list);
      }
    }
  }

  /** Number of items of every kind. */
  get size(): number {
    return this.count;
  }

  /** An item by its site id (Tieba/Discuz first-floor pids resolve to their thread). */
  get(source: SourceKind, id: string): ContentItem | undefined {
    return this.index.get(key(source, id)) ?? this.alias.get(key(source, id));
  }

  /** Top-level posts visible at `now`, newest first. */
  topLevel(source: SourceKind, now: number): ContentItem[] {
    return (this.posts.get(source) ?? []).filter((p) => p.publishedAt <= now);
  }

  /** Children of an item visible at `now`, oldest first. */
  children(source: SourceKind, parentId: string, now: number): ContentItem[] {
    return (this.kids.get(key(source, parentId)) ?? []).filter((c) => c.publishedAt <= now);
  }

  /**
   * Ground truth by the id an adapter sees. Accepts `answer:123`-style typed ids, RSS guids and links
   * ending in the article number, and Tieba/Discuz first-floor pids.
   */
  truth(source: SourceKind, externalId: string): Truth | undefined {
    const direct = this.get(source, externalId);
    if (direct) return direct.truth;
    const typed = /^[a-z_]+:(\d+)$/.exec(externalId);
    if (typed?.[1]) return this.get(source, typed[1])?.truth;
    const trailing = /(\d+)(?:\.html)?\/?$/.exec(externalId);
    if (trailing?.[1]) return this.get(source, trailing[1])?.truth;
    return undefined;
  }

  /** All truths matching the filter, in publication order. */
  truths(filter: TruthFilter = {}): Truth[] {
    const out: Truth[] = [];
    for (const item of this.index.values()) {
      const t = item.truth;
      if (filter.source && t.source !== filter.source) continue;
      if (filter.scenario && t.scenario !== filter.scenario) continue;
      if (filter.since !== undefined && t.publishedAt < filter.since) continue;
      if (filter.until !== undefined && t.publishedAt > filter.until) continue;
      out.push(t);
    }
    return out.sort((a, b) => a.publishedAt - b.publishedAt);
  }
}
