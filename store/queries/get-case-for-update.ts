import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';
import type { CaseRow } from './insert-case.ts';

/** A case, row-locked until the transaction ends (call inside a transaction). Null when missing. */
export async function getCaseForUpdate(tx: Db, caseId: number): Promise<CaseRow | null> {
  const rows = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
  return rows[0] ?? null;
}
