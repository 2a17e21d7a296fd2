import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type AnalyticsFilter, type Bucket, isoSql, rollupSource } from './rollup-filter-sql.ts';

/** Mentions per time bucket and sentiment. */
export interface SeriesRow {
  /** Bucket start, ISO 8601 UTC. */
  bucket: string;
  sentiment: string;
  count: number;
  engagement: number;
}

/** Volume and sentiment over time, from the rollup tables. Empty buckets are absent. */
export async function getRollupSeries(db: Db, f: AnalyticsFilter, bucket: Bucket): Promise<SeriesRow[]> {
  const src = rollupSource(f, bucket);
  const res = await db.execute(sql`
    select ${isoSql(src.bucketExpr)} as bucket, r.sentiment, sum(r.count)::float8 as count,
           sum(r.engagement)::float8 as engagement
    from ${src.from} where ${src.where}
    group by 1, 2 order by 1, 2`);
  return resultRows<SeriesRow>(res).map((r) => ({
    ...r,
    count: Number(r.count),
    engagement: Number(r.engagement),
  }));
}
