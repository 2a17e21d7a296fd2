import { asc } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sources } from '../schema/index.ts';

/** Every configured source with its health record. */
export async function listSources(db: Db) {
  return await db.select().from(sources).orderBy(asc(sources.id));
}
