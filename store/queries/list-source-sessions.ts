import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sourceSessions } from '../schema/index.ts';

/** One account session of a source. */
export type SourceSessionRow = typeof sourceSessions.$inferSelect;

/** Every account session recorded for a source, by account id. */
export async function listSourceSessions(db: Db, sourceId: string): Promise<SourceSessionRow[]> {
  return db
    .select()
    .from(sourceSessions)
    .where(eq(sourceSessions.sourceId, sourceId))
    .orderBy(asc(sourceSessions.accountId));
}
