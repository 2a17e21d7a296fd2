import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';

/**
 * A crawled mention as the crawler emits it (structurally the crawler's NormalizedMention; declared here
 * because store/ must not import crawler/).
 */
export interface CrawledMentionInput {
  source: string;
  externalId: string;
  sourceId: string | null;
  url: string | null;
  author: { id: string | null; name: string | null; followers: number | null; verified: boolean };
  title: string | null;
  text: string;
  raw: unknown;
  publishedAt: Date;
  crawledAt: Date;
  region: string | null;
  engagement: { reposts: number; comments: number; likes: number };
  parentExternalId: string | null;
  threadId: string | null;
  query: string | null;
  /** Salted hashes of PII found in the text (set by the ingest stage). Default []. */
  piiHashes?: string[];
}

/** How many rows were new and how many were refreshed. */
export interface UpsertMentionsResult {
  inserted: number;
  updated: number;
  /** Row id per mention (batch order after de-duplication) and whether it was new. */
  rows: { id: number; source: string; externalId: string; inserted: boolean }[];
}

/** Rows per INSERT statement. */
const CHUNK = 200;

function toRow(m: CrawledMentionInput) {
  return {
    source: m.source,
    externalId: m.externalId,
    sourceId: m.sourceId,
    url: m.url,
    authorId: m.author.id,
    authorName: m.author.name,
    authorFollowers: m.author.followers === null ? null : Math.min(m.author.followers, 2_147_483_647),
    authorVerified: m.author.verified,
    title: m.title,
    text: m.text,
    raw: m.raw ?? null,
    publishedAt: m.publishedAt,
    crawledAt: m.crawledAt,
    region: m.region,
    reposts: Math.min(m.engagement.reposts, 2_147_483_647),
    comments: Math.min(m.engagement.comments, 2_147_483_647),
    likes: Math.min(m.engagement.likes, 2_147_483_647),
    parentExternalId: m.parentExternalId,
    threadId: m.threadId,
    query: m.query,
    piiHashes: m.piiHashes ?? [],
  };
}

/**
 * Upsert crawled mentions on (source, external_id): a new mention is inserted; a known one gets its
 * counters, follower count and region refreshed (and its text, when the new text is longer, e.g. a long
 * post fetched in full later). Analysis fields are never touched. Duplicates inside the batch collapse
 * to the last one.
 */
export async function upsertMentions(
  db: Db,
  batch: readonly CrawledMentionInput[],
): Promise<UpsertMentionsResult> {
  const unique = [...new Map(batch.map((m) => [`${m.source}\u0000${m.externalId}`, m])).values()];
  const result: UpsertMentionsResult = { inserted: 0, updated: 0, rows: [] };
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .insert(mentions)
      .values(unique.slice(i, i + CHUNK).map(toRow))
      .onConflictDoUpdate({
        target: [mentions.source, mentions.externalId],
        set: {
          reposts: sql`excluded.reposts`,
          comments: sql`excluded.comments`,
          likes: sql`excluded.likes`,
          authorFollowers: sql`coalesce(excluded.author_followers, ${mentions.authorFollowers})`,
          region: sql`coalesce(excluded.region, ${mentions.region})`,
          url: sql`coalesce(excluded.url, ${mentions.url})`,
          text: sql`case when length(excluded.text) > length(${mentions.text}) then excluded.text else ${mentions.text} end`,
          updatedAt: sql`now()`,
        },
      })
      .returning({
        id: mentions.id,
        source: mentions.source,
        externalId: mentions.externalId,
        inserted: sql<boolean>`(xmax = 0)`,
      });
    for (const r of rows) {
      if (r.inserted) result.inserted++;
      else result.updated++;
      result.rows.push(r);
    }
  }
  return result;
}
