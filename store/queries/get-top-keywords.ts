import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type MentionFilter, mentionFilterSql } from './mention-filter-sql.ts';

/** A keyword and how many mentions carry it. */
export interface KeywordCount {
  keyword: string;
  count: number;
  /** Of which negative. */
  negative: number;
}

/** Options for {@link getTopKeywords}. */
export interface TopKeywordsOptions {
  /** Keywords to return. Default 50. */
  limit?: number;
  /** Read at most this many of the newest matching mentions. Default 20,000. */
  sample?: number;
}

/**
 * The most frequent analysis keywords (word cloud) among the newest `sample` mentions matching the
 * filter: a bounded read, so it stays fast on any range.
 */
export async function getTopKeywords(
  db: Db,
  f: MentionFilter,
  opts: TopKeywordsOptions = {},
): Promise<KeywordCount[]> {
  const res = await db.execute(sql`
    select k as keyword, count(*)::int as count, count(*) filter (where s.sentiment = 'neg')::int as negative
    from (
      select m.keywords, m.sentiment from mentions m where ${mentionFilterSql(f)}
      order by m.published_at desc limit ${opts.sample ?? 20_000}
    ) s cross join lateral unnest(s.keywords) k
    group by k order by 2 desc, 1 limit ${opts.limit ?? 50}`);
  return resultRows<KeywordCount>(res).map((r) => ({
    ...r,
    count: Number(r.count),
    negative: Number(r.negative),
  }));
}
