import { CATEGORY_IDS, type CategoryId } from '../core/index.ts';
import { type CategoryModel, categoryHits, HIT_HASH } from './categories.ts';
import { type LinearModel, type SparseRows, type TrainLogisticOptions, trainLogistic } from './linear.ts';
import { CHAR1_FLAG } from './features.ts';
import { prepare } from './pipeline.ts';
import type { TrainItem } from './train-set.ts';

/** Folds used to pick each category's decision threshold from out-of-fold logits. */
const FOLDS = 5;
const GRID = Array.from({ length: 36 }, (_, i) => -3 + i * 0.1);

interface CategoryData {
  labelled: TrainItem[];
  ptr: Uint32Array;
  idx: Uint32Array;
  val: Float32Array;
  hits: Record<CategoryId, number>[];
}

function build(items: readonly TrainItem[]): CategoryData {
  const labelled = items.filter((it) => it.categories);
  const parts = labelled.map((it) => {
    const { features: f, norm } = prepare(it.text);
    const keep: number[] = [];
    // Categories read words and character bi/trigrams; single characters add cost, not accuracy.
    for (let i = 0; i < f.n; i++) if (f.word[i] !== CHAR1_FLAG) keep.push(i);
    return {
      idx: Uint32Array.from(keep, (i) => f.idx[i] ?? 0),
      val: Float32Array.from(keep, (i) => f.val[i] ?? 0),
      hits: categoryHits(norm.text),
    };
  });
  const ptr = new Uint32Array(parts.length + 1);
  const total = parts.reduce((s, p) => s + p.idx.length + 1, 0);
  const idx = new Uint32Array(total);
  const val = new Float32Array(total);
  let at = 0;
  parts.forEach((p, i) => {
    idx.set(p.idx, at);
    val.set(p.val, at);
    idx[at + p.idx.length] = HIT_HASH;
    at += p.idx.length + 1;
    ptr[i + 1] = at;
  });
  return { labelled, ptr, idx, val, hits: parts.map((p) => p.hits) };
}

function rowsFor(d: CategoryData, id: CategoryId): SparseRows {
  const val = d.val.slice();
  d.hits.forEach((h, i) => {
    val[(d.ptr[i + 1] ?? 1) - 1] = Math.log1p(h[id]);
  });
  const y = Uint8Array.from(d.labelled, (it) => (it.categories?.includes(id) ? 1 : 0));
  return { ptr: d.ptr, idx: d.idx, val, y, weight: new Float32Array(d.labelled.length).fill(1) };
}

function rowLogit(m: LinearModel, data: SparseRows, r: number): number {
  const mask = (1 << m.bits) - 1;
  let z = m.bias;
  for (let k = data.ptr[r] ?? 0; k < (data.ptr[r + 1] ?? 0); k++)
    z += (m.weights[(data.idx[k] ?? 0) & mask] ?? 0) * (data.val[k] ?? 0);
  return z;
}

/** The threshold on out-of-fold logits that maximizes F1. */
function bestThreshold(data: SparseRows, opts: TrainLogisticOptions): number {
  const n = data.y.length;
  const oof = new Float64Array(n);
  for (let f = 0; f < FOLDS; f++) {
    const train = Uint32Array.from({ length: n }, (_, i) => i).filter((i) => i % FOLDS !== f);
    const m = trainLogistic(data, { ...opts, rows: train });
    for (let i = f; i < n; i += FOLDS) oof[i] = rowLogit(m, data, i);
  }
  let best = 0;
  let bestF1 = -1;
  for (const t of GRID) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < n; i++) {
      const want = data.y[i] === 1;
      const got = (oof[i] ?? 0) > t;
      if (want && got) tp++;
      else if (got) fp++;
      else if (want) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn || 1);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

/**
 * One-vs-rest category classifiers on the labelled rows (telecom corpus and corrections), each with
 * its decision threshold picked by 5-fold cross-validation (best out-of-fold F1).
 */
export function trainCategories(items: readonly TrainItem[], opts: TrainLogisticOptions): CategoryModel {
  const d = build(items);
  const models: Partial<Record<CategoryId, LinearModel>> = {};
  const thresholds: Partial<Record<CategoryId, number>> = {};
  for (const id of CATEGORY_IDS) {
    const data = rowsFor(d, id);
    if (!data.y.some((v) => v === 1)) continue;
    models[id] = trainLogistic(data, opts);
    thresholds[id] = d.labelled.length >= FOLDS * 4 ? bestThreshold(data, opts) : 0;
  }
  return { models, thresholds };
}
