import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import {
  dailyRollupSelect,
  hourlyRollupSelect,
  ROLLUP_LOCK,
  regionDailyRollupSelect,
} from './mention-rollup-sql.ts';

/** `{a,b,c}`: a PostgreSQL array literal of values that need no quoting (ISO times, dates, integers). */
function arrayLiteral(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Bring the rollup tables up to date for these mentions: call it after the analyze stage writes
 * their analysis (and after an analyst correction). It recomputes every hour (and Asia/Shanghai
 * day) the mentions fall in from the raw rows, so it is idempotent, safe to call twice, and
 * correct when a mention is re-analyzed. Cost: one index range scan per affected hour.
 */
export async function applyMentionRollup(db: Db, mentionIds: readonly number[]): Promise<void> {
  const ids = [...new Set(mentionIds.filter((id) => Number.isSafeInteger(id)))];
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(ROLLUP_LOCK);
    const hourRows = await tx.execute(sql`
      select distinct to_char(date_trunc('hour', published_at, 'UTC') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"') as h
      from mentions where id = any(${arrayLiteral(ids)}::bigint[])`);
    const hours = resultRows<{ h: string }>(hourRows).map((r) => r.h);
    if (hours.length === 0) return;
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
