import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { applyRollupHours } from './apply-rollup-hours.ts';
import { arrayLiteral } from './mention-rollup-sql.ts';

/**
 * Bring the rollup tables up to date for these mentions: call it after an analyst correction (the
 * pipeline batches hours through {@link applyRollupHours}). Idempotent, like that function.
 */
export async function applyMentionRollup(db: Db, mentionIds: readonly number[]): Promise<void> {
  const ids = [...new Set(mentionIds.filter((id) => Number.isSafeInteger(id)))];
  if (ids.length === 0) return;
  const hourRows = await db.execute(sql`
    select distinct to_char(date_trunc('hour', published_at, 'UTC') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"') as h
    from mentions where id = any(${arrayLiteral(ids)}::bigint[])`);
  await applyRollupHours(
    db,
    resultRows<{ h: string }>(hourRows).map((r) => r.h),
  );
}
