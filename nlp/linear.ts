import type { Features } from './features.ts';

/** A binary logistic-regression model over hashed features. */
export interface LinearModel {
  /** log2 of the weight-table size; feature hashes are masked to it. */
  bits: number;
  weights: Float32Array;
  bias: number;
  /**
   * The stored int8 codes and their 256-entry decoding table, when the model was loaded from disk.
   * Inference reads these: a quarter of the memory traffic of `weights`, so the tables stay in cache.
   */
  quantized?: { q: Int8Array; lut: Float32Array };
}

/** The logit of a model for one feature vector. */
export function logit(m: LinearModel, f: Features): number {
  const mask = (1 << m.bits) - 1;
  let z = m.bias;
  if (m.quantized) {
    const { q, lut } = m.quantized;
    for (let i = 0; i < f.n; i++)
      z += (lut[(q[(f.idx[i] as number) & mask] as number) + 128] as number) * (f.val[i] as number);
    return z;
  }
  const w = m.weights;
  for (let i = 0; i < f.n; i++) z += (w[(f.idx[i] ?? 0) & mask] ?? 0) * (f.val[i] ?? 0);
  return z;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Rows of features in compressed sparse row form, as the trainer consumes them. */
export interface SparseRows {
  /** Row i spans `ptr[i]..ptr[i+1]` of idx/val. */
  ptr: Uint32Array;
  idx: Uint32Array;
  val: Float32Array;
  /** Targets, 0 or 1. */
  y: Uint8Array;
  /** Sample weights. */
  weight: Float32Array;
}

/** Options for {@link trainLogistic}. */
export interface TrainLogisticOptions {
  /** log2 of the weight-table size. Default 22. */
  bits?: number;
  /** Passes over the data. Default 4. */
  epochs?: number;
  /** AdaGrad learning rate. Default 0.2. */
  learningRate?: number;
  /** L2 penalty, applied to the weights a row touches. Default 1e-6. */
  l2?: number;
  /** Shuffle seed. Default 42. */
  seed?: number;
  /** Rows to train on (indices into the data). Default: all. */
  rows?: Uint32Array;
  /** A fixed logit added to each row (indexed like the rows): train a residual on top of another model. Default none. */
  offset?: Float64Array;
  /** Learn a bias. Default true. */
  fitBias?: boolean;
}

/** Mulberry32: a small seeded PRNG, so training is deterministic. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a seeded PRNG. */
export function shuffle(a: Uint32Array, rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i] ?? 0;
    a[i] = a[j] ?? 0;
    a[j] = t;
  }
}

/** Train logistic regression with AdaGrad SGD. Deterministic for a given seed and row order. */
export function trainLogistic(data: SparseRows, opts: TrainLogisticOptions = {}): LinearModel {
  const bits = opts.bits ?? 22;
  const mask = (1 << bits) - 1;
  const lr = opts.learningRate ?? 0.2;
  const l2 = opts.l2 ?? 1e-6;
  const w = new Float32Array(1 << bits);
  const g2 = new Float32Array(1 << bits);
  let bias = 0;
  let bg2 = 0;
  const order = opts.rows
    ? Uint32Array.from(opts.rows)
    : Uint32Array.from({ length: data.y.length }, (_, i) => i);
  const rand = mulberry32(opts.seed ?? 42);
  for (let epoch = 0; epoch < (opts.epochs ?? 4); epoch++) {
    shuffle(order, rand);
    for (const r of order) {
      const from = data.ptr[r] ?? 0;
      const to = data.ptr[r + 1] ?? 0;
      let z = bias + (opts.offset?.[r] ?? 0);
      for (let k = from; k < to; k++) z += (w[(data.idx[k] ?? 0) & mask] ?? 0) * (data.val[k] ?? 0);
      const g = (sigmoid(z) - (data.y[r] ?? 0)) * (data.weight[r] ?? 1);
      for (let k = from; k < to; k++) {
        const j = (data.idx[k] ?? 0) & mask;
        const wj = w[j] ?? 0;
        const gj = g * (data.val[k] ?? 0) + l2 * wj;
        const acc = (g2[j] ?? 0) + gj * gj;
        g2[j] = acc;
        w[j] = wj - (lr * gj) / (Math.sqrt(acc) + 1e-6);
      }
      if (opts.fitBias === false) continue;
      bg2 += g * g;
      bias -= (lr * g) / (Math.sqrt(bg2) + 1e-6);
    }
  }
  return { bits, weights: w, bias };
}
