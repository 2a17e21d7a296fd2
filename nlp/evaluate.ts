import { CATEGORY_IDS, type CategoryId } from '../core/index.ts';
import type { Analyzer } from './analyzer.ts';
import type { SharedRow, TelecomRow } from './data.ts';
import { sourceFamily } from './data.ts';
import { stripEmoticons } from './normalize.ts';
import type { SentimentLabel } from './types.ts';

/** Accuracy of the score's sign on pos/neg texts, plus recall per class and neutral agreement. */
export interface SliceMetrics {
  /** pos/neg rows scored. */
  n: number;
  /** Share of pos/neg rows whose score sign matches the label. */
  accuracy: number;
  /** Share of neg rows scored negative. */
  negRecall: number;
  /** Share of pos rows scored positive. */
  posRecall: number;
  /** Three-way label accuracy over all rows (including neu), when neu rows exist. */
  labelAccuracy?: number;
}

/** Precision and recall of one category. */
export interface CategoryMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

/** Score the sign accuracy of an analyzer on labelled rows. */
export function sentimentMetrics(
  analyzer: Analyzer,
  rows: readonly { text: string; label: SentimentLabel }[],
): SliceMetrics {
  let n = 0;
  let ok = 0;
  let neg = 0;
  let negOk = 0;
  let pos = 0;
  let posOk = 0;
  let all = 0;
  let labelOk = 0;
  for (const r of rows) {
    const s = analyzer.analyze(r.text).sentiment;
    all++;
    if (s.label === r.label) labelOk++;
    if (r.label === 'neu') continue;
    n++;
    const right = r.label === 'neg' ? s.score < 0 : s.score > 0;
    if (right) ok++;
    if (r.label === 'neg') {
      neg++;
      if (right) negOk++;
    } else {
      pos++;
      if (right) posOk++;
    }
  }
  const out: SliceMetrics = {
    n,
    accuracy: round(ok / (n || 1)),
    negRecall: round(negOk / (neg || 1)),
    posRecall: round(posOk / (pos || 1)),
  };
  if (all > n) out.labelAccuracy = round(labelOk / all);
  return out;
}

/** Per-category precision/recall on telecom rows. */
export function categoryMetrics(
  analyzer: Analyzer,
  rows: readonly TelecomRow[],
): Record<CategoryId, CategoryMetrics> {
  const tp = new Map<CategoryId, number>();
  const fp = new Map<CategoryId, number>();
  const fn = new Map<CategoryId, number>();
  const inc = (m: Map<CategoryId, number>, k: CategoryId): void => {
    m.set(k, (m.get(k) ?? 0) + 1);
  };
  for (const r of rows) {
    const got = new Set(analyzer.analyze(r.text).categories);
    for (const id of CATEGORY_IDS) {
      const want = r.categories.includes(id);
      if (want && got.has(id)) inc(tp, id);
      else if (got.has(id)) inc(fp, id);
      else if (want) inc(fn, id);
    }
  }
  const out = {} as Record<CategoryId, CategoryMetrics>;
  for (const id of CATEGORY_IDS) {
    const t = tp.get(id) ?? 0;
    const p = t / (t + (fp.get(id) ?? 0) || 1);
    const r = t / (t + (fn.get(id) ?? 0) || 1);
    out[id] = {
      precision: round(p),
      recall: round(r),
      f1: round((2 * p * r) / (p + r || 1)),
      support: t + (fn.get(id) ?? 0),
    };
  }
  return out;
}

/** Brand detection precision/recall and per-brand sentiment accuracy on telecom rows. */
export function brandMetrics(analyzer: Analyzer, rows: readonly TelecomRow[]): Record<string, number> {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let pairs = 0;
  let pairsOk = 0;
  for (const r of rows) {
    const got = analyzer.analyze(r.text).brandSentiments;
    for (const b of got) if (!r.brands.some((g) => g.brand === b.brand)) fp++;
    for (const g of r.brands) {
      const b = got.find((x) => x.brand === g.brand);
      if (!b) {
        fn++;
        continue;
      }
      tp++;
      pairs++;
      if (b.label === g.sentiment) pairsOk++;
    }
  }
  return {
    precision: round(tp / (tp + fp || 1)),
    recall: round(tp / (tp + fn || 1)),
    sentimentAccuracy: round(pairsOk / (pairs || 1)),
    pairs,
  };
}

/** Validation slices of the shared data: per source family, Weibo also with emoticons stripped. */
export function sharedSlices(
  rows: readonly SharedRow[],
): Record<string, { text: string; label: SentimentLabel }[]> {
  const out: Record<string, { text: string; label: SentimentLabel }[]> = {};
  const add = (name: string, row: { text: string; label: SentimentLabel }): void => {
    const list = out[name] ?? [];
    list.push(row);
    out[name] = list;
  };
  for (const r of rows) {
    const fam = sourceFamily(r.source);
    add(fam, r);
    if (fam === 'weibo_senti_100k')
      add('weibo_senti_100k (emoticons stripped)', { text: stripEmoticons(r.text), label: r.label });
    if (fam === 'online_shopping' && r.source.endsWith('手机')) add('online_shopping:手机', r);
  }
  return out;
}
