import { hashString } from './hash.ts';
import { isStopword, STOPWORDS } from './lexicon/stopwords.ts';
import type { Token } from './segment.ts';

/** Inverse document frequencies by word, plus the value used for unseen words. */
export interface IdfTable {
  idf: Map<string, number>;
  /** IDF of a word the table has never seen (the table's maximum). */
  unknown: number;
  /** Documents the table was built from. */
  docs: number;
}

const candidateMemo = new Map<string, boolean>();

function wordIsCandidate(w: string): boolean {
  if (isStopword(w) || [...w].length < 2) return false;
  return !/^[\d.%]+$/.test(w) || /^100\d\d$/.test(w);
}

/** True for tokens worth listing as keywords: words of 2+ characters, not stopwords, not bare numbers. */
export function isKeywordCandidate(t: Pick<Token, 'text' | 'kind'>): boolean {
  if (t.kind === 'hashtag') return true;
  if (t.kind !== 'word') return false;
  let v = candidateMemo.get(t.text);
  if (v === undefined) {
    v = wordIsCandidate(t.text);
    // A bounded memo: word types repeat heavily across posts.
    if (candidateMemo.size > 200_000) candidateMemo.clear();
    candidateMemo.set(t.text, v);
  }
  return v;
}

/** IDF in a small hashed byte table (idf × 16), plus a stopword bit set: no string maps per post. */
interface HashedIdf {
  idf: Uint8Array;
  stop: Uint8Array;
  unknown: number;
}

const IDF_BITS = 18;
const STOP_BITS = 16;
const KW_SEED = 0x6b77;
const hashedCache = new WeakMap<IdfTable, HashedIdf>();

function hashed(table: IdfTable): HashedIdf {
  let h = hashedCache.get(table);
  if (h) return h;
  const idf = new Uint8Array(1 << IDF_BITS);
  for (const [w, v] of table.idf) {
    const at = hashString(w, KW_SEED) & ((1 << IDF_BITS) - 1);
    idf[at] = Math.max(idf[at] ?? 0, Math.min(255, Math.round(v * 16)));
  }
  const stop = new Uint8Array(1 << (STOP_BITS - 3));
  for (const w of STOPWORDS) {
    const at = hashString(w, KW_SEED) & ((1 << STOP_BITS) - 1);
    stop[at >>> 3] = (stop[at >>> 3] ?? 0) | (1 << (at & 7));
  }
  h = { idf, stop, unknown: table.unknown };
  hashedCache.set(table, h);
  return h;
}

function isNumeric(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || c === 46 || c === 37)) return false;
  }
  return true;
}

/** IDF of a word (`x` its {@link KW_SEED} hash) for keyword scoring, 0 when it is not a keyword candidate. */
function idfOf(h: HashedIdf, w: string, x: number): number {
  if (w.length < 2) return 0;
  const s = x & ((1 << STOP_BITS) - 1);
  if ((h.stop[s >>> 3] ?? 0) & (1 << (s & 7))) return 0;
  if (isNumeric(w)) return /^100\d\d$/.test(w) ? h.unknown : 0;
  const v = h.idf[x & ((1 << IDF_BITS) - 1)] ?? 0;
  return v ? v / 16 : h.unknown;
}

/**
 * Term counts of one text's candidate words, distinct words in first-occurrence order. Reused across
 * calls: an open-addressing table keyed by the word's hash, which the IDF lookup needs anyway, so no
 * Map is built and no word is hashed twice.
 */
const tf = {
  words: [] as string[],
  hashes: [] as number[],
  counts: [] as number[],
  slots: new Int32Array(256),
};

function countTerms(tokens: readonly Pick<Token, 'text' | 'kind'>[]): number {
  const { words, hashes, counts } = tf;
  // A power of two at least twice the tokens, so probes stay short and always find a free slot.
  if (tf.slots.length < 2 * tokens.length)
    tf.slots = new Int32Array(1 << Math.ceil(Math.log2(4 * tokens.length)));
  const slots = tf.slots;
  slots.fill(-1);
  const mask = slots.length - 1;
  let n = 0;
  for (const t of tokens) {
    // One-character words are never keywords: skip them before any lookup.
    if (!((t.kind === 'word' && t.text.length > 1) || t.kind === 'hashtag')) continue;
    const w = t.text;
    const x = hashString(w, KW_SEED);
    let at = x & mask;
    for (let k = slots[at] as number; k >= 0; k = slots[at] as number) {
      if (hashes[k] === x && words[k] === w) break;
      at = (at + 1) & mask;
    }
    const k = slots[at] as number;
    if (k >= 0) counts[k] = (counts[k] as number) + 1;
    else {
      slots[at] = n;
      words[n] = w;
      hashes[n] = x;
      counts[n++] = 1;
    }
  }
  return n;
}

/** Top `k` keywords of one text by TF-IDF. Ties break by first occurrence, so output is stable. */
export function tfidfKeywords(
  tokens: readonly Pick<Token, 'text' | 'kind'>[],
  table: IdfTable,
  k = 5,
): string[] {
  const h = hashed(table);
  const distinct = countTerms(tokens);
  const { words, hashes, counts } = tf;
  const top: { w: string; s: number }[] = [];
  for (let i = 0; i < distinct; i++) {
    const w = words[i] as string;
    const s = (counts[i] as number) * (w.startsWith('#') ? h.unknown : idfOf(h, w, hashes[i] as number));
    if (s <= 0 || (top.length === k && s <= (top[k - 1]?.s ?? 0))) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.s ?? 0) < s) at--;
    top.splice(at, 0, { w, s });
    if (top.length > k) top.pop();
  }
  words.length = 0;
  return top.map((e) => e.w);
}

/** Options for {@link textRank}. */
export interface TextRankOptions {
  /** Co-occurrence window in candidate words. Default 5. */
  window?: number;
  /** Damping factor. Default 0.85. */
  damping?: number;
  /** Iterations. Default 30. */
  iterations?: number;
  /** Keywords to return. Default 10. */
  k?: number;
}

/**
 * TextRank over candidate words of one or many token lists (a document or a topic's mentions):
 * PageRank on the co-occurrence graph. Returns `[word, rank]` pairs, best first.
 */
export function textRank(
  docs: readonly (readonly Pick<Token, 'text' | 'kind'>[])[],
  opts: TextRankOptions = {},
): [string, number][] {
  const window = opts.window ?? 5;
  const d = opts.damping ?? 0.85;
  const ids = new Map<string, number>();
  const edges: Map<number, number>[] = [];
  const id = (w: string): number => {
    let i = ids.get(w);
    if (i === undefined) {
      i = ids.size;
      ids.set(w, i);
      edges.push(new Map());
    }
    return i;
  };
  for (const doc of docs) {
    const words = doc.filter(isKeywordCandidate).map((t) => id(t.text));
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < Math.min(words.length, i + window); j++) {
        const a = words[i] ?? 0;
        const b = words[j] ?? 0;
        if (a === b) continue;
        edges[a]?.set(b, (edges[a]?.get(b) ?? 0) + 1);
        edges[b]?.set(a, (edges[b]?.get(a) ?? 0) + 1);
      }
    }
  }
  const n = ids.size;
  const out = edges.map((e) => [...e.values()].reduce((s, v) => s + v, 0));
  let rank = new Float64Array(n).fill(1);
  for (let it = 0; it < (opts.iterations ?? 30); it++) {
    const next = new Float64Array(n).fill(1 - d);
    edges.forEach((e, a) => {
      const share = (rank[a] ?? 0) / (out[a] || 1);
      for (const [b, w] of e) next[b] = (next[b] ?? 0) + d * share * w;
    });
    rank = next;
  }
  const words = [...ids.keys()];
  return words
    .map((w, i): [string, number] => [w, rank[i] ?? 0])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.k ?? 10);
}

/** Parse an IDF table from `word<TAB>idf` lines (the first line is `#docs<TAB>n`). */
export function parseIdf(text: string): IdfTable {
  const idf = new Map<string, number>();
  let docs = 0;
  let max = 0;
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const v = Number(line.slice(tab + 1));
    if (line.startsWith('#docs')) docs = v;
    else if (Number.isFinite(v)) {
      idf.set(line.slice(0, tab), v);
      if (v > max) max = v;
    }
  }
  return { idf, unknown: max || 10, docs };
}

/** Document frequencies of keyword candidates in one segmented document, added to `df`. */
export function countDf(df: Map<string, number>, doc: readonly Pick<Token, 'text' | 'kind'>[]): void {
  for (const w of new Set(doc.filter(isKeywordCandidate).map((t) => t.text))) df.set(w, (df.get(w) ?? 0) + 1);
}

/** An IDF table from document frequencies: idf = ln((N + 1) / (df + 1)) + 1, for words with df ≥ minDf (default 3). */
export function idfFromCounts(df: ReadonlyMap<string, number>, docs: number, minDf = 3): IdfTable {
  const idf = new Map<string, number>();
  let max = 0;
  for (const [w, c] of [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (c < minDf) continue;
    const v = Math.round((Math.log((docs + 1) / (c + 1)) + 1) * 100) / 100;
    idf.set(w, v);
    if (v > max) max = v;
  }
  return { idf, unknown: max || 10, docs };
}

/** Serialize an IDF table (sorted, so the committed artifact is stable). */
export function formatIdf(t: IdfTable): string {
  const lines = [`#docs\t${t.docs}`];
  for (const [w, v] of [...t.idf.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!/[\t\n]/.test(w)) lines.push(`${w}\t${v}`);
  }
  return `${lines.join('\n')}\n`;
}
