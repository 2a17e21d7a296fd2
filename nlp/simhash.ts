import { fmix32 } from './hash.ts';

/**
 * 64-bit SimHash over character shingles. Text is reduced to Han characters, Latin letters and digits (so punctuation,
 * spacing and emoticon noise do not matter), cut into overlapping `shingle`-character pieces, each
 * hashed to 64 bits (two seeded 32-bit hashes); each bit of the result is the majority vote.
 */
export interface SimHashOptions {
  /** Shingle length in characters. Default 3. */
  shingle?: number;
}

let codeBuf = new Uint16Array(1024);

/** Letters and digits only: code units of CJK, Latin letters and digits (fast path, no regex). Reuses a buffer. */
function contentCodes(text: string): Uint16Array {
  if (codeBuf.length < text.length) codeBuf = new Uint16Array(text.length * 2);
  const out = codeBuf;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (
      (c >= 48 && c <= 57) ||
      (c >= 97 && c <= 122) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff)
    ) {
      out[n++] = c;
    }
  }
  return out.subarray(0, n);
}

/** Add the packed byte counters into the per-bit totals and clear them. */
function flush(packed: Uint32Array, ones: Int32Array): void {
  for (let b = 0; b < 16; b++) {
    const v = packed[b] ?? 0;
    const base = b < 8 ? 0 : 32;
    const bit = b & 7;
    for (let lane = 0; lane < 4; lane++) {
      const at = base + bit + lane * 8;
      ones[at] = (ones[at] ?? 0) + ((v >>> (lane * 8)) & 0xff);
    }
    packed[b] = 0;
  }
}

const ones = new Int32Array(64);
const packed = new Uint32Array(16);

/**
 * The SimHash of a text as a signed 64-bit bigint (fits PostgreSQL `bigint`). Bit votes are counted
 * four at a time in byte lanes (`(h >>> b) & 0x01010101`), flushed before a lane can overflow.
 */
export function simhash(text: string, opts: SimHashOptions = {}): bigint {
  const size = opts.shingle ?? 3;
  const s = contentCodes(text);
  ones.fill(0);
  const n = Math.max(1, s.length - size + 1);
  let pending = 0;
  for (let i = 0; i < n; i++) {
    const end = Math.min(s.length, i + size);
    let a = 0x811c9dc5 ^ 0x51;
    let b = 0x811c9dc5 ^ 0x52;
    for (let k = i; k < end; k++) {
      const c = s[k] ?? 0;
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    const lo = fmix32(a);
    const hi = fmix32(fmix32(b) ^ 0x9e3779b9);
    for (let bit = 0; bit < 8; bit++) {
      packed[bit] = (packed[bit] ?? 0) + ((lo >>> bit) & 0x01010101);
      packed[bit + 8] = (packed[bit + 8] ?? 0) + ((hi >>> bit) & 0x01010101);
    }
    if (++pending === 255) {
      flush(packed, ones);
      pending = 0;
    }
  }
  flush(packed, ones);
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    // Majority vote: more ones than zeros among the n shingles.
    if (2 * (ones[bit] ?? 0) > n) lo |= 1 << bit;
    if (2 * (ones[bit + 32] ?? 0) > n) hi |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

function popcount32(x: number): number {
  let v = x >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two 64-bit hashes (signed or unsigned form). */
export function hammingDistance(a: bigint, b: bigint): number {
  const x = BigInt.asUintN(64, a ^ b);
  return popcount32(Number(x & 0xffffffffn)) + popcount32(Number(x >> 32n));
}

/**
 * Group near-duplicates: items whose hashes differ in at most `maxDistance` bits (default 3) share
 * a group, transitively. Candidates come from four 16-bit bands (two hashes within 3 bits agree on
 * at least one band), so this is near-linear. Returns each item's group: the index of its first member.
 */
export function groupNearDuplicates(hashes: readonly bigint[], maxDistance = 3): number[] {
  // Exact copies first: campaigns repeat one text thousands of times.
  const firstOf = new Map<bigint, number>();
  hashes.forEach((h, i) => {
    if (!firstOf.has(h)) firstOf.set(h, i);
  });
  const unique = [...firstOf.entries()];
  const parent = new Map<number, number>(unique.map(([, i]) => [i, i]));
  const find = (i: number): number => {
    let r = i;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) ?? r;
    parent.set(i, r);
    return r;
  };
  const bands = Math.max(1, Math.min(16, maxDistance + 1));
  const width = BigInt(Math.floor(64 / bands));
  const mask = (1n << width) - 1n;
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<bigint, [bigint, number][]>();
    for (const [h, i] of unique) {
      const key = (BigInt.asUintN(64, h) >> (width * BigInt(band))) & mask;
      const list = buckets.get(key) ?? [];
      for (const [hj, j] of list) {
        const [a, b] = [find(i), find(j)];
        if (a !== b && hammingDistance(h, hj) <= maxDistance) parent.set(Math.max(a, b), Math.min(a, b));
      }
      list.push([h, i]);
      buckets.set(key, list);
    }
  }
  return hashes.map((h) => find(firstOf.get(h) ?? 0));
}
