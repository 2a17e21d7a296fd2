import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import {
  ALL_HOURLY,
  ALL_MENTIONS,
  dailyRollupSelect,
  hourlyRollupSelect,
  ROLLUP_LOCK,
  regionDailyRollupSelect,
} from './mention-rollup-sql.ts';

/**
 * Recompute every rollup table from the raw mentions, in one transaction. For bulk loads and
 * repairs; the pipeline keeps them current with `applyMentionRollup`.
 */
export async function rebuildMentionRollups(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(ROLLUP_LOCK);
    await tx.execute(sql`delete from mention_rollups_hourly`);
    await tx.execute(sql`delete from mention_rollups_daily`);
    await tx.execute(sql`delete from mention_rollups_region_daily`);
    await tx.execute(sql`insert into mention_rollups_hourly ${hourlyRollupSelect(ALL_MENTIONS)}`);
    await tx.execute(sql`insert into mention_rollups_daily ${dailyRollupSelect(ALL_HOURLY)}`);
    await tx.execute(sql`insert into mention_rollups_region_daily ${regionDailyRollupSelect(ALL_HOURLY)}`);
  });
}
