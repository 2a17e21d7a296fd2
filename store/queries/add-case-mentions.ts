import type { Db } from '../db.ts';
import { caseMentions } from '../schema/index.ts';

/** Attach many mentions to cases in one statement; returns the mention ids actually attached. */
export async function addCaseMentions(
  db: Db,
  rows: readonly { caseId: number; mentionId: number; reason: string }[],
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const out = await db
    .insert(caseMentions)
    .values([...rows])
    .onConflictDoNothing()
    .returning({ mentionId: caseMentions.mentionId });
  return new Set(out.map((r) => r.mentionId));
}
