import type { Role } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { users } from '../schema/index.ts';

/** Fields of a new user. The caller hashes the password (argon2). */
export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  displayName?: string;
  team?: string;
}

/** Insert a user; returns its id, or null when the username is taken (idempotent seeding). */
export async function createUser(db: Db, u: NewUser): Promise<number | null> {
  const rows = await db
    .insert(users)
    .values({
      username: u.username,
      passwordHash: u.passwordHash,
      role: u.role,
      displayName: u.displayName ?? null,
      team: u.team ?? null,
    })
    .onConflictDoNothing({ target: users.username })
    .returning({ id: users.id });
  return rows[0]?.id ?? null;
}
