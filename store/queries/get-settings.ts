import type { Db } from '../db.ts';
import { settings } from '../schema/index.ts';

/** Every admin-edited setting, by key. */
export async function getSettings(db: Db): Promise<Map<string, unknown>> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  return new Map(rows.map((r) => [r.key, r.value]));
}
