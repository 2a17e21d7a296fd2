import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';
import { type MentionFilter, mentionFilterSql } from './mention-filter-sql.ts';

/** Raw mentions matching the filter, counted per category (and the total, under `''`). */
export async function getMentionCategoryCounts(db: Db, f: MentionFilter): Promise<Map<string, number>> {
  const res = await db.execute(sql`
    select c.category, count(*)::int as count
    from mentions m cross join lateral unnest(array['']::text[] || m.categories) as c(category)
    where ${mentionFilterSql(f)}
    group by 1`);
  return new Map(
    resultRows<{ category: string; count: number }>(res).map((r) => [r.category, Number(r.count)]),
  );
}
