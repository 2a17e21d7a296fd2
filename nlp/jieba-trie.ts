/**
 * The word dictionary of our jieba segmenter. Words and frequencies live in a map; lookups go through
 * a compact trie over UTF-16 code units compiled from it (again after words are added). Nodes are
 * numbered breadth first, so a node's children are contiguous and sorted by code unit: the DAG walk
 * reads a few neighbouring array slots per step rather than scattered hash-table entries (a hash
 * trie measured 28 µs per 140-character post, this one 24 µs).
 */

/** The compiled trie. Node 0 is the root. */
interface Compiled {
  /** Child of the root by code unit; 0 means none. */
  rootChild: Int32Array;
  /** Children of node n are the nodes `first[n]` … `first[n + 1] − 1`. */
  first: Int32Array;
  /**
   * Per node: the code unit on the edge into it (low 16 bits) and, in the high 16 bits, the index in
   * {@link logs} of the ln(frequency) of the word ending there (0: none). One load serves both the
   * child search and the word test, and the table is half the size of separate code and float arrays.
   */
  edge: Uint32Array;
  /** Distinct ln(frequency) values; `logs[0]` is NaN. */
  logs: Float64Array;
}

/** Most distinct word frequencies a dictionary may have (the index has 16 bits). */
const MAX_FREQS = 0xffff;

/** ln(frequency) of the word ending at `node`, or NaN where none ends. */
export function logFreqOf(t: Compiled, node: number): number {
  return t.logs[(t.edge[node] as number) >>> 16] as number;
}

/** A word → frequency dictionary with jieba's running frequency total. */
export class WordTrie {
  private readonly freq = new Map<string, number>();
  private compiled: Compiled | undefined;
  /** Sum of all word frequencies (jieba's `total`). */
  total = 0;

  /** Distinct words. */
  get words(): number {
    return this.freq.size;
  }

  /** Add a word, or set the frequency of one already there. */
  add(word: string, freq: number): void {
    if (!word) return;
    this.total += freq - (this.freq.get(word) ?? 0);
    this.freq.set(word, freq);
    this.compiled = undefined;
  }

  /** The compiled trie (built now if words were added since). */
  trie(): Compiled {
    this.compiled ??= compile(this.freq);
    return this.compiled;
  }

  /** Whether `text[start, end)` is a dictionary word (of any frequency, as jieba checks). */
  has(text: string, start = 0, end = text.length): boolean {
    const t = this.trie();
    let node = 0;
    for (let i = start; i < end; i++) {
      node = childOf(t, node, text.charCodeAt(i));
      if (node === 0) return false;
    }
    return node !== 0 && (t.edge[node] as number) >>> 16 !== 0;
  }
}

/** The child of `node` on code unit `c`, or 0. */
export function childOf(t: Compiled, node: number, c: number): number {
  if (node === 0) return t.rootChild[c] ?? 0;
  let lo = t.first[node] ?? 0;
  const end = t.first[node + 1] ?? 0;
  // Binary search down to a short run, then scan it.
  for (let hi = end; hi - lo > 8; ) {
    const mid = (lo + hi) >>> 1;
    if (((t.edge[mid] as number) & 0xffff) < c) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < end; lo++) {
    const k = (t.edge[lo] as number) & 0xffff;
    if (k === c) return lo;
    if (k > c) return 0;
  }
  return 0;
}

/**
 * Build the trie level by level from the sorted words: a node is a range of words sharing its
 * prefix; its children are the runs of equal code units after that prefix.
 */
function compile(freq: ReadonlyMap<string, number>): Compiled {
  const words = [...freq.keys()].sort();
  let cap = 1;
  for (const w of words) cap += w.length;
  const lo = new Int32Array(cap + 1);
  const hi = new Int32Array(cap + 1);
  const depth = new Int32Array(cap + 1);
  const first = new Int32Array(cap + 2);
  const code = new Uint16Array(cap + 1);
  const logFreq = new Float64Array(cap + 1).fill(Number.NaN);
  hi[0] = words.length;
  let nodes = 1;
  for (let n = 0; n < nodes; n++) {
    const d = depth[n] ?? 0;
    let i = lo[n] ?? 0;
    const end = hi[n] ?? 0;
    if (n > 0 && words[i]?.length === d) logFreq[n] = Math.log(freq.get(words[i++] ?? '') ?? 0);
    first[n] = nodes;
    while (i < end) {
      const c = words[i]?.charCodeAt(d) ?? 0;
      let j = i + 1;
      while (j < end && words[j]?.charCodeAt(d) === c) j++;
      lo[nodes] = i;
      hi[nodes] = j;
      depth[nodes] = d + 1;
      code[nodes] = c;
      nodes++;
      i = j;
    }
  }
  first[nodes] = nodes;
  const rootChild = new Int32Array(0x10000);
  for (let k = first[0] ?? 0; k < (first[1] ?? 0); k++) rootChild[code[k] ?? 0] = k;
  return { rootChild, first: first.slice(0, nodes + 1), ...packEdges(code, logFreq, nodes) };
}

/** Pack each node's code unit and the index of its ln(frequency) among the distinct values. */
function packEdges(code: Uint16Array, logFreq: Float64Array, nodes: number): Pick<Compiled, 'edge' | 'logs'> {
  const index = new Map<number, number>();
  const logs = [Number.NaN];
  const edge = new Uint32Array(nodes);
  for (let n = 0; n < nodes; n++) {
    const lf = logFreq[n] as number;
    let k = 0;
    if (!Number.isNaN(lf)) {
      k = index.get(lf) ?? logs.push(lf) - 1;
      index.set(lf, k);
    }
    if (k > MAX_FREQS) throw new Error(`dictionary has more than ${MAX_FREQS} distinct word frequencies`);
    edge[n] = ((code[n] as number) | (k << 16)) >>> 0;
  }
  return { edge, logs: Float64Array.from(logs) };
}

/**
 * Load jieba's dictionary format (`word [freq [tag]]` per line, whitespace separated; a missing
 * frequency is 0, as in jieba-rs).
 */
export function loadDictText(trie: WordTrie, text: string): void {
  // Scanned by hand: a regex split per line made loading 349k lines take ~0.4 s.
  const n = text.length;
  let at = 0;
  while (at < n) {
    while (at < n && isSpace(text.charCodeAt(at))) at++;
    let end = at;
    while (end < n && !isSpace(text.charCodeAt(end))) end++;
    if (end === at) break;
    const word = text.slice(at, end);
    while (end < n && isSpace(text.charCodeAt(end)) && text.charCodeAt(end) !== 10) end++;
    let freq = 0;
    let digits = end;
    for (let c = text.charCodeAt(digits); digits < n && !isSpace(c); c = text.charCodeAt(++digits)) {
      if (c < 48 || c > 57)
        throw new Error(`bad dictionary frequency for ${word}: ${text.slice(end, digits + 1)}`);
      freq = freq * 10 + (c - 48);
    }
    trie.add(word, freq);
    const nl = text.indexOf('\n', digits);
    at = nl < 0 ? n : nl + 1;
  }
}

/** Whitespace as jieba's dictionary reader splits on (space, tab, CR, LF). */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
