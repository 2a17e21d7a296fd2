import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../core/index.ts';

/**
 * The salt for PII hashes: `KOUBEI_PII_SALT` when set, otherwise a random salt generated once and
 * kept in `<dataDir>/pii-salt` (mode 0600), so hashes stay comparable across restarts and processes.
 */
export function resolvePiiSalt(config: Pick<Config, 'env' | 'dataDir'>): string {
  if (config.env.KOUBEI_PII_SALT) return config.env.KOUBEI_PII_SALT;
  const file = join(config.dataDir, 'pii-salt');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 16) return existing;
  } catch {
    // Not created yet.
  }
  mkdirSync(config.dataDir, { recursive: true });
  const salt = randomBytes(24).toString('hex');
  try {
    // `wx`: when another process created it first, use theirs.
    writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: 'wx' });
    return salt;
  } catch {
    return readFileSync(file, 'utf8').trim();
  }
}
