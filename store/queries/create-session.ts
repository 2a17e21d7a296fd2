import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sessions } from '../schema/index.ts';

/** A new session; the caller hashes the cookie token. */
export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
}

/** Store a session (and drop the user's expired ones). */
export async function createSession(db: Db, s: NewSession): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, s.userId), lt(sessions.expiresAt, new Date())));
  await db.insert(sessions).values(s);
}
