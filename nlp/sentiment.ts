import { RULE_FEATURES, RULE_HASH } from './features.ts';
import { type LinearModel, sigmoid } from './linear.ts';
import { quantizedCodes } from './model-io.ts';
import type { Prepared } from './pipeline.ts';
import type { ExplainEntry, Sentiment, SentimentLabel } from './types.ts';

/** The two sentiment models: polarity (pos vs neg) and neutrality (neu vs polar). */
export interface SentimentModel {
  polarity: LinearModel;
  neutral: LinearModel;
}

/**
 * Fixed logit adjustments for rule families a classifier trained on reviews and 2012 Weibo gets
 * wrong in telecom mentions. Negation, degree and contrast act inside the features instead.
 */
export const RULE_WEIGHTS = {
  sarcasm: -1.6,
  rhetorical: -0.9,
  polite: -1.1,
  escalation: -0.6,
  emoji: 0.8,
} as const;

/** Neutral probability above which the label is `neu`. */
export const NEUTRAL_THRESHOLD = 0.5;
/** A polar probability above this keeps a polar label even when the neutral model leans neutral. */
const POLAR_OVERRIDE = 0.9;

/** How the polarity logit splits over tokens and rule features (for per-brand scoring). */
export interface Contributions {
  byToken: Float64Array;
  /** Features each token produced (for re-normalizing a subset of clauses). */
  countByToken: Uint16Array;
  byRule: Float64Array;
  /** Sum of the fixed rule adjustments. */
  adjust: number;
  /** Weight of the lexicon rule feature. */
  lexWeight: number;
}

/** Full scoring result: the public sentiment plus the logit and its explanation. */
export interface SentimentScore extends Sentiment {
  logit: number;
  pNeutral: number;
  explain: ExplainEntry[];
  contributions: Contributions;
}

/**
 * Outside a telecom context (a brand or telecom term) the fixed rules count this much: "希望能调整一下"
 * in a hotel review is a suggestion, not a complaint.
 */
export const OFF_DOMAIN_RULE_SCALE = 0.25;

function ruleAdjustments(p: Prepared): ExplainEntry[] {
  const r = p.rules;
  const k = p.telecom ? 1 : OFF_DOMAIN_RULE_SCALE;
  const out: ExplainEntry[] = [];
  const add = (family: string, text: string, weight: number): void => {
    out.push({ kind: 'rule', text: `${family}:${text}`, weight: weight * k });
  };
  for (const s of r.sarcasm) add('sarcasm', s, RULE_WEIGHTS.sarcasm);
  for (const s of r.rhetorical) add('rhetorical', s, RULE_WEIGHTS.rhetorical);
  for (const s of r.polite) add('polite-complaint', s, RULE_WEIGHTS.polite);
  for (const s of r.escalation.slice(0, 2)) add('escalation', s, RULE_WEIGHTS.escalation);
  if (r.emoji)
    out.push({ kind: 'emoticon', text: p.norm.emoji.join(''), weight: RULE_WEIGHTS.emoji * r.emoji });
  return out;
}

/**
 * Under sarcasm in a telecom mention, praise is not praise ("联通的服务真好呵呵"): the positive token
 * contributions are taken back. Off-domain (reviews) 呵呵 is often friendly, so nothing changes there.
 */
function sarcasmDiscount(p: Prepared, byToken: Float64Array): number {
  if (!p.rules.sarcasm.length || !p.telecom) return 0;
  let praise = 0;
  for (const w of byToken) if (w > 0) praise += w;
  return -praise;
}

/** Int8 codes and decoding table of a model (quantizing on the fly for a model fresh from training). */
function codes(m: LinearModel): { q: Int8Array; lut: Float32Array } {
  if (!m.quantized) m.quantized = quantizedCodes(m.weights);
  return m.quantized;
}

/** Polarity (low byte) and neutrality (high byte) codes in one int16 per bucket: one load serves both. */
interface Interleaved {
  q: Int16Array;
  lutP: Float32Array;
  lutN: Float32Array;
  mask: number;
}

const interleavedCache = new WeakMap<SentimentModel, Interleaved | null>();

function interleaved(m: SentimentModel): Interleaved | null {
  let il = interleavedCache.get(m);
  if (il !== undefined) return il;
  il = null;
  if (m.polarity.bits === m.neutral.bits) {
    const P = codes(m.polarity);
    const N = codes(m.neutral);
    const q = new Int16Array(P.q.length);
    for (let j = 0; j < P.q.length; j++) q[j] = ((P.q[j] ?? 0) & 0xff) | ((N.q[j] ?? 0) << 8);
    il = { q, lutP: P.lut, lutN: N.lut, mask: (1 << m.polarity.bits) - 1 };
  }
  interleavedCache.set(m, il);
  return il;
}

/** Per-feature lookup buffers, reused across calls. */
let polCodes = new Int16Array(1024);
let neuCodes = new Int16Array(1024);

/**
 * Look up every feature's codes first, in a loop that does nothing else: the table is megabytes,
 * the lookups miss the cache, and independent loads let the CPU overlap the misses.
 */
function gather(p: Prepared, m: SentimentModel): void {
  const f = p.features;
  const n = f.n;
  if (polCodes.length < n) {
    polCodes = new Int16Array(n * 2);
    neuCodes = new Int16Array(n * 2);
  }
  const idx = f.idx;
  const il = interleaved(m);
  if (il) {
    const { q, mask } = il;
    for (let i = 0; i < n; i++) polCodes[i] = q[(idx[i] as number) & mask] as number;
    for (let i = 0; i < n; i++) {
      const x = polCodes[i] as number;
      polCodes[i] = (x << 24) >> 24;
      neuCodes[i] = x >> 8;
    }
    return;
  }
  const P = codes(m.polarity).q;
  const N = codes(m.neutral).q;
  const pm = (1 << m.polarity.bits) - 1;
  const nm = (1 << m.neutral.bits) - 1;
  for (let i = 0; i < n; i++) polCodes[i] = P[(idx[i] as number) & pm] as number;
  for (let i = 0; i < n; i++) neuCodes[i] = N[(idx[i] as number) & nm] as number;
}

/** One pass over the features: both logits and the polarity logit attributed to tokens and rule features. */
function pass(p: Prepared, m: SentimentModel, c: Contributions): { pol: number; neu: number } {
  const { byToken, byRule, countByToken } = c;
  gather(p, m);
  const lutP = codes(m.polarity).lut;
  const lutN = codes(m.neutral).lut;
  const f = p.features;
  const { val, owner } = f;
  let pol = m.polarity.bias;
  let neu = m.neutral.bias;
  for (let i = 0; i < f.n; i++) {
    const v = val[i] as number;
    const w = (lutP[(polCodes[i] as number) + 128] as number) * v;
    neu += (lutN[(neuCodes[i] as number) + 128] as number) * v;
    pol += w;
    const o = owner[i] as number;
    if (o < 0) byRule[-1 - o] = (byRule[-1 - o] as number) + w;
    else {
      byToken[o] = (byToken[o] as number) + w;
      countByToken[o] = (countByToken[o] as number) + 1;
    }
  }
  return { pol, neu };
}

/** Indices of the `k` largest |values| (ties: lower index first), without sorting everything. */
function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i] ?? 0);
    if (a < 0.01) continue;
    if (top.length === k && a <= Math.abs(values[top[k - 1] ?? 0] ?? 0)) continue;
    let at = top.length;
    while (at > 0 && Math.abs(values[top[at - 1] ?? 0] ?? 0) < a) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}

/** Explanation entries from the attributed contributions: only the strongest tokens become objects. */
function attribute(
  p: Prepared,
  bias: number,
  byToken: Float64Array,
  byRule: Float64Array,
  k: number,
): ExplainEntry[] {
  const out: ExplainEntry[] = [{ kind: 'model', text: 'bias', weight: bias }];
  for (const i of topIndices(byToken, k)) {
    const t = p.tokens[i];
    if (t)
      out.push({
        kind: t.kind === 'emoticon' || t.kind === 'emoji' ? 'emoticon' : 'token',
        text: t.text,
        weight: byToken[i] ?? 0,
      });
  }
  RULE_FEATURES.forEach((r, i) => {
    const w = byRule[i] ?? 0;
    if (w !== 0) out.push({ kind: 'rule', text: r === 'lexicon' ? lexiconText(p) : r, weight: w });
  });
  for (const c of p.clauses) {
    if (c.weight === 1 || !c.marker) continue;
    let sum = 0;
    for (let i = c.from; i < c.to; i++) sum += byToken[i] ?? 0;
    out.push({ kind: 'rule', text: `contrast:${c.marker}`, weight: sum * (1 - 1 / c.weight) });
  }
  return out;
}

function lexiconText(p: Prepared): string {
  const neg = p.rules.hits.filter((h) => h.negated).map((h) => h.text);
  return neg.length ? `lexicon(negation:${neg.join(',')})` : 'lexicon';
}

/** Keep the entries that moved the score most. */
export function topExplain(entries: ExplainEntry[], k: number): ExplainEntry[] {
  return entries
    .filter((e) => Math.abs(e.weight) >= 0.01)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, k)
    .map((e) => ({ ...e, weight: Math.round(e.weight * 1000) / 1000 }));
}

/** Turn a logit and a neutral probability into label, signed score and confidence. */
export function calibrate(z: number, pNeutral: number): Sentiment {
  const pPos = sigmoid(z);
  const polar = Math.max(pPos, 1 - pPos);
  const neutral = pNeutral > NEUTRAL_THRESHOLD && polar < POLAR_OVERRIDE;
  const label: SentimentLabel = neutral ? 'neu' : z >= 0 ? 'pos' : 'neg';
  // The sign always follows the polarity model; a neutral-leaning text gets a small magnitude.
  const raw = (2 * pPos - 1) * (1 - 0.7 * pNeutral);
  const score = Math.round(raw * 1e4) / 1e4 || (z >= 0 ? 1e-4 : -1e-4);
  const confidence = neutral ? pNeutral : polar * (1 - pNeutral * 0.5);
  return { label, score, confidence: Math.round(confidence * 1e4) / 1e4 };
}

/** Score a prepared text; `explainTop` 0 skips building explanations. */
export function scoreSentiment(m: SentimentModel, p: Prepared, explainTop = 8): SentimentScore {
  const adjustments = ruleAdjustments(p);
  const P = codes(m.polarity);
  // One backing store for both per-token arrays: allocating one costs more than filling it.
  const t = p.tokens.length;
  const buf = new ArrayBuffer(10 * t);
  const contributions: Contributions = {
    byToken: new Float64Array(buf, 0, t),
    countByToken: new Uint16Array(buf, 8 * t, t),
    byRule: new Float64Array(RULE_FEATURES.length),
    adjust: adjustments.reduce((sum, e) => sum + e.weight, 0),
    lexWeight: P.lut[(P.q[(RULE_HASH[0] ?? 0) & ((1 << m.polarity.bits) - 1)] ?? 0) + 128] ?? 0,
  };
  const { pol, neu } = pass(p, m, contributions);
  const discount = sarcasmDiscount(p, contributions.byToken);
  if (discount) {
    adjustments.push({ kind: 'rule', text: 'sarcasm:praise-discounted', weight: discount });
    contributions.adjust += discount;
  }
  const z = pol + contributions.adjust;
  const pNeutral = sigmoid(neu);
  const explain =
    explainTop > 0
      ? topExplain(
          [
            ...attribute(p, m.polarity.bias, contributions.byToken, contributions.byRule, explainTop),
            ...adjustments,
          ],
          explainTop,
        )
      : [];
  // Named fields, not a spread of calibrate's result: the spread cost more than the rest of this function.
  const { label, score, confidence } = calibrate(z, pNeutral);
  return { label, score, confidence, logit: z, pNeutral, explain, contributions };
}
