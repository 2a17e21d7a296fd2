import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseEvents } from '../schema/index.ts';

/** The dedupe keys already recorded for these cases (e.g. SLA timers that fired). */
export async function listCaseEventDedupeKeys(db: Db, caseIds: readonly number[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await db
    .select({ key: caseEvents.dedupeKey })
    .from(caseEvents)
    .where(and(inArray(caseEvents.caseId, [...caseIds]), isNotNull(caseEvents.dedupeKey)));
  return new Set(rows.map((r) => r.key ?? ''));
}
