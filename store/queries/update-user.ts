import { eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { sessions, users } from '../schema/index.ts';
import { type PublicUser, userPublicColumns } from './list-users.ts';

/** Fields an admin may change. The caller hashes a new password. */
export interface UserPatch {
  displayName?: string | null;
  role?: string;
  team?: string | null;
  onDuty?: boolean;
  disabled?: boolean;
  passwordHash?: string;
}

/**
 * Update a user; returns the new row or null when absent. Disabling a user or changing the password
 * or role ends their sessions.
 */
export async function updateUser(db: Db, id: number, patch: UserPatch): Promise<PublicUser | null> {
  return await db.transaction(async (tx) => {
    const rows = await tx.update(users).set(patch).where(eq(users.id, id)).returning(userPublicColumns);
    const row = rows[0] ?? null;
    if (row && (patch.disabled || patch.passwordHash || patch.role)) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    return row;
  });
}
