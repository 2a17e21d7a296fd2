import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';
import { idIn } from './id-list-sql.ts';

/** A stored mention without its raw payload (the pipeline never needs it, and it is the heaviest column). */
export type MentionRow = Omit<typeof mentions.$inferSelect, 'raw'>;

const { raw: _raw, ...columns } = getTableColumns(mentions);

/** Mentions by id (without `raw`), in ascending id order; missing ids are skipped. */
export async function getMentionsByIds(db: Db, ids: readonly number[]): Promise<MentionRow[]> {
  if (ids.length === 0) return [];
  return db.select(columns).from(mentions).where(idIn(mentions.id, ids)).orderBy(mentions.id);
}
