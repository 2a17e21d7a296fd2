import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseMentions } from '../schema/index.ts';

/** Move every mention of one case to another (merge); returns the number moved. */
export async function moveCaseMentions(db: Db, fromCaseId: number, toCaseId: number): Promise<number> {
  const rows = await db
    .update(caseMentions)
    .set({ caseId: toCaseId, reason: 'merge' })
    .where(eq(caseMentions.caseId, fromCaseId))
    .returning({ mentionId: caseMentions.mentionId });
  return rows.length;
}
