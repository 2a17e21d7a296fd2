import { and, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { crawlCursors } from '../schema/index.ts';

/** The incremental-crawl high-water mark of one (source, query). */
export interface CrawlCursor {
  sourceId: string;
  query: string;
  /** Newest publish time seen, or null before the first complete run. */
  highWaterAt: Date | null;
  /** External ids published exactly at `highWaterAt` (ties). */
  highWaterIds: string[];
  /** Adapter-specific paging state. */
  cursor: Record<string, unknown>;
  updatedAt: Date | null;
}

/** The cursor of (source, query); an empty one when none was saved yet. */
export async function getCrawlCursor(db: Db, sourceId: string, query: string): Promise<CrawlCursor> {
  const [row] = await db
    .select()
    .from(crawlCursors)
    .where(and(eq(crawlCursors.sourceId, sourceId), eq(crawlCursors.query, query)));
  if (!row) return { sourceId, query, highWaterAt: null, highWaterIds: [], cursor: {}, updatedAt: null };
  const cursor =
    row.cursor && typeof row.cursor === 'object' && !Array.isArray(row.cursor)
      ? (row.cursor as Record<string, unknown>)
      : {};
  return {
    sourceId,
    query,
    highWaterAt: row.highWaterAt,
    highWaterIds: row.highWaterIds,
    cursor,
    updatedAt: row.updatedAt,
  };
}
