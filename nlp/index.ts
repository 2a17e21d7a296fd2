/**
 * nlp/: pure text analysis for Chinese telecom mentions. `analyze(text, meta)` with the default
 * brands and the committed model; `createAnalyzer({ brands })` for configured brands;
 * `runAnalyzeStream` for JSON lines; `train` to rebuild the model.
 */
export { type Analyzer, type AnalyzerOptions, analyze, createAnalyzer, defaultAnalyzer } from './analyzer.ts';
export {
  type AnalyzeItem,
  type AnalyzerPoolOptions,
  type BatchAnalyzer,
  createAnalyzerPool,
  inProcessBatchAnalyzer,
} from './analyzer-pool.ts';
export { type BrandMention, BrandMatcher } from './brands.ts';
export {
  DEFAULT_MODEL_DIR,
  DEFAULT_SHARED_DIR,
  DEFAULT_TELECOM_DIR,
  REPO_ROOT,
  hasSharedData,
  readSharedRows,
  readTelecomRows,
  sourceFamily,
} from './data.ts';
export type { SharedRow, TelecomRow } from './data.ts';
export {
  brandMetrics,
  categoryMetrics,
  sentimentMetrics,
  sharedSlices,
  type SliceMetrics,
} from './evaluate.ts';
export { type IdfTable, textRank, tfidfKeywords } from './keywords.ts';
export { TELECOM_WORDS, userDictText } from './lexicon/telecom-dict.ts';
export { STOPWORDS } from './lexicon/stopwords.ts';
export { emptyModel, loadModel, type NlpModel, saveModel } from './model.ts';
export {
  htmlToText,
  type Normalized,
  normalize,
  stripEmoticons,
  toHalfWidth,
  toSimplified,
} from './normalize.ts';
export { maskPii, type MaskResult } from './pii.ts';
export { prepare } from './pipeline.ts';
export { riskParts, riskScore } from './risk.ts';
export { JiebaCutter } from './jieba-cut.ts';
export { type HmmModel, loadHmmModel, parseHmmModel } from './jieba-hmm.ts';
export { loadDictText, WordTrie } from './jieba-trie.ts';
export { cut, tokenize, warmUpSegmenter } from './segment.ts';
export { groupNearDuplicates, hammingDistance, simhash } from './simhash.ts';
export {
  isSharedValidation,
  isTelecomValidation,
  isValidation,
  SHARED_VAL_FRACTION,
  TELECOM_VAL_FRACTION,
} from './split.ts';
export { type AnalyzeStreamOptions, type AnalyzeStreamStats, runAnalyzeStream } from './stream.ts';
export { type ExtraRow, type Metrics, type TrainOptions, type TrainResult, train } from './train.ts';
export type * from './types.ts';
