import type { SourceConfig } from '../../core/index.ts';
import type { NormalizedMention } from '../types.ts';

/** What one crawl follows: a keyword query, a forum board, an app's reviews or a feed. */
export interface CrawlTarget {
  /** Cursor key (crawl_cursors.query): the keyword itself, or `board:12`, `app:900100001`, `feed:telecom.xml`. */
  key: string;
  kind: 'search' | 'board' | 'app' | 'feed';
  /** The keyword, board id, app id or feed path. */
  value: string;
}

/** A request an adapter wants fetched. */
export interface CrawlRequest {
  url: string;
  /** Handler label, e.g. `WEIBO_SEARCH`. */
  label: string;
  /** Data the handler receives back (must be JSON-serialisable). Default {}. */
  userData?: Record<string, unknown>;
  /** Extra request headers (never cookies; the session adds those). Default none. */
  headers?: Record<string, string>;
  /** Default GET. */
  method?: 'GET' | 'POST';
  /** POST body. */
  payload?: string;
  /** Deduplication key inside the run. Default: the URL plus method and payload. */
  uniqueKey?: string;
  /** A list page of the target (search results, board page): counts against `maxPagesPerRun`. Default false. */
  list?: boolean;
}

/** A fetched response, decoded. */
export interface FetchedPage {
  /** The URL requested. */
  url: string;
  /** The URL after redirects. */
  loadedUrl: string;
  status: number;
  /** Content-Type header value ('' when absent). */
  contentType: string;
  /** Decoded text. */
  text: string;
  /** Charset used to decode. */
  charset: string;
  /** The body was longer than `maxBodyBytes` and was cut. */
  truncated: boolean;
}

/** A list entry seen while paging, for the incremental stop rule. */
export interface ListEntry {
  /** External id (as emitted). */
  id: string;
  /** Time the list is ordered by (publish time; last-reply time for forum boards). */
  at: Date;
  /** Pinned/sticky entries are ignored by the stop rule (they are old but shown first). Default false. */
  pinned?: boolean;
}

/** What a page handler can do. */
export interface HandlerCall {
  target: CrawlTarget;
  source: SourceConfig;
  /** The request's userData (adapter fields plus engine fields). */
  userData: Record<string, unknown>;
  /** "Now" for relative dates: the clock at fetch time. */
  now: Date;
  /** Queue more requests for the same target (robots.txt and the page budget are applied). */
  enqueue(requests: CrawlRequest[]): Promise<void>;
  /** Deliver mentions to the sink (deduplicated within the run). Resolves once the sink accepted them. */
  emit(mentions: NormalizedMention[]): Promise<void>;
  /**
   * Record list entries and decide whether to fetch the next list page: false once the page reaches
   * items seen in an earlier run (the cursor), the `since` limit, or the page budget.
   */
  observe(entries: ListEntry[]): boolean;
  /** Entries of this list that are newer than the cursor (not yet seen). */
  isFresh(entry: ListEntry): boolean;
  /** Quarantine one malformed item of an otherwise good page (the rest of the page is kept). */
  reject(reason: string, raw: unknown): Promise<void>;
  /** Follow-up fetches (comments, long text, thread pages) wanted. */
  followUps: { comments: boolean; maxCommentPages: number; maxThreadPages: number };
}

/** Parses one kind of page. Throw ParseError for unexpected bodies (the page is quarantined). */
export type PageHandler = (page: FetchedPage, call: HandlerCall) => Promise<void>;

/** A detected block. */
export interface BlockSignal {
  /** e.g. `http-432`, `ok-100`, `captcha`, `wappass`, `zhihu-40362`, `login`, `flood`. */
  signal: string;
  message: string;
  /** The site said when to come back (flood limits, Retry-After). Default: the account's exponential backoff. */
  retryAfterMs?: number;
}

/** One site's adapter. */
export interface SiteAdapter {
  kind: SourceConfig['kind'];
  /** Target kinds the site supports. */
  targetKinds: CrawlTarget['kind'][];
  /** First request(s) of a target. */
  start(source: SourceConfig, target: CrawlTarget): CrawlRequest[];
  /** Handlers by label. */
  handlers: Record<string, PageHandler>;
  /** The block signal in a response, or null. Runs before the handler. */
  detectBlock(page: FetchedPage): BlockSignal | null;
  /** Headers every request of this site sends (UA, Referer…). Default none. */
  headers?(source: SourceConfig): Record<string, string>;
  /** Browser sources: CSS selector that marks a rendered page (waited for before parsing). Default `body`. */
  browserReady?: string;
  /** A request of this label failed for good: emit what is known without it (e.g. a post's preview text). */
  onGiveUp?(label: string, call: HandlerCall): Promise<void>;
}

/** A receiver of mention batches (the pipeline's "enqueue to ingest", or a store upsert). */
export type MentionSink = (batch: NormalizedMention[]) => Promise<void>;
