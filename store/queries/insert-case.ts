import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';

/** A new case row. */
export type NewCase = typeof cases.$inferInsert;
/** A stored case row. */
export type CaseRow = typeof cases.$inferSelect;

/** Insert a case; null when a case with this primary mention exists already (duplicate execution). */
export async function insertCase(db: Db, values: NewCase): Promise<CaseRow | null> {
  const rows = await db
    .insert(cases)
    .values(values)
    .onConflictDoNothing({ target: cases.primaryMentionId })
    .returning();
  return rows[0] ?? null;
}
