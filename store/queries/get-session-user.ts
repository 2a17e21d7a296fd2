import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sessions, users } from '../schema/index.ts';

/** The unexpired session with this token hash and its enabled user, or null. */
export async function getSessionUser(db: Db, tokenHash: string) {
  const rows = await db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      team: users.team,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date()), eq(users.disabled, false)),
    )
    .limit(1);
  return rows[0] ?? null;
}
