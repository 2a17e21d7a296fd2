import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.ts';

/** Sentiment toward one brand named in a mention. */
export interface BrandSentiment {
  brand: string;
  label: 'neg' | 'neu' | 'pos';
  score: number;
}

/** One explanation entry: a token or rule and how far it moved the score. */
export interface ExplainEntry {
  kind: 'token' | 'rule' | 'emoticon' | 'model';
  text: string;
  weight: number;
}

/**
 * A mention: one post, reply, review, complaint or article. Unique on (source, external id), so a
 * re-crawl or duplicate delivery updates counters instead of inserting twice.
 */
export const mentions = pgTable(
  'mentions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Platform: weibo, tieba, zhihu, discuz, heimao, appstore, rss. */
    source: text('source').notNull(),
    /** Platform-unique id, kind-qualified where a platform has several id spaces (`comment:123`). */
    externalId: text('external_id').notNull(),
    /** Configured source id that found it (e.g. `weibo-main`). */
    sourceId: text('source_id'),
    url: text('url'),
    authorId: text('author_id'),
    authorName: text('author_name'),
    authorFollowers: integer('author_followers'),
    authorVerified: boolean('author_verified').notNull().default(false),
    title: text('title'),
    /** Display text: plain text with PII masked. Never HTML. */
    text: text('text').notNull(),
    /** Salted hashes of the PII found (phones, ids), for dedup without keeping the values. */
    piiHashes: jsonb('pii_hashes').$type<string[]>().notNull().default([]),
    /** The payload as crawled, for re-parsing. Admin-only. */
    raw: jsonb('raw'),
    publishedAt: tstz('published_at').notNull(),
    crawledAt: tstz('crawled_at').notNull().defaultNow(),
    /** Province-level region (from IP属地 or region_name), e.g. `广东`. */
    region: text('region'),
    reposts: integer('reposts').notNull().default(0),
    comments: integer('comments').notNull().default(0),
    likes: integer('likes').notNull().default(0),
    /** External id of the parent (the reposted original, or the post a reply answers). */
    parentExternalId: text('parent_external_id'),
    parentId: bigint('parent_id', { mode: 'number' }),
    /** Thread or conversation id on the platform. */
    threadId: text('thread_id'),
    /** The query that found it. */
    query: text('query'),
    // --- analysis (filled by the analyze stage) ---
    analyzedAt: tstz('analyzed_at'),
    sentiment: text('sentiment').$type<'neg' | 'neu' | 'pos'>(),
    sentimentScore: real('sentiment_score'),
    sentimentConfidence: real('sentiment_confidence'),
    brandSentiments: jsonb('brand_sentiments').$type<BrandSentiment[]>().notNull().default([]),
    /** Canonical brand names, for indexed filtering. */
    brands: text('brands').array().notNull().default(sql`'{}'::text[]`),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    risk: smallint('risk'),
    explain: jsonb('explain').$type<ExplainEntry[]>().notNull().default([]),
    /** Segmented tokens joined by spaces, for full-text search with the `simple` configuration. */
    tokens: text('tokens'),
    /** 64-bit SimHash of the text (signed bigint). */
    simhash: bigint('simhash', { mode: 'bigint' }),
    /** Near-duplicate cluster: the id of the cluster's first mention. */
    clusterId: bigint('cluster_id', { mode: 'number' }),
    /** Analyst corrections override the model; true once corrected. */
    corrected: boolean('corrected').notNull().default(false),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mentions_source_external_id').on(t.source, t.externalId),
    index('mentions_published_at').on(t.publishedAt),
    // Partial indexes: a row enters an index only once it has a value to be found by. Every index
    // entry is written twice per mention (at ingest, and again by the analysis update, which cannot
    // be a HOT update), so entries left out are a measurable share of the database's work.
    index('mentions_brands').using('gin', t.brands).where(sql`${t.analyzedAt} is not null`),
    index('mentions_categories').using('gin', t.categories).where(sql`${t.analyzedAt} is not null`),
    index('mentions_cluster').on(t.clusterId).where(sql`${t.clusterId} is not null`),
    // Lookups by these keys are equalities, never `is null`; most posts have no parent or thread.
    index('mentions_parent').on(t.source, t.parentExternalId).where(sql`${t.parentExternalId} is not null`),
    index('mentions_thread_author')
      .on(t.source, t.threadId, t.authorId)
      .where(sql`${t.threadId} is not null`),
    index('mentions_sentiment_published')
      .on(t.sentiment, t.publishedAt)
      .where(sql`${t.sentiment} is not null`),
    index('mentions_tokens_fts')
      .using('gin', sql`to_tsvector('simple', coalesce(${t.tokens}, ''))`)
      .where(sql`${t.analyzedAt} is not null`),
  ],
);

/** Analyst corrections to a mention's analysis, kept as training data for the next model. */
export const mentionCorrections = pgTable('mention_corrections', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  mentionId: bigint('mention_id', { mode: 'number' })
    .notNull()
    .references(() => mentions.id, { onDelete: 'cascade' }),
  userId: integer('user_id'),
  /** `sentiment` | `categories` | `brands`. */
  field: text('field').notNull(),
  before: jsonb('before'),
  after: jsonb('after').notNull(),
  createdAt: createdAt(),
});
