import { ConflictError, hashPassword, NotFoundError } from '../../core/index.ts';
import {
  createApiKey,
  createUser,
  type Db,
  deleteUser,
  getUserById,
  insertAuditLog,
  listUsers,
  revokeApiKey,
  updateUser,
  type UserPatch,
} from '../../store/index.ts';
import { type AuthContext, generateApiKey } from './auth-service.ts';

function audit(db: Db, auth: AuthContext, action: string, target: string, before?: unknown, after?: unknown) {
  return insertAuditLog(db, {
    actorType: auth.actorType,
    actorId: auth.actorId,
    action,
    target,
    before,
    after,
  });
}

/** Create a user (argon2 password), audited. 409 when the username is taken. */
export async function addUser(
  db: Db,
  b: {
    username: string;
    password: string;
    role: string;
    displayName?: string | undefined;
    team?: string | undefined;
  },
  auth: AuthContext,
) {
  const id = await createUser(db, {
    username: b.username,
    passwordHash: await hashPassword(b.password),
    role: b.role as 'viewer',
    ...(b.displayName ? { displayName: b.displayName } : {}),
    ...(b.team ? { team: b.team } : {}),
  });
  if (id === null) throw new ConflictError(`username ${b.username} is taken`);
  const user = await getUserById(db, id);
  await audit(db, auth, 'user.create', `user:${id}`, null, user);
  return user;
}

/** Refuse changes that would leave no enabled admin. */
async function guardLastAdmin(
  db: Db,
  before: { role: string; disabled: boolean },
  removes: boolean,
): Promise<void> {
  if (!removes || before.role !== 'admin' || before.disabled) return;
  const admins = (await listUsers(db)).filter((u) => u.role === 'admin' && !u.disabled);
  if (admins.length <= 1) throw new ConflictError('this is the last admin; create another admin first');
}

/** Change a user, audited (password changes are recorded without the password). */
export async function changeUser(
  db: Db,
  id: number,
  b: {
    password?: string | undefined;
    role?: string | undefined;
    displayName?: string | null | undefined;
    team?: string | null | undefined;
    onDuty?: boolean | undefined;
    disabled?: boolean | undefined;
  },
  auth: AuthContext,
) {
  const before = await getUserById(db, id);
  if (!before) throw new NotFoundError(`user ${id} does not exist`);
  await guardLastAdmin(db, before, (b.role !== undefined && b.role !== 'admin') || b.disabled === true);
  const { password, ...fields } = b;
  const patch: UserPatch = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (password) patch.passwordHash = await hashPassword(password);
  const after = await updateUser(db, id, patch);
  await audit(db, auth, 'user.update', `user:${id}`, before, {
    ...after,
    ...(password ? { password: '[changed]' } : {}),
  });
  return after;
}

/** Delete a user, audited. */
export async function removeUser(db: Db, id: number, auth: AuthContext): Promise<void> {
  const before = await getUserById(db, id);
  if (!before) throw new NotFoundError(`user ${id} does not exist`);
  await guardLastAdmin(db, before, true);
  await deleteUser(db, id);
  await audit(db, auth, 'user.delete', `user:${id}`, before, null);
}

/** Create an API key; the key is returned once, only its SHA-256 is stored. Audited. */
export async function addApiKey(db: Db, b: { name: string; role: string }, auth: AuthContext) {
  const { key, prefix, keyHash } = generateApiKey();
  const row = await createApiKey(db, { name: b.name, prefix, keyHash, role: b.role, createdBy: auth.userId });
  const info = {
    id: row.id,
    name: b.name,
    prefix,
    role: b.role,
    createdBy: auth.userId,
    createdAt: row.createdAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await audit(db, auth, 'api_key.create', `api_key:${row.id}`, null, info);
  return { ...info, key };
}

/** Revoke an API key, audited. */
export async function removeApiKey(db: Db, id: number, auth: AuthContext): Promise<void> {
  if (!(await revokeApiKey(db, id))) throw new NotFoundError(`active API key ${id} does not exist`);
  await audit(db, auth, 'api_key.revoke', `api_key:${id}`);
}
