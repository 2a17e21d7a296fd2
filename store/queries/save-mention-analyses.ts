import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { BrandSentiment, ExplainEntry } from '../schema/index.ts';

/** The analyze stage's results for one mention. */
export interface MentionAnalysisRow {
  id: number;
  sentiment: 'neg' | 'neu' | 'pos';
  sentimentScore: number;
  sentimentConfidence: number;
  brandSentiments: BrandSentiment[];
  brands: string[];
  categories: string[];
  keywords: string[];
  risk: number;
  explain: ExplainEntry[];
  tokens: string;
  simhash: bigint;
  clusterId: number | null;
  parentId: number | null;
}

/**
 * Write analyses in one UPDATE (rows travel as one JSON parameter). Mentions analyzed already are
 * left alone (a duplicate execution writes nothing). Returns the number of rows written.
 */
export async function saveMentionAnalyses(db: Db, rows: readonly MentionAnalysisRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = JSON.stringify(rows.map((r) => ({ ...r, simhash: r.simhash.toString() })));
  const res = await db.execute(sql`
    update mentions m set
      analyzed_at = now(),
      sentiment = r.sentiment,
      sentiment_score = r."sentimentScore",
      sentiment_confidence = r."sentimentConfidence",
      brand_sentiments = r."brandSentiments",
      brands = array(select jsonb_array_elements_text(r.brands)),
      categories = array(select jsonb_array_elements_text(r.categories)),
      keywords = array(select jsonb_array_elements_text(r.keywords)),
      risk = r.risk,
      explain = r.explain,
      tokens = r.tokens,
      simhash = r.simhash::bigint,
      cluster_id = r."clusterId",
      parent_id = coalesce(r."parentId", m.parent_id),
      updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as r(
      id bigint, sentiment text, "sentimentScore" real, "sentimentConfidence" real, "brandSentiments" jsonb,
      brands jsonb, categories jsonb, keywords jsonb, risk smallint, explain jsonb, tokens text, simhash text,
      "clusterId" bigint, "parentId" bigint)
    where m.id = r.id and m.analyzed_at is null`);
  return Number(
    (res as { rowCount?: number | null }).rowCount ?? (res as { affectedRows?: number }).affectedRows ?? 0,
  );
}
