import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/**
 * Enabled, on-duty users of a team (by `users.team`, or listed by username in the team's config),
 * in id order: the round-robin ring.
 */
export async function listOnDutyAgents(
  db: Db,
  team: string,
  usernames: readonly string[] = [],
): Promise<{ id: number; username: string }[]> {
  const member = usernames.length
    ? or(eq(users.team, team), inArray(users.username, [...usernames]))
    : eq(users.team, team);
  return db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(member, eq(users.onDuty, true), eq(users.disabled, false)))
    .orderBy(asc(users.id));
}
