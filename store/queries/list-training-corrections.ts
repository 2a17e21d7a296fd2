import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { resultRows } from '../db.ts';

/** One corrected mention as a training example: its text and its current (corrected) labels. */
export interface TrainingExample {
  mentionId: number;
  text: string;
  label: string | null;
  categories: string[];
}

/**
 * Corrected mentions after `afterId` (by mention id, ascending), at most `limit`: the latest
 * labels win, so each mention appears once however often it was corrected.
 */
export async function listTrainingCorrections(
  db: Db,
  afterId: number,
  limit: number,
): Promise<TrainingExample[]> {
  const res = await db.execute(sql`
    select m.id::float8 as id, m.text, m.sentiment, m.categories
    from mentions m
    where m.corrected and m.id > ${afterId}
      and exists (select 1 from mention_corrections c where c.mention_id = m.id)
    order by m.id
    limit ${limit}`);
  return resultRows<{ id: number; text: string; sentiment: string | null; categories: string[] }>(res).map(
    (r) => ({
      mentionId: Number(r.id),
      text: r.text,
      label: r.sentiment,
      categories: r.categories,
    }),
  );
}
