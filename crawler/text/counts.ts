/**
 * Engagement and follower counts as the sites print them: numbers, numeric strings, "1万+", "3.2万",
 * "1亿", "1,234", "10w+", "1.2k", or labels with a number ("转发 12"). Unknown or empty values are 0.
 */

const UNITS: Record<string, number> = {
  万: 10_000,
  w: 10_000,
  W: 10_000,
  亿: 100_000_000,
  k: 1_000,
  K: 1_000,
  千: 1_000,
};

/** Parse a count; anything without a number (" 转发", "赞", null) is 0. */
export function parseCount(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
  if (typeof value !== 'string') return 0;
  const m = /(\d+(?:,\d{3})*(?:\.\d+)?)\s*([万wW亿kK千])?/.exec(value);
  if (!m?.[1]) return 0;
  const base = Number(m[1].replace(/,/g, ''));
  const unit = m[2] ? (UNITS[m[2]] ?? 1) : 1;
  return Math.round(base * unit);
}

/** Like {@link parseCount} but null for missing values (followers unknown ≠ zero followers). */
export function parseOptionalCount(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  return parseCount(value);
}
