import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { apiKeys } from '../schema/index.ts';

/** The unrevoked key with this prefix (with its hash, for verification), or null. */
export async function getApiKeyByPrefix(db: Db, prefix: string) {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, prefix), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}
