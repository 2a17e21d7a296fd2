import { countUsers, createUser, type Db } from '../store/index.ts';
import { hashPassword, randomPassword } from '../core/index.ts';

/** Options for {@link ensureFirstAdmin}. */
export interface FirstAdminOptions {
  /** The password to set. Default: a random 16-character one (`randomPassword`). */
  password?: string;
}

/**
 * Create the user `admin` (role admin) when no admin exists yet, so a fresh install can sign in.
 * Returns the login to print once, or null when an admin already exists. If a non-admin user is
 * already called `admin`, the new admin gets a suffixed name.
 */
export async function ensureFirstAdmin(
  db: Db,
  opts: FirstAdminOptions = {},
): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(db, 'admin')) > 0) return null;
  const password = opts.password ?? randomPassword();
  const passwordHash = await hashPassword(password);
  for (const username of ['admin', `admin-${randomPassword(4).toLowerCase()}`]) {
    const id = await createUser(db, { username, passwordHash, role: 'admin', displayName: 'Administrator' });
    if (id !== null) return { username, password };
  }
  return null;
}
