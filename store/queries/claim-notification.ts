import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { notifications } from '../schema/index.ts';

/**
 * Record an attempt to send one notification to one channel. Returns false when it was sent already
 * (one event, one message per channel); otherwise counts the attempt and returns true.
 */
export async function claimNotification(
  db: Db,
  n: { dedupeKey: string; channelId: string; event: string },
): Promise<boolean> {
  const rows = await db
    .insert(notifications)
    .values({ ...n, status: 'sending', attempts: 1 })
    .onConflictDoUpdate({
      target: notifications.dedupeKey,
      set: { attempts: sql`${notifications.attempts} + 1`, status: 'sending' },
      setWhere: sql`${notifications.status} <> 'sent'`,
    })
    .returning({ id: notifications.id });
  if (rows.length > 0) return true;
  const existing = await db
    .select({ status: notifications.status })
    .from(notifications)
    .where(eq(notifications.dedupeKey, n.dedupeKey));
  return existing[0]?.status !== 'sent';
}
