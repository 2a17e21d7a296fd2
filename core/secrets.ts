import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

/**
 * The salt for hashes of masked personal data: KOUBEI_PII_SALT, or one generated on first use and
 * kept in the data directory (mode 0600), so hashes stay comparable across restarts.
 */
export function piiSalt(config: Config): string {
  if (config.env.KOUBEI_PII_SALT) return config.env.KOUBEI_PII_SALT;
  const file = join(config.dataDir, 'pii-salt');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const salt = randomBytes(32).toString('hex');
  writeFileSync(file, salt, { mode: 0o600, flag: 'wx' });
  return salt;
}
