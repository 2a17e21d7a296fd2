import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseMentions, cases } from '../schema/index.ts';

/** The case a mention belongs to (id, status, priority, assignee, deadline), or null. */
export async function getCaseForMention(db: Db, mentionId: number) {
  const rows = await db
    .select({
      id: cases.id,
      status: cases.status,
      priority: cases.priority,
      assigneeId: cases.assigneeId,
      team: cases.team,
      firstResponseDueAt: cases.firstResponseDueAt,
      mergedIntoId: cases.mergedIntoId,
    })
    .from(caseMentions)
    .innerJoin(cases, eq(cases.id, caseMentions.caseId))
    .where(eq(caseMentions.mentionId, mentionId))
    .limit(1);
  return rows[0] ?? null;
}
