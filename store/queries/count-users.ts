import { count, eq } from 'drizzle-orm';
import type { Role } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** Number of users, optionally with one role. */
export async function countUsers(db: Db, role?: Role): Promise<number> {
  const q = db.select({ n: count() }).from(users);
  const rows = role ? await q.where(eq(users.role, role)) : await q;
  return Number(rows[0]?.n ?? 0);
}
