import { z } from 'zod';
import { SOURCE_KINDS, ValidationError } from '../core/index.ts';
import type { NormalizedMention } from '../crawler/index.ts';
import { maskPii } from '../nlp/index.ts';

/**
 * Ingest-side validation and clean-up of a crawled mention: the job payload is JSON, so dates are
 * strings again and nothing can be trusted. PII is masked in every stored text (display text,
 * title, author name and the strings of the raw payload); only salted hashes of the values are kept.
 */

const str = z.string();
const nullableStr = str.nullish().transform((v) => v ?? null);
const INT_MAX = 2_147_483_647;
const count = z.coerce
  .number()
  .finite()
  .nonnegative()
  .catch(0)
  .transform((v) => Math.min(INT_MAX, Math.round(v)));

const mentionSchema = z.object({
  source: z.enum(SOURCE_KINDS),
  externalId: str.trim().min(1).max(512),
  sourceId: str.default(''),
  url: nullableStr,
  author: z
    .object({
      id: str.nullish().transform((v) => v ?? null),
      name: nullableStr,
      followers: z.coerce
        .number()
        .finite()
        .nonnegative()
        .nullish()
        .catch(null)
        .transform((v) => (v == null ? null : Math.min(INT_MAX, Math.round(v)))),
      verified: z.boolean().default(false),
    })
    .prefault({}),
  title: nullableStr,
  text: str,
  raw: z.unknown().optional(),
  publishedAt: z.coerce.date(),
  crawledAt: z.coerce.date().optional(),
  region: nullableStr,
  engagement: z
    .object({ reposts: count, comments: count, likes: count })
    .prefault({ reposts: 0, comments: 0, likes: 0 }),
  parentExternalId: nullableStr,
  threadId: nullableStr,
  query: nullableStr,
});

/** A validated mention with PII masked, ready for the mentions table. */
export interface CleanMention extends Omit<NormalizedMention, 'crawledAt'> {
  crawledAt: Date;
  piiHashes: string[];
}

/** Options for {@link cleanMention}. */
export interface CleanOptions {
  /** Salt for PII hashes. */
  piiSalt: string;
  /** Longest stored text in characters. Default 20,000. */
  maxChars?: number;
  /** "Now", for a missing crawl time. Default `new Date()`. */
  now?: Date;
}

// Control characters other than tab and newline never belong in display text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function tidy(s: string, maxChars: number): string {
  return s.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim().slice(0, maxChars);
}

function maskDeep(value: unknown, salt: string, hashes: Set<string>, depth = 0): unknown {
  if (typeof value === 'string') {
    // PostgreSQL text and jsonb cannot hold NUL.
    const m = maskPii(value.includes('\u0000') ? value.replaceAll('\u0000', '') : value, salt);
    for (const f of m.found) hashes.add(f.hash);
    return m.text;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, salt, hashes, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, salt, hashes, depth + 1)]));
}

function maskText(s: string | null, salt: string, hashes: Set<string>): string | null {
  return s === null ? null : (maskDeep(s, salt, hashes) as string);
}

/** Validate, tidy and mask one mention; throws ValidationError naming the bad fields. */
export function cleanMention(input: unknown, opts: CleanOptions): CleanMention {
  const parsed = mentionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new ValidationError(
      `invalid mention: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const m = parsed.data;
  const maxChars = opts.maxChars ?? 20_000;
  const text = tidy(m.text, maxChars);
  if (!text && !m.title)
    throw new ValidationError('invalid mention: empty text', [{ path: 'text', message: 'empty' }]);
  if (Number.isNaN(m.publishedAt.getTime())) throw new ValidationError('invalid mention: bad publishedAt');
  const crawledAt =
    m.crawledAt && !Number.isNaN(m.crawledAt.getTime()) ? m.crawledAt : (opts.now ?? new Date());
  const hashes = new Set<string>();
  return {
    ...m,
    author: { ...m.author, name: maskText(m.author.name, opts.piiSalt, hashes) },
    title: maskText(m.title === null ? null : tidy(m.title, 500), opts.piiSalt, hashes),
    text: maskText(text, opts.piiSalt, hashes) ?? '',
    raw: maskDeep(m.raw ?? null, opts.piiSalt, hashes),
    // A clock-skewed source must not put publication after detection.
    publishedAt: new Date(Math.min(m.publishedAt.getTime(), crawledAt.getTime())),
    crawledAt,
    piiHashes: [...hashes],
  };
}

/** The natural key of raw job input, or null when it has none. */
export function rawMentionKey(input: unknown): { source: string; externalId: string } | null {
  if (!input || typeof input !== 'object') return null;
  const { source, externalId } = input as { source?: unknown; externalId?: unknown };
  return typeof source === 'string' && typeof externalId === 'string' ? { source, externalId } : null;
}
