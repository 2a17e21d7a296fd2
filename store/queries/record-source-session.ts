import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sourceSessions } from '../schema/index.ts';

/** A change to one account session of a source. */
export interface SourceSessionUpdate {
  sourceId: string;
  /** Account label from config (`anonymous` without accounts); never the cookie. */
  accountId: string;
  /** Used at this time. Default: unchanged. */
  usedAt?: Date;
  /** Blocked until then; null clears a block. Default: unchanged. */
  blockedUntil?: Date | null;
  /** Block signal. Default: unchanged. */
  blockSignal?: string | null;
  /** Count one more error (a block). Default false. */
  error?: boolean;
  /** Reset the error count (a clean run). Default false. */
  resetErrors?: boolean;
}

/** Upsert the (source, account) session record. */
export async function recordSourceSession(db: Db, u: SourceSessionUpdate): Promise<void> {
  const set: Record<string, unknown> = {};
  if (u.usedAt) set.lastUsedAt = u.usedAt;
  if (u.blockedUntil !== undefined) set.blockedUntil = u.blockedUntil;
  if (u.blockSignal !== undefined) set.blockSignal = u.blockSignal;
  if (u.error) set.errorCount = sql`${sourceSessions.errorCount} + 1`;
  else if (u.resetErrors) set.errorCount = 0;
  await db
    .insert(sourceSessions)
    .values({
      sourceId: u.sourceId,
      accountId: u.accountId,
      lastUsedAt: u.usedAt ?? null,
      blockedUntil: u.blockedUntil ?? null,
      blockSignal: u.blockSignal ?? null,
      errorCount: u.error ? 1 : 0,
    })
    .onConflictDoUpdate({
      target: [sourceSessions.sourceId, sourceSessions.accountId],
      set: Object.keys(set).length ? set : { accountId: u.accountId },
    });
}
