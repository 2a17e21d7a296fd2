import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseMentions, cases } from '../schema/index.ts';

/** Which case a mention belongs to, and whether it opened that case. */
export interface CaseMembership {
  mentionId: number;
  caseId: number;
  primary: boolean;
}

/** The case of each mention that has one. */
export async function getCaseMemberships(db: Db, mentionIds: readonly number[]): Promise<CaseMembership[]> {
  if (mentionIds.length === 0) return [];
  const rows = await db
    .select({
      mentionId: caseMentions.mentionId,
      caseId: caseMentions.caseId,
      primaryMentionId: cases.primaryMentionId,
    })
    .from(caseMentions)
    .innerJoin(cases, eq(cases.id, caseMentions.caseId))
    .where(inArray(caseMentions.mentionId, [...mentionIds]));
  return rows.map((r) => ({
    mentionId: r.mentionId,
    caseId: r.caseId,
    primary: r.primaryMentionId === r.mentionId,
  }));
}
