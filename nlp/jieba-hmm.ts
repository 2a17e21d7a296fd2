import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * jieba's HMM for words the dictionary lacks: four states (B begin, E end, M middle, S single),
 * Viterbi over the characters of a run. The parameters are jieba's `finalseg` model, in cppjieba's
 * `hmm_model.utf8` format (MIT), committed gzipped as `lexicon/jieba-hmm.utf8.gz`.
 */

const B = 0;
const E = 1;
const M = 2;
const S = 3;
/** The HMM's Han range, U+4E00–U+9FD5: the only characters {@link viterbiCut} sees. */
const HAN_FROM = 0x4e00;
const HAN_TO = 0x9fd5;
/** jieba's floor for impossible events. */
const MIN_FLOAT = -3.14e100;
/** The two states each state can follow: B after E/S, E after B/M, M after M/B, S after S/E. */
const PREV: readonly (readonly [number, number])[] = [
  [E, S],
  [B, M],
  [M, B],
  [S, E],
];

/** HMM parameters: start and transition log-probabilities, emissions per state by code unit. */
export interface HmmModel {
  start: Float64Array;
  /** `trans[from * 4 + to]`. */
  trans: Float64Array;
  /** `emit[state]` by code unit; MIN_FLOAT when unseen. */
  emit: Float64Array[];
}

/** Parse cppjieba's `hmm_model.utf8`: start line, 4 transition lines, 4 emission lines (B E M S). */
export function parseHmmModel(text: string): HmmModel {
  const lines = text.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  if (lines.length < 9) throw new Error(`HMM model: expected 9 lines, got ${lines.length}`);
  const nums = (l: string) => l.trim().split(/\s+/).map(Number);
  const start = Float64Array.from(nums(lines[0] ?? ''));
  const trans = Float64Array.from(lines.slice(1, 5).flatMap(nums));
  const emit = lines.slice(5, 9).map((l) => {
    const table = new Float64Array(0x10000).fill(MIN_FLOAT);
    for (const pair of l.split(',')) {
      const colon = pair.lastIndexOf(':');
      const ch = pair.slice(0, colon);
      if (ch.length === 1) table[ch.charCodeAt(0)] = Number(pair.slice(colon + 1));
    }
    return table;
  });
  if (start.length !== 4 || trans.length !== 16) throw new Error('HMM model: bad start or transition line');
  return { start, trans, emit };
}

/** The committed HMM model. */
export function loadHmmModel(): HmmModel {
  const file = new URL('./lexicon/jieba-hmm.utf8.gz', import.meta.url);
  return parseHmmModel(gunzipSync(readFileSync(file)).toString('utf8'));
}

/** Is this code unit in the HMM's Han range (U+4E00–U+9FD5)? */
export function isHmmHan(c: number): boolean {
  return c >= HAN_FROM && c <= HAN_TO;
}

const emitCache = new WeakMap<HmmModel, Float64Array>();

/**
 * The emissions of the HMM Han range, the four states of a character side by side: one cache line
 * per character instead of four scattered ones (the per-state tables are 2 MB together).
 */
function emitByChar(hmm: HmmModel): Float64Array {
  let table = emitCache.get(hmm);
  if (table) return table;
  table = new Float64Array(4 * (HAN_TO - HAN_FROM + 1));
  for (let c = HAN_FROM; c <= HAN_TO; c++)
    for (let y = 0; y < 4; y++) table[4 * (c - HAN_FROM) + y] = hmm.emit[y]?.[c] ?? MIN_FLOAT;
  emitCache.set(hmm, table);
  return table;
}

/** Reused Viterbi buffers (segmentation is synchronous, so one set per thread is enough). */
let probs = new Float64Array(4 * 256);
let back = new Uint8Array(4 * 256);

/**
 * Viterbi over `text[start, end)` (all HMM Han characters), pushing the words it finds. Ties go to
 * the later state in B E M S order, as jieba-rs breaks them.
 */
export function viterbiCut(hmm: HmmModel, text: string, start: number, end: number, out: string[]): void {
  const n = end - start;
  if (probs.length < 4 * n) {
    probs = new Float64Array(8 * n);
    back = new Uint8Array(8 * n);
  }
  const { trans } = hmm;
  const emit = emitByChar(hmm);
  const c0 = 4 * (text.charCodeAt(start) - HAN_FROM);
  for (let y = 0; y < 4; y++) probs[y] = (hmm.start[y] ?? 0) + (emit[c0 + y] as number);
  for (let t = 1; t < n; t++) {
    const c = 4 * (text.charCodeAt(start + t) - HAN_FROM);
    for (let y = 0; y < 4; y++) {
      const em = emit[c + y] as number;
      const [p0, p1] = PREV[y] ?? [0, 0];
      const a = (probs[(t - 1) * 4 + p0] ?? 0) + (trans[p0 * 4 + y] ?? 0) + em;
      const b = (probs[(t - 1) * 4 + p1] ?? 0) + (trans[p1 * 4 + y] ?? 0) + em;
      const pickB = b > a || (b === a && p1 > p0);
      probs[t * 4 + y] = pickB ? b : a;
      back[t * 4 + y] = pickB ? p1 : p0;
    }
  }
  const last = (n - 1) * 4;
  let state = (probs[last + S] ?? 0) >= (probs[last + E] ?? 0) ? S : E;
  const path = new Uint8Array(n);
  for (let t = n - 1; t >= 0; t--) {
    path[t] = state;
    state = back[t * 4 + state] ?? 0;
  }
  let begin = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    const s = path[i];
    if (s === B) begin = i;
    else if (s === E) {
      out.push(text.slice(start + begin, start + i + 1));
      next = i + 1;
    } else if (s === S) {
      out.push(text.slice(start + i, start + i + 1));
      next = i + 1;
    }
  }
  if (next < n) out.push(text.slice(start + next, end));
}
