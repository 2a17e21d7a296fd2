import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';
import { type MentionFilter, mentionFilterSql } from './mention-filter-sql.ts';
import { type MentionSummary, mentionSummaryColumns } from './search-mentions.ts';

/**
 * The most-engaged mentions (reposts + comments + likes) matching the filter, at most `limit`
 * (default 20). With `sentiments: ['neg']`, the most-engaged negative mentions.
 */
export async function listTopEngagedMentions(
  db: Db,
  f: MentionFilter,
  limit = 20,
): Promise<MentionSummary[]> {
  return await db
    .select(mentionSummaryColumns)
    .from(mentions)
    .where(sql`${mentionFilterSql(f, 'mentions')}`)
    .orderBy(desc(sql`${mentions.reposts} + ${mentions.comments} + ${mentions.likes}`), desc(mentions.id))
    .limit(limit);
}
