import { type HmmModel, isHmmHan, viterbiCut } from './jieba-hmm.ts';
import { childOf, logFreqOf, type WordTrie } from './jieba-trie.ts';

/**
 * jieba's default cut (`cut(text, hmm = true)`) in TypeScript, over code units:
 * 1. Split the text into blocks of Han characters, ASCII letters and digits and `+#&._%-`; other
 *    characters are one token each (`\r\n` stays together).
 * 2. In a block, every dictionary word starting at each character is an edge of a DAG; the route
 *    maximises Σ ln(freq / total) from right to left (a character without words is a single-character
 *    edge of frequency 1; ties go to the longer word).
 * 3. Consecutive single characters on the route are re-cut by the HMM unless they form a dictionary
 *    word (then they stay single characters).
 */

/** Han ranges of jieba-rs's block pattern, for code points above the BMP. */
const ASTRAL_HAN: readonly [number, number][] = [
  [0x20000, 0x2a6df],
  [0x2a700, 0x2ebef],
  [0x2f800, 0x2fa1f],
];

/** 1 for code units that belong in a block (BMP only). */
const BLOCK = new Uint8Array(0x10000);
for (const [a, b] of [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
] as const)
  BLOCK.fill(1, a, b + 1);
for (const ch of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#&._%-')
  BLOCK[ch.charCodeAt(0)] = 1;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Code units of the character at `i` (2 for a surrogate pair). */
function charLen(text: string, i: number, end: number): number {
  return isHigh(text.charCodeAt(i)) && i + 1 < end && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
}

function inBlock(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (BLOCK[c]) return 1;
  if (charLen(text, i, end) !== 2) return 0;
  const cp = text.codePointAt(i) ?? 0;
  return ASTRAL_HAN.some(([a, b]) => cp >= a && cp <= b) ? 2 : 0;
}

const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;

/** jieba's segmenter over a trie and an HMM model. */
export class JiebaCutter {
  private logProb = new Float64Array(256);
  private routeEnd = new Int32Array(256);

  constructor(
    private readonly trie: WordTrie,
    private readonly hmm: HmmModel,
  ) {}

  /** Cut `text`, pushing words (whitespace characters included, as jieba does) onto `out`. */
  cut(text: string, out: string[] = []): string[] {
    const n = text.length;
    let i = 0;
    while (i < n) {
      let j = i;
      for (let k = inBlock(text, j, n); k; k = j < n ? inBlock(text, j, n) : 0) j += k;
      if (j > i) {
        this.cutBlock(text, i, j, out);
        i = j;
        continue;
      }
      const len = text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : charLen(text, i, n);
      out.push(text.slice(i, i + len));
      i += len;
    }
    return out;
  }

  /** Best route over the DAG of `text[start, end)`: `routeEnd[i - start]` is where the word at i ends. */
  private route(text: string, start: number, end: number): Int32Array {
    const n = end - start;
    if (this.logProb.length < n + 1) {
      this.logProb = new Float64Array(2 * n + 2);
      this.routeEnd = new Int32Array(2 * n + 2);
    }
    const { logProb, routeEnd } = this;
    const trie = this.trie.trie();
    const logTotal = Math.log(this.trie.total);
    logProb[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      if (isLow(text.charCodeAt(start + i)) && i > 0 && isHigh(text.charCodeAt(start + i - 1))) continue;
      let best = Number.NEGATIVE_INFINITY;
      let bestEnd = -1;
      let node = 0;
      for (let j = i; j < n; j++) {
        node = childOf(trie, node, text.charCodeAt(start + j));
        if (node === 0) break;
        const lf = logFreqOf(trie, node);
        if (Number.isNaN(lf)) continue;
        const p = lf - logTotal + (logProb[j + 1] ?? 0);
        if (p >= best) {
          best = p;
          bestEnd = j + 1;
        }
      }
      if (bestEnd < 0) {
        bestEnd = i + charLen(text, start + i, end);
        best = -logTotal + (logProb[bestEnd] ?? 0);
      }
      logProb[i] = best;
      routeEnd[i] = bestEnd;
    }
    return routeEnd;
  }

  private cutBlock(text: string, start: number, end: number, out: string[]): void {
    const routeEnd = this.route(text, start, end);
    const n = end - start;
    let left = -1;
    for (let x = 0; x < n; ) {
      const y = routeEnd[x] ?? n;
      if (y - x === charLen(text, start + x, end)) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) this.flushSingles(text, start + left, start + x, out);
        left = -1;
        out.push(text.slice(start + x, start + y));
      }
      x = y;
    }
    if (left >= 0) this.flushSingles(text, start + left, end, out);
  }

  /** A run of single characters from the route: HMM unless it is itself a dictionary word. */
  private flushSingles(text: string, start: number, end: number, out: string[]): void {
    if (end - start === charLen(text, start, end)) out.push(text.slice(start, end));
    else if (!this.trie.has(text, start, end)) this.hmmCut(text, start, end, out);
    else for (let i = start; i < end; ) i += pushChar(text, i, end, out);
  }

  /** HMM cut: Han runs through Viterbi, the rest split around ASCII words and numbers. */
  private hmmCut(text: string, start: number, end: number, out: string[]): void {
    let i = start;
    while (i < end) {
      const han = isHmmHan(text.charCodeAt(i));
      let j = i + 1;
      while (j < end && isHmmHan(text.charCodeAt(j)) === han) j++;
      if (!han) skipSplit(text, i, j, out);
      else if (j - i > 1) viterbiCut(this.hmm, text, i, j, out);
      else out.push(text.slice(i, j));
      i = j;
    }
  }
}

function pushChar(text: string, i: number, end: number, out: string[]): number {
  const len = charLen(text, i, end);
  out.push(text.slice(i, i + len));
  return len;
}

/**
 * jieba's HMM skip pattern `[a-zA-Z0-9]+(?:.\d+)?%?` (the `.` unescaped, so any character but a line
 * feed): matches are tokens, and each stretch between matches is one token.
 */
function skipSplit(text: string, start: number, end: number, out: string[]): void {
  let i = start;
  while (i < end) {
    let k = i;
    while (k < end && !isAlnum(text.charCodeAt(k))) k++;
    if (k > i) out.push(text.slice(i, k));
    if (k >= end) return;
    let m = k + 1;
    while (m < end && isAlnum(text.charCodeAt(m))) m++;
    const dot = m < end && text.charCodeAt(m) !== 10 ? charLen(text, m, end) : 0;
    if (dot && m + dot < end && isDigit(text.charCodeAt(m + dot))) {
      m += dot + 1;
      while (m < end && isDigit(text.charCodeAt(m))) m++;
    }
    if (m < end && text.charCodeAt(m) === 37) m++;
    out.push(text.slice(k, m));
    i = m;
  }
}
