import { type SQL, sql } from 'drizzle-orm';

/**
 * SELECT of hourly rollup rows from the mentions in `from` (which must name them `m`). Each analyzed
 * mention yields rows for brand `*` (every mention once, with its overall sentiment) and for each
 * brand it names (with the brand-level label, else the mention's); each of those once with category
 * `''` (all categories) and once per category it has. Unlabelled sentiment counts as `neu`.
 */
export function hourlyRollupSelect(from: SQL): SQL {
  return sql`
    select date_trunc('hour', m.published_at, 'UTC') as bucket, b.brand, m.source, coalesce(m.region, '') as region,
           b.label as sentiment, c.category, count(*)::int as count,
           sum(m.reposts + m.comments + m.likes)::bigint as engagement
    from ${from}
    cross join lateral (
      select x.brand, coalesce(
        (select bs->>'label' from jsonb_array_elements(m.brand_sentiments) bs where bs->>'brand' = x.brand limit 1),
        m.sentiment, 'neu') as label
      from unnest(array['*']::text[] || m.brands) as x(brand)
    ) b
    cross join lateral unnest(array['']::text[] || m.categories) as c(category)
    where m.analyzed_at is not null
    group by 1, 2, 3, 4, 5, 6`;
}

/** `mention_rollups_daily` rows summed from the hourly rows in `from` (named `h`). */
export function dailyRollupSelect(from: SQL): SQL {
  return sql`
    select (h.bucket at time zone 'Asia/Shanghai')::date as day, h.brand, h.source, h.sentiment, h.category,
           sum(h.count)::int as count, sum(h.engagement)::bigint as engagement
    from ${from}
    group by 1, 2, 3, 4, 5`;
}

/** `mention_rollups_region_daily` rows summed from the hourly rows in `from` (named `h`). */
export function regionDailyRollupSelect(from: SQL): SQL {
  return sql`
    select (h.bucket at time zone 'Asia/Shanghai')::date as day, h.brand, h.region, h.sentiment,
           sum(h.count)::int as count
    from ${from}
    where h.category = '' and h.region <> ''
    group by 1, 2, 3, 4`;
}

/** Serialises rollup maintenance (any process, PGlite or server): recomputes never interleave. */
/** FROM clause: every mention. */
export const ALL_MENTIONS = sql`mentions m`;

/** FROM clause: every hourly rollup row. */
export const ALL_HOURLY = sql`mention_rollups_hourly h`;

export const ROLLUP_LOCK = sql`select pg_advisory_xact_lock(727274100)`;

/** `{a,b,c}`: a PostgreSQL array literal of values that need no quoting (ISO times, dates, integers). */
export function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}
