import { type SQL, sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type MentionFilter, mentionFilterSql } from './mention-filter-sql.ts';

/** An author's reach and tone among the sampled mentions. */
export interface AuthorStats {
  source: string;
  authorId: string;
  authorName: string | null;
  followers: number;
  verified: boolean;
  mentions: number;
  negative: number;
  engagement: number;
}

/** Options for {@link getTopAuthors}. */
export interface TopAuthorsOptions {
  /** `reach` (followers, then engagement) or `negativity` (negative mentions × log reach). Default `reach`. */
  by?: 'reach' | 'negativity';
  /** Authors to return. Default 20. */
  limit?: number;
  /** Read at most this many of the newest matching mentions. Default 50,000. */
  sample?: number;
}

const ORDER: Record<'reach' | 'negativity', SQL> = {
  reach: sql`followers desc, engagement desc`,
  negativity: sql`negative * ln(2 + followers) desc, negative desc`,
};

/** Top authors / influencers among the newest `sample` mentions matching the filter. */
export async function getTopAuthors(
  db: Db,
  f: MentionFilter,
  opts: TopAuthorsOptions = {},
): Promise<AuthorStats[]> {
  const res = await db.execute(sql`
    select source, author_id as "authorId", max(author_name) as "authorName",
           coalesce(max(author_followers), 0)::float8 as followers, bool_or(author_verified) as verified,
           count(*)::int as mentions, count(*) filter (where sentiment = 'neg')::int as negative,
           sum(reposts + comments + likes)::float8 as engagement
    from (
      select m.source, m.author_id, m.author_name, m.author_followers, m.author_verified, m.sentiment,
             m.reposts, m.comments, m.likes
      from mentions m where ${mentionFilterSql(f)} and m.author_id is not null
      order by m.published_at desc limit ${opts.sample ?? 50_000}
    ) s
    group by source, author_id
    order by ${ORDER[opts.by ?? 'reach']} limit ${opts.limit ?? 20}`);
  return resultRows<AuthorStats>(res).map((r) => ({
    ...r,
    followers: Number(r.followers),
    mentions: Number(r.mentions),
    negative: Number(r.negative),
    engagement: Number(r.engagement),
  }));
}
