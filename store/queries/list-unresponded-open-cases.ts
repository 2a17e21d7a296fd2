import { and, asc, gt, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';

/** Open cases still waiting for a first response: the ones with live SLA timers. Paged by id. */
export async function listUnrespondedOpenCases(db: Db, afterId = 0, limit = 1000) {
  return db
    .select({
      id: cases.id,
      priority: cases.priority,
      publishedAt: cases.publishedAt,
      firstResponseDueAt: cases.firstResponseDueAt,
      escalatedAt: cases.escalatedAt,
      breachedAt: cases.breachedAt,
    })
    .from(cases)
    .where(
      and(
        gt(cases.id, afterId),
        isNull(cases.firstRespondedAt),
        isNull(cases.mergedIntoId),
        inArray(cases.status, ['new', 'assigned', 'in_progress']),
      ),
    )
    .orderBy(asc(cases.id))
    .limit(limit);
}
