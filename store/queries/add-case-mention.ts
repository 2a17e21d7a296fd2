import type { Db } from '../db.ts';
import { caseMentions } from '../schema/index.ts';

/** Attach a mention to a case; false when the mention belongs to a case already. */
export async function addCaseMention(
  db: Db,
  caseId: number,
  mentionId: number,
  reason: string,
): Promise<boolean> {
  const rows = await db
    .insert(caseMentions)
    .values({ caseId, mentionId, reason })
    .onConflictDoNothing()
    .returning({ mentionId: caseMentions.mentionId });
  return rows.length > 0;
}
