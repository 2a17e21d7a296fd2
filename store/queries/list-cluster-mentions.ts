import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';
import { type MentionSummary, mentionSummaryColumns } from './search-mentions.ts';

/** Other mentions of a near-duplicate cluster, newest first (at most `limit`, default 50). */
export async function listClusterMentions(
  db: Db,
  clusterId: number,
  excludeId: number,
  limit = 50,
): Promise<MentionSummary[]> {
  return await db
    .select(mentionSummaryColumns)
    .from(mentions)
    .where(and(eq(mentions.clusterId, clusterId), ne(mentions.id, excludeId)))
    .orderBy(desc(mentions.publishedAt))
    .limit(limit);
}
