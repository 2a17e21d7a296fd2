import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** The user with this username, or null. */
export async function getUserByUsername(db: Db, username: string) {
  const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
  return rows[0] ?? null;
}
