import { inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** Public fields of users by id (never the password hash). */
export async function getUsersByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      team: users.team,
      onDuty: users.onDuty,
      disabled: users.disabled,
    })
    .from(users)
    .where(inArray(users.id, [...ids]));
}
