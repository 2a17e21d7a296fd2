import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import {
  arrayLiteral,
  dailyRollupSelect,
  hourlyRollupSelect,
  ROLLUP_LOCK,
  regionDailyRollupSelect,
} from './mention-rollup-sql.ts';

/** The UTC hour a mention's publication falls in, as the rollups key it (`2026-12-01T08:00:00Z`). */
export function rollupHourOf(publishedAt: Date): string {
  return `${publishedAt.toISOString().slice(0, 13)}:00:00Z`;
}

const HOUR = /^\d{4}-\d{2}-\d{2}T\d{2}:00:00Z$/;

/**
 * Recompute the rollups of these UTC hours (and the Asia/Shanghai days they touch) from the raw
 * rows. Idempotent, safe to call twice, and correct when a mention is re-analyzed. Cost: one index
 * range scan per hour, under one advisory lock so concurrent calls do not interleave.
 */
export async function applyRollupHours(db: Db, hourList: readonly string[]): Promise<void> {
  const hours = [...new Set(hourList)].filter((h) => HOUR.test(h));
  if (hours.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(ROLLUP_LOCK);
    const hoursParam = sql`${arrayLiteral(hours)}::timestamptz[]`;
    await tx.execute(sql`delete from mention_rollups_hourly where bucket = any(${hoursParam})`);
    const inHours = sql`unnest(${hoursParam}) u(h)
      join mentions m on m.published_at >= u.h and m.published_at < u.h + interval '1 hour'`;
    await tx.execute(sql`insert into mention_rollups_hourly ${hourlyRollupSelect(inHours)}`);
    const dayRows = await tx.execute(sql`
      select distinct ((h at time zone 'Asia/Shanghai')::date)::text as d from unnest(${hoursParam}) u(h)`);
    const days = resultRows<{ d: string }>(dayRows).map((r) => r.d);
    const daysParam = sql`${arrayLiteral(days)}::date[]`;
    const inDays = sql`unnest(${daysParam}) u(d) join mention_rollups_hourly h
      on h.bucket >= (u.d::timestamp at time zone 'Asia/Shanghai')
        and h.bucket < ((u.d + 1)::timestamp at time zone 'Asia/Shanghai')`;
    await tx.execute(sql`delete from mention_rollups_daily where day = any(${daysParam})`);
    await tx.execute(sql`insert into mention_rollups_daily ${dailyRollupSelect(inDays)}`);
    await tx.execute(sql`delete from mention_rollups_region_daily where day = any(${daysParam})`);
    await tx.execute(sql`insert into mention_rollups_region_daily ${regionDailyRollupSelect(inDays)}`);
  });
}
