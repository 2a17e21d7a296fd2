import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Hash a password with argon2id (library defaults: 19 MiB memory, 2 iterations). */
export async function hashPassword(password: string): Promise<string> {
  return await hash(password);
}

/** Check a password against an argon2 hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A random password of URL-safe characters, for the first admin. */
export function randomPassword(length = 16): string {
  return randomBytes(length * 2)
    .toString('base64url')
    .replace(/[-_]/g, '')
    .slice(0, length);
}
