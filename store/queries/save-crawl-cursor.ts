import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { crawlCursors } from '../schema/index.ts';

/** A new high-water mark for (source, query). */
export interface CrawlCursorUpdate {
  sourceId: string;
  query: string;
  highWaterAt: Date | null;
  highWaterIds: string[];
  /** Adapter-specific paging state. Default `{}`. */
  cursor?: Record<string, unknown>;
}

/**
 * Save the cursor of (source, query). The high-water mark never moves backwards: an older `highWaterAt`
 * than the stored one is ignored (two overlapping runs cannot rewind each other).
 */
export async function saveCrawlCursor(db: Db, c: CrawlCursorUpdate): Promise<void> {
  await db
    .insert(crawlCursors)
    .values({
      sourceId: c.sourceId,
      query: c.query,
      highWaterAt: c.highWaterAt,
      highWaterIds: c.highWaterIds,
      cursor: c.cursor ?? {},
    })
    .onConflictDoUpdate({
      target: [crawlCursors.sourceId, crawlCursors.query],
      set: {
        highWaterAt: sql`greatest(${crawlCursors.highWaterAt}, excluded.high_water_at)`,
        highWaterIds: sql`case
          when ${crawlCursors.highWaterAt} is null or excluded.high_water_at > ${crawlCursors.highWaterAt} then excluded.high_water_ids
          when excluded.high_water_at = ${crawlCursors.highWaterAt} then (
            select coalesce(jsonb_agg(distinct v), '[]'::jsonb)
            from jsonb_array_elements(${crawlCursors.highWaterIds} || excluded.high_water_ids) as t(v))
          else ${crawlCursors.highWaterIds} end`,
        cursor: sql`excluded.cursor`,
        updatedAt: sql`now()`,
      },
    });
}
