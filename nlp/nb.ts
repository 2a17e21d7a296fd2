import type { LinearModel, SparseRows } from './linear.ts';

/**
 * NB-SVM-style scaling (Wang & Manning 2012), folded into a plain linear model: features are scaled
 * by |log-count ratio| r before logistic regression, and the learned weights are multiplied by r
 * afterwards, so inference is one dot product as before.
 */
export function nbRatios(data: SparseRows, rows: Uint32Array, bits: number, alpha: number): Float32Array {
  const mask = (1 << bits) - 1;
  const p = new Float64Array(1 << bits).fill(alpha);
  const q = new Float64Array(1 << bits).fill(alpha);
  for (const i of rows) {
    const dst = data.y[i] ? p : q;
    for (let k = data.ptr[i] ?? 0; k < (data.ptr[i + 1] ?? 0); k++) {
      const j = (data.idx[k] ?? 0) & mask;
      dst[j] = (dst[j] ?? 0) + 1;
    }
  }
  let ps = 0;
  let qs = 0;
  for (let j = 0; j < p.length; j++) {
    ps += p[j] ?? 0;
    qs += q[j] ?? 0;
  }
  const r = new Float32Array(1 << bits);
  for (let j = 0; j < r.length; j++) r[j] = Math.abs(Math.log((p[j] ?? alpha) / ps / ((q[j] ?? alpha) / qs)));
  return r;
}

/** Scale feature values by r (a copy; the input is untouched). */
export function scaleValues(data: SparseRows, r: Float32Array, bits: number): SparseRows {
  const mask = (1 << bits) - 1;
  const val = new Float32Array(data.val.length);
  for (let k = 0; k < val.length; k++) val[k] = (data.val[k] ?? 0) * (r[(data.idx[k] ?? 0) & mask] ?? 1);
  return { ...data, val };
}

/** Fold r into trained weights. */
export function foldRatios(m: LinearModel, r: Float32Array): LinearModel {
  const weights = new Float32Array(m.weights.length);
  for (let j = 0; j < weights.length; j++) weights[j] = (m.weights[j] ?? 0) * (r[j] ?? 1);
  return { ...m, weights };
}
