import { ValidationError } from '../../core/index.ts';

/** Opaque keyset cursor: base64url of a JSON `[isoTime, id]`. */
export interface CursorKey {
  at: Date;
  id: number;
}

/** Encode a keyset position. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.at.toISOString(), key.id])).toString('base64url');
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** Decode a cursor from a client; anything malformed is a 400 (never a 500). */
export function decodeCursor(cursor: string): CursorKey {
  const bad = () =>
    new ValidationError('Invalid cursor', [{ path: 'cursor', message: 'not a cursor from this API' }]);
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw bad();
  const [at, id] = parsed as unknown[];
  if (
    typeof at !== 'string' ||
    !ISO.test(at) ||
    typeof id !== 'number' ||
    !Number.isSafeInteger(id) ||
    id < 0
  )
    throw bad();
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) throw bad();
  return { at: date, id };
}
