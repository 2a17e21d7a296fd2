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
import { prepareNormalized } from './pipeline.ts';
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

const TOKEN_KINDS = new Set(['word', 'hashtag', 'emoticon', 'emoji']);

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
    const html = meta.html ?? /<\/?[a-z][^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(text);
    const plain = (html ? htmlToText(text) : text.replace(/\r\n?/g, '\n')).slice(0, maxChars);
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
      tokens: p.tokens
        .filter((t) => TOKEN_KINDS.has(t.kind))
        .map((t) => t.text)
        .join(' '),
      simhash: simhash(p.norm.text),
      text: masked.text,
      piiHashes: [...new Set(masked.found.map((f) => f.hash))],
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
