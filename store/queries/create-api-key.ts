import type { Db } from '../db.ts';
import { apiKeys } from '../schema/index.ts';

/** A new API key; the caller generates the key and hashes it. */
export interface NewApiKey {
  name: string;
  prefix: string;
  keyHash: string;
  role: string;
  createdBy: number | null;
}

/** Store an API key; returns its id and creation time. */
export async function createApiKey(db: Db, k: NewApiKey) {
  const rows = await db.insert(apiKeys).values(k).returning({ id: apiKeys.id, createdAt: apiKeys.createdAt });
  const row = rows[0];
  if (!row) throw new Error('insert returned no row');
  return row;
}
