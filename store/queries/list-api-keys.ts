import { asc } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { apiKeys } from '../schema/index.ts';

/** Every API key without its hash, oldest first. */
export async function listApiKeys(db: Db) {
  return await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .orderBy(asc(apiKeys.id));
}
