import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseMentions } from '../schema/index.ts';

/**
 * Attach many mentions to cases in one statement; returns the mention ids actually attached (a
 * mention belongs to one case: one attached already is skipped). The rows travel as one JSON
 * parameter, which costs drizzle far less to build than one parameter per field.
 */
export async function addCaseMentions(
  db: Db,
  rows: readonly { caseId: number; mentionId: number; reason: string }[],
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const payload = JSON.stringify(rows.map((r) => ({ c: r.caseId, m: r.mentionId, r: r.reason })));
  // Columns in the table's order, as drizzle's insert … select requires.
  const out = await db
    .insert(caseMentions)
    .select(
      sql`select x.c, x.m, x.r, now() from jsonb_to_recordset(${payload}::jsonb) as x(c bigint, m bigint, r text)`,
    )
    .onConflictDoNothing()
    .returning({ mentionId: caseMentions.mentionId });
  return new Set(out.map((r) => r.mentionId));
}
