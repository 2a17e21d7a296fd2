import type { CategoryId } from '../core/index.ts';

/** Three-way sentiment. */
export type SentimentLabel = 'neg' | 'neu' | 'pos';

/** Sentiment of a whole text. */
export interface Sentiment {
  label: SentimentLabel;
  /** Signed score in [-1, 1]; below 0 means negative. Its sign is meaningful even when `label` is `neu`. */
  score: number;
  /** How sure the analyzer is of `label`, in [0, 1]. */
  confidence: number;
}

/** Sentiment toward one brand named in a text (the mentions table's `brandSentiments`). */
export interface BrandSentiment {
  brand: string;
  label: SentimentLabel;
  score: number;
}

/** One explanation entry: a token or rule and how far it moved the logit (positive = towards pos). */
export interface ExplainEntry {
  kind: 'token' | 'rule' | 'emoticon' | 'model';
  text: string;
  weight: number;
}

/** A PII value found in a text. */
export interface PiiFound {
  kind: 'phone' | 'id_card' | 'bank_card' | 'email';
  /** The masked form shown in the display text, e.g. `138****5678`. */
  masked: string;
  /** sha256(salt + ':' + kind + ':' + value), hex: dedups without keeping the value. */
  hash: string;
}

/**
 * The result of analyzing one mention. Field names follow the `mentions` table, so the pipeline maps
 * it directly: sentiment → sentiment/sentimentScore/sentimentConfidence, and the rest by name.
 */
export interface Analysis {
  sentiment: Sentiment;
  /** Sentiment per brand named in the text. */
  brandSentiments: BrandSentiment[];
  /** Canonical names of the brands named (configured aliases, products, hotlines). */
  brands: string[];
  /** Complaint categories, multi-label. */
  categories: CategoryId[];
  /** Top keywords (TF-IDF). */
  keywords: string[];
  /** Risk score 0–100 (see nlp/README.md for the formula). */
  risk: number;
  /** The tokens and rules that moved the score most, strongest first. */
  explain: ExplainEntry[];
  /** Segmented tokens joined by spaces, for full-text search. */
  tokens: string;
  /** 64-bit SimHash over character shingles, as a signed 64-bit bigint (PostgreSQL `bigint`). */
  simhash: bigint;
  /** Display text: plain text (HTML removed) with PII masked. */
  text: string;
  /** Salted hashes of the PII values found, for dedup. */
  piiHashes: string[];
  /** The PII found, masked. */
  pii: PiiFound[];
}

/** Engagement and timing of a mention, for the risk score. All optional. */
export interface AnalyzeMeta {
  /** Author's follower count. */
  followers?: number;
  reposts?: number;
  comments?: number;
  likes?: number;
  /** Hours since publication (velocity = engagement per hour). Default: unknown (velocity 0). */
  ageHours?: number;
  /** Treat the text as HTML. Default: detected. */
  html?: boolean;
}
