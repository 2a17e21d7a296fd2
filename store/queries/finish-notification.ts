import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { notifications } from '../schema/index.ts';

/** Mark a notification `sent`, or `failed` / `skipped` with the error. */
export async function finishNotification(
  db: Db,
  dedupeKey: string,
  status: 'sent' | 'failed' | 'skipped',
  error?: string,
): Promise<void> {
  await db
    .update(notifications)
    .set({ status, lastError: error ?? null, ...(status === 'sent' ? { sentAt: sql`now()` } : {}) })
    .where(eq(notifications.dedupeKey, dedupeKey));
}
