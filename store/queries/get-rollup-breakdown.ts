import { type SQL, sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type AnalyticsFilter, rollupSource } from './rollup-filter-sql.ts';

/** A dimension of the rollup tables. */
export type RollupDimension = 'brand' | 'source' | 'category' | 'sentiment';

/** Mentions per dimension value and sentiment. */
export interface BreakdownRow {
  key: string;
  sentiment: string;
  count: number;
  engagement: number;
}

const COLUMNS: Record<RollupDimension, SQL> = {
  brand: sql`r.brand`,
  source: sql`r.source`,
  category: sql`r.category`,
  sentiment: sql`r.sentiment`,
};

/**
 * Totals per value of `dim` and sentiment over the range, from the rollup tables. For `category`
 * the per-category rows are read; for `brand`, pass the brands to compare in `f.brands`.
 */
export async function getRollupBreakdown(
  db: Db,
  f: AnalyticsFilter,
  dim: RollupDimension,
): Promise<BreakdownRow[]> {
  const src = rollupSource(f, 'day', dim === 'category' ? 'split' : 'total');
  const res = await db.execute(sql`
    select ${COLUMNS[dim]} as key, r.sentiment, sum(r.count)::float8 as count, sum(r.engagement)::float8 as engagement
    from ${src.from} where ${src.where}
    group by 1, 2 order by 1, 2`);
  return resultRows<BreakdownRow>(res).map((r) => ({
    ...r,
    count: Number(r.count),
    engagement: Number(r.engagement),
  }));
}
