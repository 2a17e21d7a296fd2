import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sessions } from '../schema/index.ts';

/** Remove a session (logout). */
export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}
