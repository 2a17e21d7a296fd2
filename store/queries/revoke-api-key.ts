import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { apiKeys } from '../schema/index.ts';

/** Revoke a key; true when an active key was revoked. */
export async function revokeApiKey(db: Db, id: number): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
