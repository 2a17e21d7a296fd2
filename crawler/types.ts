import type { SourceKind } from '../core/index.ts';

/** The author of a mention, as far as the platform tells. */
export interface MentionAuthor {
  /** Platform user id, as a string. */
  id: string | null;
  name: string | null;
  /** Follower count ("3.2万" already converted to 32000), or null when unknown. */
  followers: number | null;
  verified: boolean;
}

/** Engagement counters ("1万+" already converted to 10000). */
export interface Engagement {
  reposts: number;
  comments: number;
  likes: number;
}

/**
 * The one shape every adapter emits. The ingest stage upserts it on (source, externalId).
 * `text` is plain text (HTML already turned into text by the adapter) and is untrusted.
 */
export interface NormalizedMention {
  /** Platform. */
  source: SourceKind;
  /** Platform-unique id, kind-qualified where a platform has several id spaces, e.g. `comment:123`. */
  externalId: string;
  /** Configured source id that found it, e.g. `weibo-main`. */
  sourceId: string;
  url: string | null;
  author: MentionAuthor;
  title: string | null;
  text: string;
  /** The raw item as received (JSON object, or `{ html }` for HTML sources). */
  raw: unknown;
  /** Publish time in UTC. */
  publishedAt: Date;
  crawledAt: Date;
  /** Province-level region from IP属地 / region_name, e.g. `广东`; null when unknown. */
  region: string | null;
  engagement: Engagement;
  /** External id (same `source`) of the reposted original or of the post this replies to. */
  parentExternalId: string | null;
  /** Thread or conversation id. */
  threadId: string | null;
  /** The query that found it, if any. */
  query: string | null;
}
