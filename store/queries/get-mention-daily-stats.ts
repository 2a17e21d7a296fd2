import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type MentionFilter, mentionFilterSql } from './mention-filter-sql.ts';

/** One brand's mentions on one Asia/Shanghai day. */
export interface DailyBrandStats {
  /** `YYYY-MM-DD` in Asia/Shanghai. */
  day: string;
  brand: string;
  count: number;
  pos: number;
  neg: number;
}

/**
 * Per-day, per-brand counts of the raw mentions matching the filter (for campaign windows, where
 * keyword matching needs the text). The brand-level label is used when present.
 */
export async function getMentionDailyStats(db: Db, f: MentionFilter): Promise<DailyBrandStats[]> {
  const res = await db.execute(sql`
    select (m.published_at at time zone 'Asia/Shanghai')::date::text as day, b.brand, count(*)::int as count,
           count(*) filter (where b.label = 'pos')::int as pos, count(*) filter (where b.label = 'neg')::int as neg
    from mentions m
    cross join lateral (
      select x.brand, coalesce(
        (select bs->>'label' from jsonb_array_elements(m.brand_sentiments) bs where bs->>'brand' = x.brand limit 1),
        m.sentiment, 'neu') as label
      from unnest(m.brands) as x(brand)
    ) b
    where ${mentionFilterSql(f)}
    group by 1, 2 order by 1, 2`);
  return resultRows<DailyBrandStats>(res).map((r) => ({
    ...r,
    count: Number(r.count),
    pos: Number(r.pos),
    neg: Number(r.neg),
  }));
}
