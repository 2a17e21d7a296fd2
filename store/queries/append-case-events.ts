import type { Db } from '../db.ts';
import { caseEvents } from '../schema/index.ts';
import type { CaseEventRow, NewCaseEvent } from './append-case-event.ts';

/** Append many case events in one statement; events whose dedupe key exists already are skipped. */
export async function appendCaseEvents(db: Db, events: readonly NewCaseEvent[]): Promise<CaseEventRow[]> {
  if (events.length === 0) return [];
  return db
    .insert(caseEvents)
    .values([...events])
    .onConflictDoNothing()
    .returning();
}
