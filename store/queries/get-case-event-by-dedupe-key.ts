import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseEvents } from '../schema/index.ts';
import type { CaseEventRow } from './append-case-event.ts';

/** The case event recorded under a dedupe key, or null. */
export async function getCaseEventByDedupeKey(db: Db, dedupeKey: string): Promise<CaseEventRow | null> {
  const rows = await db.select().from(caseEvents).where(eq(caseEvents.dedupeKey, dedupeKey)).limit(1);
  return rows[0] ?? null;
}
