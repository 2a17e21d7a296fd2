import { ensureFirstAdmin as createFirstAdmin } from '../api/index.ts';
import type { Config } from '../core/index.ts';
import type { Db } from '../store/index.ts';

/** The first admin's login, returned only when it was just created. */
export interface FirstLogin {
  username: string;
  password: string;
}

/**
 * Create the first admin with KOUBEI_ADMIN_PASSWORD or a random password. Returns the login once
 * (it is never stored in clear), or null when an admin exists.
 */
export function ensureFirstAdmin(db: Db, config: Config): Promise<FirstLogin | null> {
  const password = config.env.KOUBEI_ADMIN_PASSWORD;
  return createFirstAdmin(db, password === undefined ? {} : { password });
}

/** The start-up banner: where the dashboard is and, on first run, how to log in. */
export function banner(url: string, login: FirstLogin | null, fromEnv: boolean): string {
  const lines = ['', '  口碑 koubei is running', `  Dashboard:  ${url}/`];
  if (login) {
    lines.push(`  Login:      ${login.username} / ${login.password}`);
    if (!fromEnv) lines.push('              (shown once: write it down, then change it in Settings)');
  } else {
    lines.push('  Login:      an admin exists already (first-run password, or KOUBEI_ADMIN_PASSWORD)');
  }
  lines.push('  Stop:       Ctrl-C', '');
  return lines.join('\n');
}
