import type { Db } from '../db.ts';
import { caseEvents } from '../schema/index.ts';

/** A case event to append. */
export type NewCaseEvent = typeof caseEvents.$inferInsert;
/** A stored case event. */
export type CaseEventRow = typeof caseEvents.$inferSelect;

/**
 * Append one event to a case's audit trail. With a `dedupeKey`, a second append of the same key is
 * ignored and returns null (a timer or job that runs twice records once).
 */
export async function appendCaseEvent(db: Db, event: NewCaseEvent): Promise<CaseEventRow | null> {
  const rows = await db.insert(caseEvents).values(event).onConflictDoNothing().returning();
  return rows[0] ?? null;
}
