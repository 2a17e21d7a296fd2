import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';
import { type PublicUser, userPublicColumns } from './list-users.ts';

/** The user with this id (public columns), or null. */
export async function getUserById(db: Db, id: number): Promise<PublicUser | null> {
  const rows = await db.select(userPublicColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}
