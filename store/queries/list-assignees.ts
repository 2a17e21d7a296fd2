import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** Options for {@link listAssignees}. */
export interface ListAssigneesOptions {
  /**
   * Roles whose users may be assigned cases (the API passes the holders of `cases.work`). Users of
   * other roles are left out; an empty list returns no one.
   */
  roles: readonly string[];
}

/**
 * Enabled users of the given roles that cases can be assigned to, by username. Only the fields a
 * case worker needs to pick or name someone: never the password hash, login times or duty state.
 */
export async function listAssignees(db: Db, opts: ListAssigneesOptions) {
  if (opts.roles.length === 0) return [];
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      team: users.team,
      role: users.role,
    })
    .from(users)
    .where(and(eq(users.disabled, false), inArray(users.role, [...opts.roles])))
    .orderBy(asc(users.username));
}

/** A person cases can be assigned to. */
export type Assignee = Awaited<ReturnType<typeof listAssignees>>[number];
