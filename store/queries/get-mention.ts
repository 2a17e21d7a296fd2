import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';

/** The full mention row with its analysis and explanation, or null. */
export async function getMention(db: Db, id: number) {
  const rows = await db.select().from(mentions).where(eq(mentions.id, id)).limit(1);
  return rows[0] ?? null;
}
