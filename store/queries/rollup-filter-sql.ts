import { type SQL, sql } from 'drizzle-orm';
import { type SentimentLabel, textArraySql } from './mention-filter-sql.ts';

/** Chart bucket. Day and week are calendar days and ISO weeks (Monday) in Asia/Shanghai. */
export type Bucket = 'hour' | 'day' | 'week';

/** Filters for the analytics read from the rollup tables. */
export interface AnalyticsFilter {
  /** Range start (inclusive). */
  from: Date;
  /** Range end (exclusive). */
  to: Date;
  /** Brands; none means every mention once (brand `*`). Several brands count a mention naming two twice. */
  brands?: string[];
  sources?: string[];
  sentiments?: SentimentLabel[];
  /** Categories; a mention in two of them counts in each. */
  categories?: string[];
  /** Provinces (read from the hourly table, which keeps the region). */
  regions?: string[];
}

/** Which rollup table a query reads, as `r`, with the time bucket expression and WHERE. */
export interface RollupSource {
  from: SQL;
  /** The bucket start as timestamptz. */
  bucketExpr: SQL;
  where: SQL;
}

function bucketOf(table: 'hourly' | 'daily', bucket: Bucket): SQL {
  if (table === 'hourly') {
    if (bucket === 'hour') return sql`r.bucket`;
    return sql`date_trunc(${bucket}, r.bucket, 'Asia/Shanghai')`;
  }
  if (bucket === 'week') return sql`(date_trunc('week', r.day::timestamp) at time zone 'Asia/Shanghai')`;
  return sql`(r.day::timestamp at time zone 'Asia/Shanghai')`;
}

function timeWhere(table: 'hourly' | 'daily', f: AnalyticsFilter): SQL {
  const from = sql`${f.from.toISOString()}::timestamptz`;
  const to = sql`${f.to.toISOString()}::timestamptz`;
  if (table === 'hourly') return sql`r.bucket >= date_trunc('hour', ${from}, 'UTC') and r.bucket < ${to}`;
  // Whole Asia/Shanghai days that overlap the range.
  return sql`r.day >= (${from} at time zone 'Asia/Shanghai')::date
    and (r.day::timestamp at time zone 'Asia/Shanghai') < ${to}`;
}

/**
 * Pick the table: hourly for hour buckets or a region filter, else the (much smaller) daily table.
 * `categoryMode` `total` reads the all-categories rows (or the filtered categories), `split` the
 * per-category rows.
 */
export function rollupSource(
  f: AnalyticsFilter,
  bucket: Bucket,
  categoryMode: 'total' | 'split' = 'total',
): RollupSource {
  const table = bucket === 'hour' || f.regions?.length ? 'hourly' : 'daily';
  const conds: SQL[] = [timeWhere(table, f)];
  conds.push(f.brands?.length ? sql`r.brand = any(${textArraySql(f.brands)})` : sql`r.brand = '*'`);
  if (f.sources?.length) conds.push(sql`r.source = any(${textArraySql(f.sources)})`);
  if (f.sentiments?.length) conds.push(sql`r.sentiment = any(${textArraySql(f.sentiments)})`);
  if (f.regions?.length) conds.push(sql`r.region = any(${textArraySql(f.regions)})`);
  if (f.categories?.length) conds.push(sql`r.category = any(${textArraySql(f.categories)})`);
  else conds.push(categoryMode === 'split' ? sql`r.category <> ''` : sql`r.category = ''`);
  return {
    from: table === 'hourly' ? sql`mention_rollups_hourly r` : sql`mention_rollups_daily r`,
    bucketExpr: bucketOf(table, bucket),
    where: sql.join(conds, sql` and `),
  };
}

/** A timestamptz expression as an ISO 8601 UTC string. */
export function isoSql(expr: SQL): SQL {
  return sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
}
