import { and, asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';
import { type MentionFilter, mentionFilterSql } from './mention-filter-sql.ts';

/** The columns of a mention in lists (no raw payload, no PII hashes). */
export const mentionSummaryColumns = {
  id: mentions.id,
  source: mentions.source,
  sourceId: mentions.sourceId,
  externalId: mentions.externalId,
  url: mentions.url,
  authorId: mentions.authorId,
  authorName: mentions.authorName,
  authorFollowers: mentions.authorFollowers,
  authorVerified: mentions.authorVerified,
  title: mentions.title,
  text: mentions.text,
  publishedAt: mentions.publishedAt,
  crawledAt: mentions.crawledAt,
  region: mentions.region,
  reposts: mentions.reposts,
  comments: mentions.comments,
  likes: mentions.likes,
  sentiment: mentions.sentiment,
  sentimentScore: mentions.sentimentScore,
  brands: mentions.brands,
  categories: mentions.categories,
  keywords: mentions.keywords,
  risk: mentions.risk,
  clusterId: mentions.clusterId,
  corrected: mentions.corrected,
};

/** A mention as listed. */
export type MentionSummary = {
  [K in keyof typeof mentionSummaryColumns]: (typeof mentionSummaryColumns)[K]['_']['notNull'] extends true
    ? (typeof mentionSummaryColumns)[K]['_']['data']
    : (typeof mentionSummaryColumns)[K]['_']['data'] | null;
};

/** Keyset position: the last row of the previous page. */
export interface MentionKey {
  publishedAt: Date;
  id: number;
}

/** Options for {@link searchMentions}. */
export interface SearchMentionsOptions {
  filter: MentionFilter;
  /** Rows to return. */
  limit: number;
  /** Continue after this row. Default: from the start. */
  after?: MentionKey;
  /** `desc` = newest first. Default `desc`. */
  order?: 'asc' | 'desc';
}

function afterSql(after: MentionKey, order: 'asc' | 'desc') {
  const ts = sql`${after.publishedAt.toISOString()}::timestamptz`;
  // Written so the published_at index serves it (a row comparison would not).
  return order === 'desc'
    ? sql`(${mentions.publishedAt} <= ${ts} and (${mentions.publishedAt} < ${ts} or ${mentions.id} < ${after.id}))`
    : sql`(${mentions.publishedAt} >= ${ts} and (${mentions.publishedAt} > ${ts} or ${mentions.id} > ${after.id}))`;
}

/** One page of mentions matching the filter, ordered by (publishedAt, id), stable under inserts. */
export async function searchMentions(db: Db, opts: SearchMentionsOptions): Promise<MentionSummary[]> {
  const order = opts.order ?? 'desc';
  const by = order === 'desc' ? desc : asc;
  const where = and(
    sql`${mentionFilterSql(opts.filter, 'mentions')}`,
    opts.after ? afterSql(opts.after, order) : undefined,
  );
  return await db
    .select(mentionSummaryColumns)
    .from(mentions)
    .where(where)
    .orderBy(by(mentions.publishedAt), by(mentions.id))
    .limit(opts.limit);
}
