import { asc } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** The public columns of a user (never the password hash). */
export const userPublicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  team: users.team,
  onDuty: users.onDuty,
  disabled: users.disabled,
  createdAt: users.createdAt,
  lastLoginAt: users.lastLoginAt,
};

/** Every user, by username. */
export async function listUsers(db: Db) {
  return await db.select(userPublicColumns).from(users).orderBy(asc(users.username));
}

/** A user as listed. */
export type PublicUser = Awaited<ReturnType<typeof listUsers>>[number];
