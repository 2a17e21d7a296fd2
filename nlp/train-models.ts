import { EMOTICON_FLAG } from './features.ts';
import { countDf } from './keywords.ts';
import { type LinearModel, type SparseRows, type TrainLogisticOptions, trainLogistic } from './linear.ts';
import { foldRatios, nbRatios, scaleValues } from './nb.ts';
import { prepare } from './pipeline.ts';
import type { TrainItem } from './train-set.ts';

/** Features of every training item, extracted once, plus word document frequencies for the IDF table. */
export interface Featurized {
  data: Omit<SparseRows, 'y' | 'weight'>;
  /** Per stored feature: its {@link Features.word} flag (emoticon features are {@link EMOTICON_FLAG}). */
  flag: Uint8Array;
  df: Map<string, number>;
}

/** Extract the features of all items in order. */
export function featurizeItems(items: readonly TrainItem[], log: (m: string) => void): Featurized {
  const idx: Uint32Array[] = [];
  const val: Float32Array[] = [];
  const flags: Uint8Array[] = [];
  const ptr = new Uint32Array(items.length + 1);
  const df = new Map<string, number>();
  let total = 0;
  items.forEach((it, i) => {
    const p = prepare(it.text);
    idx.push(p.features.idx.slice(0, p.features.n));
    val.push(p.features.val.slice(0, p.features.n));
    flags.push(p.features.word.slice(0, p.features.n));
    total += p.features.n;
    ptr[i + 1] = total;
    countDf(df, p.tokens);
    if (i % 50000 === 0) log(`featurized ${i}/${items.length}`);
  });
  const cat = <T extends Uint32Array | Float32Array | Uint8Array>(parts: T[], make: (n: number) => T): T => {
    const out = make(total);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  return {
    data: { ptr, idx: cat(idx, (n) => new Uint32Array(n)), val: cat(val, (n) => new Float32Array(n)) },
    flag: cat(flags, (n) => new Uint8Array(n)),
    df,
  };
}

/** Train one binary model on the items `pick` gives a target, with optional NB scaling. */
export function binaryModel(
  f: Featurized,
  items: readonly TrainItem[],
  pick: (it: TrainItem) => { y: 0 | 1; weight: number } | undefined,
  opts: TrainLogisticOptions,
  nbAlpha: number,
): LinearModel {
  const y = new Uint8Array(items.length);
  const weight = new Float32Array(items.length);
  const rows: number[] = [];
  items.forEach((it, i) => {
    const t = pick(it);
    if (!t) return;
    y[i] = t.y;
    weight[i] = t.weight;
    rows.push(i);
  });
  const data: SparseRows = { ...f.data, y, weight };
  const bits = opts.bits ?? 22;
  const rowIdx = Uint32Array.from(rows);
  if (nbAlpha <= 0) return trainLogistic(data, { ...opts, rows: rowIdx });
  const r = nbRatios(data, rowIdx, bits, nbAlpha);
  return foldRatios(trainLogistic(scaleValues(data, r, bits), { ...opts, rows: rowIdx }), r);
}

/**
 * The emoticon stage: on the rows whose labels came from their emoticons, fit emoticon and emoji
 * weights as a residual on top of the text model's logit, then add them to its weights. The text
 * model thus learns words from the stripped copies only, and emoticons keep their full strength.
 */
export function emoticonResidual(
  f: Featurized,
  items: readonly TrainItem[],
  text: LinearModel,
  opts: TrainLogisticOptions,
): LinearModel {
  const rows = items.flatMap((it, i) => (it.emoticons ? [i] : []));
  if (!rows.length) return text;
  const mask = (1 << text.bits) - 1;
  const ptr = new Uint32Array(rows.length + 1);
  const idx: number[] = [];
  const val: number[] = [];
  const offset = new Float64Array(rows.length);
  const y = new Uint8Array(rows.length);
  const weight = new Float32Array(rows.length);
  rows.forEach((r, n) => {
    let z = text.bias;
    for (let k = f.data.ptr[r] ?? 0; k < (f.data.ptr[r + 1] ?? 0); k++) {
      z += (text.weights[(f.data.idx[k] ?? 0) & mask] ?? 0) * (f.data.val[k] ?? 0);
      if (f.flag[k] !== EMOTICON_FLAG) continue;
      idx.push(f.data.idx[k] ?? 0);
      val.push(f.data.val[k] ?? 0);
    }
    ptr[n + 1] = idx.length;
    offset[n] = z;
    y[n] = items[r]?.emoticons?.y ?? 0;
    weight[n] = items[r]?.emoticons?.weight ?? 1;
  });
  const data: SparseRows = { ptr, idx: Uint32Array.from(idx), val: Float32Array.from(val), y, weight };
  const residual = trainLogistic(data, { ...opts, offset, fitBias: false, rows: undefined });
  const weights = new Float32Array(text.weights.length);
  for (let j = 0; j < weights.length; j++) weights[j] = (text.weights[j] ?? 0) + (residual.weights[j] ?? 0);
  return { ...text, weights };
}
