import { type SQL, sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { textArraySql } from './mention-filter-sql.ts';
import { type AnalyticsFilter, rollupSource } from './rollup-filter-sql.ts';

/** Mentions per province and sentiment. */
export interface RegionRow {
  region: string;
  sentiment: string;
  count: number;
}

function regionDailyWhere(f: AnalyticsFilter): SQL {
  const from = sql`${f.from.toISOString()}::timestamptz`;
  const conds: SQL[] = [
    sql`r.day >= (${from} at time zone 'Asia/Shanghai')::date`,
    sql`(r.day::timestamp at time zone 'Asia/Shanghai') < ${f.to.toISOString()}::timestamptz`,
    f.brands?.length ? sql`r.brand = any(${textArraySql(f.brands)})` : sql`r.brand = '*'`,
  ];
  if (f.sentiments?.length) conds.push(sql`r.sentiment = any(${textArraySql(f.sentiments)})`);
  if (f.regions?.length) conds.push(sql`r.region = any(${textArraySql(f.regions)})`);
  return sql.join(conds, sql` and `);
}

/**
 * Mentions per province for the map. Reads the small daily region table; with a source or
 * category filter (which it does not keep) it falls back to the hourly table.
 */
export async function getRegionBreakdown(db: Db, f: AnalyticsFilter): Promise<RegionRow[]> {
  const needsHourly = Boolean(f.sources?.length || f.categories?.length);
  const src = needsHourly
    ? rollupSource({ ...f, regions: f.regions ?? [] }, 'hour')
    : { from: sql`mention_rollups_region_daily r`, where: regionDailyWhere(f) };
  const res = await db.execute(sql`
    select r.region, r.sentiment, sum(r.count)::float8 as count
    from ${src.from} where ${src.where} and r.region <> ''
    group by 1, 2 order by 3 desc`);
  return resultRows<RegionRow>(res).map((r) => ({ ...r, count: Number(r.count) }));
}
