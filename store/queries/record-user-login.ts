import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** Stamp a successful login. */
export async function recordUserLogin(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, userId));
}
