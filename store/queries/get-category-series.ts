import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type AnalyticsFilter, type Bucket, isoSql, rollupSource } from './rollup-filter-sql.ts';

/** Mentions per time bucket and complaint category. */
export interface CategorySeriesRow {
  bucket: string;
  category: string;
  count: number;
}

/** Complaint categories over time, from the rollup tables. */
export async function getCategorySeries(
  db: Db,
  f: AnalyticsFilter,
  bucket: Bucket,
): Promise<CategorySeriesRow[]> {
  const src = rollupSource(f, bucket, 'split');
  const res = await db.execute(sql`
    select ${isoSql(src.bucketExpr)} as bucket, r.category, sum(r.count)::float8 as count
    from ${src.from} where ${src.where}
    group by 1, 2 order by 1, 2`);
  return resultRows<CategorySeriesRow>(res).map((r) => ({ ...r, count: Number(r.count) }));
}
