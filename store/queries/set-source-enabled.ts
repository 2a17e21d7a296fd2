import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sources } from '../schema/index.ts';

/** Enable or disable a source; returns the updated row or null when absent. */
export async function setSourceEnabled(db: Db, id: string, enabled: boolean) {
  const rows = await db
    .update(sources)
    .set({ enabled, updatedAt: sql`now()` })
    .where(eq(sources.id, id))
    .returning();
  return rows[0] ?? null;
}
