import { z } from 'zod';
import { ValidationError } from '../../core/index.ts';

/** Schema failures: the client names the fields from `errors`. */
const INVALID_INPUT = { code: 'invalid-input' };

/** True when any string inside `value` holds a NUL character (PostgreSQL text cannot store one). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** Parse `value` with `schema`; a failure is a 400 naming each bad field. NUL characters are refused. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  if (hasNul(value))
    throw new ValidationError(
      `Invalid ${where}`,
      [{ path: where, message: 'NUL characters are not allowed' }],
      INVALID_INPUT,
    );
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 20).map((i) => ({
    path: [where, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
  throw new ValidationError(`Invalid ${where}`, issues, INVALID_INPUT);
}

/** A query-string list: repeated keys (`?a=x&a=y`) or comma-separated (`?a=x,y`), at most 50 items. */
export function queryList<T extends z.ZodType>(item: T) {
  return z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(item).max(50));
}

/** A short free-text string (names, ids) from the query string. */
export const shortText = z.string().trim().min(1).max(200);

/** An ISO 8601 instant with offset, as a Date. */
export const isoDate = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), 'invalid date');

/** A positive integer id in a path (`/mentions/:id`). */
export const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** Boolean from the query string (`true`/`false`/`1`/`0`). */
export const queryBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
