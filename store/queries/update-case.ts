import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';
import type { CaseRow } from './insert-case.ts';

/** Fields a case update may change. */
export type CasePatch = Partial<
  Omit<typeof cases.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>
>;

/** Update a case, bump its version and `updated_at`; returns the new row (null when missing). */
export async function updateCase(db: Db, caseId: number, patch: CasePatch): Promise<CaseRow | null> {
  const rows = await db
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(eq(cases.id, caseId))
    .returning();
  return rows[0] ?? null;
}
