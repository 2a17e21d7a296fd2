import { getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';

/** A stored mention without its raw payload (the pipeline never needs it, and it is the heaviest column). */
export type MentionRow = Omit<typeof mentions.$inferSelect, 'raw'>;

const { raw: _raw, ...columns } = getTableColumns(mentions);

/** Mentions by id (without `raw`), in ascending id order; missing ids are skipped. */
export async function getMentionsByIds(db: Db, ids: readonly number[]): Promise<MentionRow[]> {
  if (ids.length === 0) return [];
  // One text parameter rather than one per id: building a 250-parameter statement cost drizzle
  // more than PostgreSQL spent running it.
  const list = ids.map((id) => Math.trunc(id)).join(',');
  return db
    .select(columns)
    .from(mentions)
    .where(sql`${mentions.id} = any(string_to_array(${list}, ',')::bigint[])`)
    .orderBy(mentions.id);
}
