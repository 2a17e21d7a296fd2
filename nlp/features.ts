import type { Clause } from './clauses.ts';
import { combine, fmix32, hashString } from './hash.ts';
import type { Normalized } from './normalize.ts';
import type { RuleResult } from './rules.ts';
import type { Token } from './segment.ts';

/**
 * Hashed sparse features for the linear models: character 1–3-grams and word uni-/bigrams per
 * clause (scaled by the clause's contrast weight, words inside a negation scope marked), emoticons,
 * emoji, and a few real-valued rule features. Each feature remembers the token that produced it, so
 * a score can be explained token by token.
 */
export interface Features {
  n: number;
  /** 32-bit feature hashes; a model masks them to its table size. */
  idx: Uint32Array;
  val: Float32Array;
  /** Token index that produced the feature, or a negative {@link RULE_FEATURES} owner (−1 − id). */
  owner: Int32Array;
  /** 0 for character bi/trigrams, 3 for single characters, 2 for emoticons and emoji, 1 for the rest (words, bigrams, specials, rules). */
  word: Uint8Array;
}

/** Real-valued features computed by the rule layer; the classifier learns their weights. */
export const RULE_FEATURES = [
  'lexicon',
  'exclaim',
  'question',
  'repeat-punct',
  'ellipsis',
  'telecom',
] as const;
export type RuleFeature = (typeof RULE_FEATURES)[number];

/** {@link Features.word} value of emoticon and emoji features. */
export const EMOTICON_FLAG = 2;
/** {@link Features.word} value of single-character features (categories skip them). */
export const CHAR1_FLAG = 3;

/** Seeds that keep the hash spaces of the feature kinds apart. */
const NS = {
  w: 21,
  wneg: 22,
  emo: 31,
  emoji: 32,
  tag: 33,
  special: 34,
  rule: 41,
};
/** Salts that keep the 1-, 2- and 3-gram hash spaces apart. */
const SALT = { c1: 0x1b873593, c2: 0x5bd1e995, c3: 0x68e31da4 };

/** Hashes of the rule features, in {@link RULE_FEATURES} order. */
export const RULE_HASH = RULE_FEATURES.map((r) => hashString(r, NS.rule));

/** Feature extraction for one text; buffers grow as needed. */
export class FeatureBuilder {
  private f: Features = {
    n: 0,
    idx: new Uint32Array(1024),
    val: new Float32Array(1024),
    owner: new Int32Array(1024),
    word: new Uint8Array(1024),
  };

  /** Make room for `size` features (all of a text's, counted up front, so pushes need no checks). */
  private reserve(size: number): void {
    const f = this.f;
    if (size <= f.idx.length) return;
    let n = f.idx.length;
    while (n < size) n *= 2;
    f.idx = new Uint32Array(n);
    f.val = new Float32Array(n);
    f.owner = new Int32Array(n);
    f.word = new Uint8Array(n);
  }

  private push(h: number, v: number, owner: number, word: number): void {
    const f = this.f;
    const n = f.n;
    f.idx[n] = h;
    f.val[n] = v;
    f.owner[n] = owner;
    f.word[n] = word;
    f.n = n + 1;
  }

  /** Build the features. The result is reused by the next call: copy it to keep it. */
  build(
    norm: Normalized,
    tokens: readonly Token[],
    clauses: readonly Clause[],
    rules: RuleResult,
    telecom: boolean,
  ): Features {
    const f = this.f;
    // At most: a word and a bigram per token, three character grams per character, one feature
    // per token for specials (hashtag grams are characters too), and the rule features.
    this.reserve(3 * tokens.length + 3 * norm.text.length + RULE_FEATURES.length + 16);
    f.n = 0;
    for (const c of clauses) this.clause(tokens, c, rules.negated);
    // Scale the n-gram block to unit length so long reviews and short posts weigh alike.
    const scale = f.n ? 1 / Math.sqrt(f.n) : 0;
    const val = f.val;
    for (let i = 0; i < f.n; i++) val[i] = (val[i] as number) * scale;
    for (const c of clauses) this.specials(tokens, c);
    const { intensity } = norm;
    const values = [
      Math.max(-6, Math.min(6, rules.lex)),
      Math.log1p(intensity.exclaim),
      Math.log1p(intensity.question),
      intensity.maxRun >= 3 ? 1 : 0,
      intensity.ellipsis ? 1 : 0,
      telecom ? 1 : 0,
    ];
    for (let id = 0; id < values.length; id++) {
      const v = values[id] as number;
      if (v) this.push(RULE_HASH[id] as number, v, -1 - id, 1);
    }
    return f;
  }

  private codes = new Uint16Array(512);
  private owners = new Int32Array(512);

  private clause(tokens: readonly Token[], c: Clause, negated: Uint8Array): void {
    let prev = 0;
    let n = 0;
    const w = c.weight;
    for (let i = c.from; i < c.to; i++) {
      const t = tokens[i];
      if (t?.kind !== 'word') continue;
      const hw = hashString(t.text, negated[i] ? NS.wneg : NS.w);
      this.push(hw, w, i, 1);
      if (prev) this.push(combine(prev, hw), w, i, 1);
      prev = hw;
      const text = t.text;
      if (n + text.length > this.codes.length) this.growCodes(n + text.length);
      const codes = this.codes;
      const owners = this.owners;
      for (let k = 0; k < text.length; k++) {
        codes[n] = text.charCodeAt(k);
        owners[n++] = i;
      }
    }
    this.charGrams(n, w);
  }

  private growCodes(min: number): void {
    const size = Math.max(min, this.codes.length * 2);
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const owners = new Int32Array(size);
    owners.set(this.owners);
    this.codes = codes;
    this.owners = owners;
  }

  /** Character 1–3-grams of the clause's words: one FNV-1a state per start, extended a character at a time. */
  private charGrams(n: number, weight: number): void {
    const { codes, owners, f } = this;
    const { idx, val, owner, word } = f;
    let at = f.n;
    for (let k = 0; k < n; k++) {
      const o = owners[k] as number;
      let h = Math.imul(0x811c9dc5 ^ (codes[k] as number), 0x01000193);
      idx[at] = fmix32(h ^ SALT.c1);
      val[at] = weight;
      owner[at] = o;
      word[at++] = CHAR1_FLAG;
      if (k + 1 >= n) continue;
      h = Math.imul(h ^ (codes[k + 1] as number), 0x01000193);
      idx[at] = fmix32(h ^ SALT.c2);
      val[at] = weight;
      owner[at] = o;
      word[at++] = 0;
      if (k + 2 >= n) continue;
      h = Math.imul(h ^ (codes[k + 2] as number), 0x01000193);
      idx[at] = fmix32(h ^ SALT.c3);
      val[at] = weight;
      owner[at] = o;
      word[at++] = 0;
    }
    f.n = at;
  }

  private specials(tokens: readonly Token[], c: Clause): void {
    for (let i = c.from; i < c.to; i++) {
      const t = tokens[i];
      if (!t) continue;
      if (t.kind === 'emoticon') this.push(hashString(t.text, NS.emo), 1, i, EMOTICON_FLAG);
      else if (t.kind === 'emoji') this.push(hashString(t.text, NS.emoji), 1, i, EMOTICON_FLAG);
      else if (t.kind === 'hashtag') {
        for (let k = 1; k + 2 < t.text.length; k++)
          this.push(hashString(t.text, NS.tag, k, k + 2), 0.5, i, 1);
      } else if (t.kind === 'mention' || t.kind === 'url')
        this.push(hashString(t.kind, NS.special), 0.3, i, 1);
    }
  }
}
