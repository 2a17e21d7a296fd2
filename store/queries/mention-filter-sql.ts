import { type SQL, sql } from 'drizzle-orm';

/** Sentiment labels. */
export type SentimentLabel = 'neg' | 'neu' | 'pos';

/**
 * Filters shared by mention search, exports and raw analytics. Every field is optional; list
 * fields match any of their values. Values always travel as bound parameters.
 */
export interface MentionFilter {
  /** Canonical brand names (mention names any). */
  brands?: string[];
  /** Platforms: weibo, tieba, … */
  sources?: string[];
  sentiments?: SentimentLabel[];
  /** Category ids (mention has any). */
  categories?: string[];
  /** Provinces. */
  regions?: string[];
  /** Published at or after (inclusive). */
  from?: Date;
  /** Published before (exclusive). */
  to?: Date;
  riskMin?: number;
  riskMax?: number;
  /** Author id or exact author name. */
  author?: string;
  /** Segmented words that must all appear in `tokens` (full-text, `simple` configuration). */
  words?: string[];
  /** Campaign terms: the text contains any keyword or hashtag (case-insensitive substring). */
  terms?: string[];
  /** Match nothing (a search with nothing searchable in it). Default false. */
  none?: boolean;
}

/** `array[$1, $2, …]::text[]`: a text array of bound parameters. */
export function textArraySql(values: readonly string[]): SQL {
  if (values.length === 0) return sql`array[]::text[]`;
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** Escape LIKE wildcards so a term matches literally. */
export function likeLiteral(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listConds(f: MentionFilter, alias: string): SQL[] {
  const col = (c: string) => sql.raw(`${alias}.${c}`);
  const out: SQL[] = [];
  // Only analyzed mentions have brands, categories and tokens; saying so lets the planner use the
  // partial indexes on those columns (store/schema/mentions.ts).
  if (f.brands?.length || f.categories?.length || f.words?.length)
    out.push(sql`${col('analyzed_at')} is not null`);
  if (f.brands?.length) out.push(sql`${col('brands')} && ${textArraySql(f.brands)}`);
  if (f.categories?.length) out.push(sql`${col('categories')} && ${textArraySql(f.categories)}`);
  if (f.sources?.length) out.push(sql`${col('source')} = any(${textArraySql(f.sources)})`);
  if (f.sentiments?.length)
    out.push(
      sql`${col('sentiment')} is not null and ${col('sentiment')} = any(${textArraySql(f.sentiments)})`,
    );
  if (f.regions?.length) out.push(sql`${col('region')} = any(${textArraySql(f.regions)})`);
  return out;
}

/**
 * The WHERE conditions for `f` over the mentions table under `alias` (default `m`), joined with
 * `and`; `true` when there are none.
 */
export function mentionFilterSql(f: MentionFilter, alias = 'm'): SQL {
  const col = (c: string) => sql.raw(`${alias}.${c}`);
  const conds = listConds(f, alias);
  if (f.none) conds.push(sql`false`);
  if (f.from) conds.push(sql`${col('published_at')} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) conds.push(sql`${col('published_at')} < ${f.to.toISOString()}::timestamptz`);
  if (f.riskMin !== undefined) conds.push(sql`${col('risk')} >= ${f.riskMin}`);
  if (f.riskMax !== undefined) conds.push(sql`${col('risk')} <= ${f.riskMax}`);
  if (f.author) conds.push(sql`(${col('author_id')} = ${f.author} or ${col('author_name')} = ${f.author})`);
  if (f.words?.length) {
    conds.push(
      sql`to_tsvector('simple', coalesce(${col('tokens')}, '')) @@ plainto_tsquery('simple', ${f.words.join(' ')})`,
    );
  }
  if (f.terms?.length) {
    const patterns = textArraySql(f.terms.map(likeLiteral));
    conds.push(sql`${col('text')} ilike any(${patterns})`);
  }
  if (conds.length === 0) return sql`true`;
  return sql.join(conds, sql` and `);
}
