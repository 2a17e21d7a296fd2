import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseEvents } from '../schema/index.ts';
import type { CaseEventRow, NewCaseEvent } from './append-case-event.ts';

/**
 * Append many case events in one statement; events whose dedupe key exists already are skipped.
 * The events travel as one JSON parameter: a route job appends hundreds, and drizzle spent more
 * building a statement with one parameter per field than PostgreSQL spent running it.
 */
export async function appendCaseEvents(db: Db, events: readonly NewCaseEvent[]): Promise<CaseEventRow[]> {
  if (events.length === 0) return [];
  const payload = JSON.stringify(
    events.map((e) => ({
      caseId: e.caseId,
      at: e.at instanceof Date ? e.at.toISOString() : null,
      actorType: e.actorType,
      actorId: e.actorId ?? null,
      type: e.type,
      before: e.before ?? null,
      after: e.after ?? null,
      data: e.data ?? null,
      dedupeKey: e.dedupeKey ?? null,
    })),
  );
  // Columns in the table's order, as drizzle's insert … select requires.
  return db
    .insert(caseEvents)
    .select(
      sql`select nextval(pg_get_serial_sequence('case_events', 'id')), r."caseId", coalesce(r.at, now()),
        r."actorType", r."actorId", r.type, r.before, r.after, r.data, r."dedupeKey"
      from rows from (jsonb_to_recordset(${payload}::jsonb) as (
        "caseId" bigint, at timestamptz, "actorType" text, "actorId" text, type text, before jsonb,
        after jsonb, data jsonb, "dedupeKey" text)) with ordinality
        as r("caseId", at, "actorType", "actorId", type, before, after, data, "dedupeKey", n)
      order by r.n`,
    )
    .onConflictDoNothing()
    .returning();
}
