import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';
import type { CaseRow } from './insert-case.ts';

/** A case by id, or null. */
export async function getCaseById(db: Db, caseId: number): Promise<CaseRow | null> {
  const rows = await db.select().from(cases).where(eq(cases.id, caseId)).limit(1);
  return rows[0] ?? null;
}
