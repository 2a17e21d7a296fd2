import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashPassword, verifyPassword } from '../../core/index.ts';
import {
  createSession,
  type Db,
  getApiKeyByPrefix,
  getSessionUser,
  getUserByUsername,
  recordUserLogin,
  touchApiKey,
} from '../../store/index.ts';

/** Who is calling: a dashboard session or an integration API key. */
export interface AuthContext {
  kind: 'session' | 'api_key';
  role: string;
  /** The user (sessions), or null for API keys. */
  userId: number | null;
  /** Username, or the key's name for API keys. */
  username: string;
  /** The user's display name (sessions), null when unset or for API keys. */
  displayName: string | null;
  team: string | null;
  /** The session's CSRF token (sessions only). */
  csrfToken: string | null;
  keyId: number | null;
  /** For audit logs and case events. */
  actorType: 'user' | 'api_key';
  actorId: string;
}

/** SHA-256 hex of a high-entropy secret (session tokens, API keys): enough, and fast to look up. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

let dummyHash: Promise<string> | undefined;

/** A new session for a successful login. */
export interface LoginResult {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  auth: AuthContext;
}

/**
 * Check a username and password (argon2) and open a session. Unknown users and disabled accounts
 * still pay for one argon2 verification, so timing does not reveal which usernames exist.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  ttlMs: number,
): Promise<LoginResult | null> {
  const user = await getUserByUsername(db, username);
  if (!user || user.disabled) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verifyPassword(await dummyHash, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlMs);
  await createSession(db, { tokenHash: sha256(token), userId: user.id, csrfToken, expiresAt });
  await recordUserLogin(db, user.id);
  const auth: AuthContext = {
    kind: 'session',
    role: user.role,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    team: user.team,
    csrfToken,
    keyId: null,
    actorType: 'user',
    actorId: String(user.id),
  };
  return { token, csrfToken, expiresAt, auth };
}

/** The caller behind a session cookie, or null when unknown or expired. */
export async function sessionAuth(db: Db, token: string): Promise<AuthContext | null> {
  if (token.length > 200) return null;
  const s = await getSessionUser(db, sha256(token));
  if (!s) return null;
  return {
    kind: 'session',
    role: s.role,
    userId: s.userId,
    username: s.username,
    displayName: s.displayName,
    team: s.team,
    csrfToken: s.csrfToken,
    keyId: null,
    actorType: 'user',
    actorId: String(s.userId),
  };
}

const KEY_FORMAT = /^(kb_[0-9a-f]{12})_[A-Za-z0-9_-]{43}$/;

/** A freshly generated API key: `kb_<12 hex>_<43 base64url>` (256 random bits after the prefix). */
export function generateApiKey(): { key: string; prefix: string; keyHash: string } {
  const prefix = `kb_${randomBytes(6).toString('hex')}`;
  const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { key, prefix, keyHash: sha256(key) };
}

/** The caller behind a Bearer API key, or null. Looks the key up by prefix, compares hashes in constant time. */
export async function apiKeyAuth(db: Db, key: string): Promise<AuthContext | null> {
  const m = KEY_FORMAT.exec(key);
  if (!m?.[1]) return null;
  const row = await getApiKeyByPrefix(db, m[1]);
  if (!row || !safeEqual(row.keyHash, sha256(key))) return null;
  await touchApiKey(db, row.id);
  return {
    kind: 'api_key',
    role: row.role,
    userId: null,
    username: row.name,
    displayName: null,
    team: null,
    csrfToken: null,
    keyId: row.id,
    actorType: 'api_key',
    actorId: String(row.id),
  };
}
