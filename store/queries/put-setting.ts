import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { auditLog, settings } from '../schema/index.ts';

/** A settings change with its actor, audited in the same transaction. */
export interface SettingChange {
  key: string;
  value: unknown;
  userId: number | null;
  actorType: string;
  actorId: string | null;
}

/** Upsert a setting and write the audit entry (before and after). Returns the previous value. */
export async function putSetting(db: Db, c: SettingChange): Promise<unknown> {
  return await db.transaction(async (tx) => {
    const [prev] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, c.key));
    await tx
      .insert(settings)
      .values({ key: c.key, value: c.value, updatedBy: c.userId })
      .onConflictDoUpdate({
        target: settings.key,
        set: { value: c.value, updatedBy: c.userId, updatedAt: sql`now()` },
      });
    await tx.insert(auditLog).values({
      actorType: c.actorType,
      actorId: c.actorId,
      action: 'settings.update',
      target: `settings:${c.key}`,
      before: prev?.value ?? null,
      after: c.value,
    });
    return prev?.value ?? null;
  });
}
