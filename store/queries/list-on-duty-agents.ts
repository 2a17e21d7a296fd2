import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { CASE_WORKER_ROLES } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/**
 * Enabled, on-duty case workers (admin, PR lead, PR agent) of a team (by `users.team`, or listed by
 * username in the team's config), in id order: the round-robin ring. A brand manager or viewer on
 * the team is never given a case they could not open.
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
    .where(
      and(
        member,
        eq(users.onDuty, true),
        eq(users.disabled, false),
        inArray(users.role, [...CASE_WORKER_ROLES]),
      ),
    )
    .orderBy(asc(users.id));
}
