import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseEvents } from '../schema/index.ts';
import type { CaseEventRow } from './append-case-event.ts';

/** A case's timeline, in the order things happened. */
export async function listCaseEvents(db: Db, caseId: number): Promise<CaseEventRow[]> {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
}
