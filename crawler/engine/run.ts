import type { Logger, SourceConfig } from '../../core/index.ts';
import type { CrawlCursor } from '../../store/index.ts';
import type { NormalizedMention } from '../types.ts';
import type { CrawlStateStore } from './state-store.ts';
import type { CrawlRequest, CrawlTarget, HandlerCall, ListEntry, MentionSink } from './types.ts';

/** Per-run settings resolved from the crawl options. */
export interface RunSettings {
  /** List pages per target. */
  maxPages: number;
  /** Backfill floor: page back to here, ignoring the cursor. Null for an incremental run. */
  since: Date | null;
  comments: boolean;
  maxCommentPages: number;
  maxThreadPages: number;
  clock: () => Date;
}

/** Progress of one target in this run. */
export interface TargetState {
  target: CrawlTarget;
  cursor: CrawlCursor;
  listEnqueued: number;
  /** List pages fetched. */
  listPages: number;
  pages: number;
  items: number;
  pending: number;
  failures: string[];
  newestAt: number | null;
  newestIds: Set<string>;
  reachedSeen: boolean;
}

/** Adds requests to the crawler's queue. */
export type AddRequests = (requests: (CrawlRequest & { target: string })[]) => Promise<void>;

function mentionKey(m: NormalizedMention): string {
  return `${m.source}\u0000${m.externalId}`;
}

/**
 * The state of one crawl run: targets and their cursors, the page budget, run-wide de-duplication of
 * emitted mentions, pending work per target (a target's cursor only advances when all its work is done
 * and every batch was accepted), and counters for the health record.
 */
export class CrawlRun {
  readonly targets = new Map<string, TargetState>();
  readonly emitted = new Set<string>();
  readonly queued = new Set<string>();
  readonly urlTargets = new Map<string, string>();
  readonly skipped: { url: string; reason: string }[] = [];
  readonly errors: string[] = [];
  readonly usedAccounts = new Set<string>();
  pages = 0;
  items = 0;
  quarantined = 0;
  blocked: { signal: string; until: Date } | null = null;
  addRequests: AddRequests = async () => {};
  onProgress: ((run: CrawlRun) => void) | undefined;

  constructor(
    readonly source: SourceConfig,
    readonly store: CrawlStateStore,
    readonly sink: MentionSink,
    readonly settings: RunSettings,
    readonly logger: Logger,
  ) {}

  now(): Date {
    return this.settings.clock();
  }

  addTarget(target: CrawlTarget, cursor: CrawlCursor): TargetState {
    const state: TargetState = {
      target,
      cursor,
      listEnqueued: 0,
      listPages: 0,
      pages: 0,
      items: 0,
      pending: 0,
      failures: [],
      newestAt: null,
      newestIds: new Set(),
      reachedSeen: false,
    };
    this.targets.set(target.key, state);
    return state;
  }

  target(key: unknown): TargetState {
    const t = typeof key === 'string' ? this.targets.get(key) : undefined;
    if (!t) throw new Error(`unknown crawl target ${String(key)}`);
    return t;
  }

  /** Queue requests for a target: run-wide de-duplication and the list-page budget. */
  async enqueue(t: TargetState, requests: CrawlRequest[]): Promise<void> {
    const add: (CrawlRequest & { target: string })[] = [];
    for (const r of requests) {
      const key = r.uniqueKey ?? `${r.method ?? 'GET'} ${r.url} ${r.payload ?? ''}`;
      if (this.queued.has(key)) continue;
      const list = r.list === true;
      if (list && t.listEnqueued >= this.settings.maxPages) continue;
      if (list) t.listEnqueued++;
      this.queued.add(key);
      this.urlTargets.set(r.url, t.target.key);
      t.pending++;
      add.push({ ...r, uniqueKey: key, target: t.target.key, userData: { ...r.userData, __list: list } });
    }
    if (add.length) await this.addRequests(add);
  }

  private floor(t: TargetState): { at: number; ids: Set<string> } | null {
    if (this.settings.since) return { at: this.settings.since.getTime(), ids: new Set() };
    const hw = t.cursor.highWaterAt;
    return hw ? { at: hw.getTime(), ids: new Set(t.cursor.highWaterIds) } : null;
  }

  isFresh(t: TargetState, e: ListEntry): boolean {
    const floor = this.floor(t);
    if (!floor) return true;
    const at = e.at.getTime();
    return at > floor.at || (at === floor.at && !floor.ids.has(e.id));
  }

  /** Track the newest entry and decide whether paging continues. */
  observe(t: TargetState, entries: ListEntry[]): boolean {
    for (const e of entries) {
      const at = e.at.getTime();
      if (t.newestAt === null || at > t.newestAt) {
        t.newestAt = at;
        t.newestIds = new Set([e.id]);
      } else if (at === t.newestAt) t.newestIds.add(e.id);
    }
    const ordered = entries.filter((e) => !e.pinned);
    if (ordered.length === 0) return false;
    if (ordered.some((e) => !this.isFresh(t, e))) {
      t.reachedSeen = true;
      return false;
    }
    return t.listEnqueued < this.settings.maxPages;
  }

  /** Hand mentions to the sink; they count as delivered only once it resolves. */
  async emit(t: TargetState, mentions: NormalizedMention[]): Promise<void> {
    const crawledAt = this.now();
    const fresh: NormalizedMention[] = [];
    const keys = new Set<string>();
    for (const m of mentions) {
      const key = mentionKey(m);
      if (this.emitted.has(key) || keys.has(key)) continue;
      keys.add(key);
      fresh.push({
        ...m,
        sourceId: this.source.id,
        crawledAt,
        query: t.target.kind === 'search' ? t.target.value : m.query,
      });
    }
    if (fresh.length === 0) return;
    await this.sink(fresh);
    for (const k of keys) this.emitted.add(k);
    t.items += fresh.length;
    this.items += fresh.length;
    this.onProgress?.(this);
  }

  /** The handler-facing API for one request. */
  call(t: TargetState, userData: Record<string, unknown>): HandlerCall {
    return {
      target: t.target,
      source: this.source,
      userData,
      now: this.now(),
      enqueue: (requests) => this.enqueue(t, requests),
      emit: (mentions) => this.emit(t, mentions),
      observe: (entries) => this.observe(t, entries),
      isFresh: (entry) => this.isFresh(t, entry),
      reject: (reason, raw) => this.reject(reason, raw, userData),
      followUps: {
        comments: this.settings.comments,
        maxCommentPages: this.settings.maxCommentPages,
        maxThreadPages: this.settings.maxThreadPages,
      },
    };
  }

  /** Quarantine one malformed item (its raw JSON or HTML) with the page URL. */
  async reject(reason: string, raw: unknown, userData: Record<string, unknown>): Promise<void> {
    this.quarantined++;
    const url = typeof userData.__url === 'string' ? userData.__url : null;
    const rawBody = typeof raw === 'string' ? raw : JSON.stringify(raw ?? null);
    await this.store.quarantine({
      sourceId: this.source.id,
      url,
      reason,
      errorKind: 'ParseError',
      rawBody,
      contentType: null,
    });
  }

  /** A request finished (handled, failed for good, or skipped). */
  done(targetKey: string, page: boolean, list = false): void {
    const t = this.targets.get(targetKey);
    if (!t) return;
    t.pending = Math.max(0, t.pending - 1);
    if (page) {
      t.pages++;
      this.pages++;
      if (list) t.listPages++;
    }
    this.onProgress?.(this);
  }

  fail(targetKey: string, message: string): void {
    this.targets.get(targetKey)?.failures.push(message);
    if (this.errors.length < 50) this.errors.push(message);
  }

  /** Whether a target may advance its cursor: all its work done, nothing failed. */
  complete(t: TargetState): boolean {
    return t.pending === 0 && t.failures.length === 0;
  }

  /** Save the cursors of complete targets (never for a failed or interrupted target). */
  async saveCursors(): Promise<void> {
    for (const t of this.targets.values()) {
      if (!this.complete(t) || t.newestAt === null) continue;
      const old = t.cursor.highWaterAt?.getTime() ?? null;
      if (old !== null && t.newestAt < old) continue;
      await this.store.saveCursor({
        sourceId: this.source.id,
        query: t.target.key,
        highWaterAt: new Date(t.newestAt),
        highWaterIds: [...t.newestIds],
        cursor: t.cursor.cursor,
      });
    }
  }
}
