import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import type { mentions } from '../schema/index.ts';

/** A mention as the ingest stage stores it; `source` + `externalId` is the natural key. */
export type IngestedMention = Pick<
  typeof mentions.$inferInsert,
  | 'source'
  | 'externalId'
  | 'sourceId'
  | 'url'
  | 'authorId'
  | 'authorName'
  | 'authorFollowers'
  | 'authorVerified'
  | 'title'
  | 'text'
  | 'piiHashes'
  | 'raw'
  | 'publishedAt'
  | 'crawledAt'
  | 'region'
  | 'reposts'
  | 'comments'
  | 'likes'
  | 'parentExternalId'
  | 'threadId'
  | 'query'
>;

/** The stored row behind one ingested mention. */
export interface IngestedMentionRow {
  id: number;
  source: string;
  externalId: string;
  /** True once the analyze stage has written its results. */
  analyzed: boolean;
}

type Returned = { id: string | number; source: string; external_id: string; analyzed: boolean };

/**
 * The ingest stage's upsert, unique on (source, external id). The batch travels as one JSON
 * parameter (building a 20-column multi-row statement cost more than running it). A duplicate
 * delivery writes nothing; a re-crawl with new engagement counters updates only the counters (the
 * analysis stays valid). Returns every input mention's row with its analyzed flag, so the caller
 * forwards only mentions still waiting for analysis. Duplicates within the batch: the last one wins.
 */
export async function upsertIngestedMentions(
  db: Db,
  rows: readonly IngestedMention[],
): Promise<IngestedMentionRow[]> {
  const unique = [...new Map(rows.map((r) => [`${r.source}\u0000${r.externalId}`, r])).values()];
  if (unique.length === 0) return [];
  const payload = JSON.stringify(unique);
  const res = await db.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${payload}::jsonb) as r(
        source text, "externalId" text, "sourceId" text, url text, "authorId" text, "authorName" text,
        "authorFollowers" integer, "authorVerified" boolean, title text, text text, "piiHashes" jsonb, raw jsonb,
        "publishedAt" timestamptz, "crawledAt" timestamptz, region text, reposts integer, comments integer,
        likes integer, "parentExternalId" text, "threadId" text, query text)
    ), written as (
      insert into mentions (source, external_id, source_id, url, author_id, author_name, author_followers,
        author_verified, title, text, pii_hashes, raw, published_at, crawled_at, region, reposts, comments, likes,
        parent_external_id, thread_id, query)
      select source, "externalId", "sourceId", url, "authorId", "authorName", "authorFollowers",
        coalesce("authorVerified", false), title, text, coalesce("piiHashes", '[]'::jsonb), raw, "publishedAt",
        coalesce("crawledAt", now()), region, coalesce(reposts, 0), coalesce(comments, 0), coalesce(likes, 0),
        "parentExternalId", "threadId", query
      from input
      on conflict (source, external_id) do update set
        reposts = excluded.reposts, comments = excluded.comments, likes = excluded.likes,
        author_followers = coalesce(excluded.author_followers, mentions.author_followers), updated_at = now()
      where (mentions.reposts, mentions.comments, mentions.likes)
        is distinct from (excluded.reposts, excluded.comments, excluded.likes)
      returning id, source, external_id, analyzed_at is not null as analyzed
    )
    select id, source, external_id, analyzed from written
    union all
    select m.id, m.source, m.external_id, m.analyzed_at is not null from input i
      join mentions m on m.source = i.source and m.external_id = i."externalId"
      where not exists (select 1 from written w where w.source = i.source and w.external_id = i."externalId")`);
  return resultRows<Returned>(res).map((r) => ({
    id: Number(r.id),
    source: r.source,
    externalId: r.external_id,
    analyzed: r.analyzed,
  }));
}
