import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sources } from '../schema/index.ts';

/** A source's health record. */
export type SourceHealth = typeof sources.$inferSelect;

/** The health record of one source, or null when it is not synced. */
export async function getSourceHealth(db: Db, sourceId: string): Promise<SourceHealth | null> {
  const [row] = await db.select().from(sources).where(eq(sources.id, sourceId));
  return row ?? null;
}
