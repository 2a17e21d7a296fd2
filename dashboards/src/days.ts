/**
 * Calendar days as the dashboard shows them: `YYYY-MM-DD` in China Standard Time (UTC+8, no daylight
 * saving), whatever the browser's zone. Impossible days (2026-02-30) are refused, not rolled over.
 */

const DAY = 86_400_000;
/** China Standard Time has been UTC+8 all year since 1991. */
const CST_OFFSET = 8 * 3_600_000;

/** A `YYYY-MM-DD` day as a UTC timestamp of its midnight; null when malformed or impossible (02-30). */
export function parseDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 02-30 over to 03-02; a day that does not come back unchanged does not exist.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t;
}

/** The ISO instant a day starts at in China Standard Time (`plusDays` later); null for a bad day. */
export function dayToIso(day: string, plusDays = 0): string | null {
  const t = parseDay(day);
  return t === null ? null : new Date(t - CST_OFFSET + plusDays * DAY).toISOString();
}

/** The China Standard Time day of an instant (`YYYY-MM-DD`). */
export function isoToDay(iso: string): string {
  return new Date(Date.parse(iso) + CST_OFFSET).toISOString().slice(0, 10);
}

/** The last day an exclusive end includes: the day of `end − 1 ms`. */
export function lastDayOf(endIso: string): string {
  return isoToDay(new Date(Date.parse(endIso) - 1).toISOString());
}
