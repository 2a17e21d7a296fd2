import type { Db } from '../db.ts';
import { quarantine } from '../schema/index.ts';

/** A response that could not be parsed. */
export interface QuarantineInput {
  sourceId: string | null;
  url: string | null;
  /** Why it was quarantined (the parse error message). */
  reason: string;
  /** Error class, e.g. `ParseError`. */
  errorKind: string;
  /** The raw body (cut to `maxRawChars`). */
  rawBody: string | null;
  contentType: string | null;
}

/** Longest raw body kept. */
const MAX_RAW_CHARS = 1_000_000;

/** Keep a bad response for inspection; returns the quarantine row id. */
export async function quarantineResponse(db: Db, q: QuarantineInput): Promise<number> {
  const [row] = await db
    .insert(quarantine)
    .values({
      sourceId: q.sourceId,
      url: q.url,
      reason: q.reason.slice(0, 2000),
      errorKind: q.errorKind,
      // PostgreSQL text cannot hold NUL.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping NUL is the point
      rawBody: q.rawBody === null ? null : q.rawBody.slice(0, MAX_RAW_CHARS).replace(/\u0000/g, ''),
      contentType: q.contentType,
    })
    .returning({ id: quarantine.id });
  return row?.id ?? 0;
}
