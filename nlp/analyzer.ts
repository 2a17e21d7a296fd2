import { randomBytes } from 'node:crypto';
import { type BrandConfig, DEFAULT_BRANDS, ValidationError } from '../core/index.ts';
import { brandSentiments } from './brand-sentiment.ts';
import { BrandMatcher } from './brands.ts';
import { predictCategories } from './categories.ts';
import { FeatureBuilder } from './features.ts';
import { tfidfKeywords } from './keywords.ts';
import { loadModel, type NlpModel } from './model.ts';
import { htmlToText, normalize } from './normalize.ts';
import { maskPii } from './pii.ts';
import { type Prepared, prepareNormalized } from './pipeline.ts';
import { riskScore } from './risk.ts';
import { addWords } from './segment.ts';
import { scoreSentiment } from './sentiment.ts';
import { simhash } from './simhash.ts';
import type { Analysis, AnalyzeMeta } from './types.ts';

/** Options for {@link createAnalyzer}. */
export interface AnalyzerOptions {
  /** Brands to detect, with aliases, products, hotlines and exclusions. Default `DEFAULT_BRANDS`. */
  brands?: readonly BrandConfig[];
  /** A loaded model. Default: loaded from `modelDir`. */
  model?: NlpModel;
  /** Where to load the model from. Default: the committed `nlp/model/`. */
  modelDir?: string;
  /** Salt for PII hashes (pass `config.env.KOUBEI_PII_SALT`). Default: random per analyzer, so hashes match only within one process. */
  piiSalt?: string;
  /** Keywords per text. Default 5. */
  keywords?: number;
  /** Explanation entries per text. Default 8. */
  explain?: number;
  /** Characters analyzed; longer texts are cut (the display text too). Default 20,000. */
  maxChars?: number;
}

/** A configured analyzer. `analyze` is pure: the same text and meta give the same result. */
export interface Analyzer {
  analyze(text: string, meta?: AnalyzeMeta): Analysis;
  readonly brands: readonly BrandConfig[];
  readonly model: NlpModel;
}

const TOKEN_KINDS: ReadonlySet<string> = new Set(['word', 'hashtag', 'emoticon', 'emoji']);
const HTML_HINT = /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i;

/** Words, hashtags, emoticons and emoji joined by spaces (the full-text search column). */
function tokenText(tokens: Prepared['tokens']): string {
  let out = '';
  for (const t of tokens) {
    if (!TOKEN_KINDS.has(t.kind)) continue;
    out = out ? `${out} ${t.text}` : t.text;
  }
  return out;
}

/** Plain text of an input: HTML removed when it looks like (or is declared) HTML, line ends unified. */
function plainText(text: string, meta: AnalyzeMeta, maxChars: number): string {
  const html = meta.html ?? HTML_HINT.test(text);
  if (html) return htmlToText(text).slice(0, maxChars);
  return (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).slice(0, maxChars);
}

/** Create an analyzer for configured brands. Loads the model synchronously (well under 2 s). */
export function createAnalyzer(opts: AnalyzerOptions = {}): Analyzer {
  const brands = opts.brands ?? DEFAULT_BRANDS;
  const model = opts.model ?? loadModel(opts.modelDir);
  const matcher = new BrandMatcher(brands);
  addWords(matcher.words());
  const salt = opts.piiSalt ?? randomBytes(16).toString('hex');
  const builder = new FeatureBuilder();
  const maxChars = opts.maxChars ?? 20_000;

  function analyze(text: string, meta: AnalyzeMeta = {}): Analysis {
    if (typeof text !== 'string')
      throw new ValidationError('text must be a string', [{ path: 'text', message: `got ${typeof text}` }]);
    const plain = plainText(text, meta, maxChars);
    const masked = maskPii(plain, salt);
    const p = prepareNormalized(normalize(masked.blanked, { html: false }), builder);
    const sentiment = scoreSentiment(model.sentiment, p, opts.explain ?? 8);
    const mentions = matcher.find(p.norm.text);
    const brandSent = brandSentiments(model.sentiment, p, mentions, sentiment);
    return {
      sentiment: { label: sentiment.label, score: sentiment.score, confidence: sentiment.confidence },
      brandSentiments: brandSent,
      brands: brandSent.map((b) => b.brand),
      categories: predictCategories(model.categories, p, mentions.length > 0),
      keywords: tfidfKeywords(p.tokens, model.idf, opts.keywords ?? 5),
      risk: riskScore({ score: sentiment.score, escalation: p.rules.escalation.length, meta }),
      explain: sentiment.explain,
      tokens: tokenText(p.tokens),
      simhash: simhash(p.norm.text),
      text: masked.text,
      piiHashes: masked.found.length ? [...new Set(masked.found.map((f) => f.hash))] : [],
      pii: masked.found,
    };
  }
  return { analyze, brands, model };
}

let fallback: Analyzer | undefined;

/** The default analyzer: DEFAULT_BRANDS and the committed model, loaded on first use. */
export function defaultAnalyzer(): Analyzer {
  fallback ??= createAnalyzer();
  return fallback;
}

/** Analyze one text with the {@link defaultAnalyzer}. */
export function analyze(text: string, meta?: AnalyzeMeta): Analysis {
  return defaultAnalyzer().analyze(text, meta);
}
