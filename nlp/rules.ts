import type { Clause } from './clauses.ts';
import {
  DEGREE,
  EMOJI_POLARITY,
  ESCALATION_WORDS,
  FIRST_CHAR,
  FIRST_DEGREE,
  FIRST_NEGATOR,
  NEGATIVE_WORDS,
  NEGATORS,
  POLITE_COMPLAINT_PATTERNS,
  POSITIVE_WORDS,
  RHETORICAL_PATTERNS,
  SARCASM_PATTERNS,
  STRONG,
} from './lexicon/sentiment-words.ts';
import type { Normalized } from './normalize.ts';
import type { Token } from './segment.ts';

/** One sentiment word the lexicon scored, after negation and degree. */
export interface LexHit {
  token: number;
  text: string;
  /** Signed contribution to the lexicon score. */
  value: number;
  negated: boolean;
}

/** What the rule layer found in a text. */
export interface RuleResult {
  /** Lexicon score: Σ clause weight × degree × polarity, flipped (and damped) under negation. */
  lex: number;
  hits: LexHit[];
  /** 1 for tokens inside a negation scope (up to {@link NEGATION_SCOPE} words after a negator); empty when there is none. */
  negated: Uint8Array;
  sarcasm: string[];
  rhetorical: string[];
  polite: string[];
  escalation: string[];
  /** Summed polarity of emoji. */
  emoji: number;
}

/** Words after a negator that it still governs, within the clause. */
export const NEGATION_SCOPE = 3;
/** A negated positive word becomes this much of a negative (不好 = −1 × 1). */
const NEGATED_POS = 1;
/** A negated negative word is only mildly positive (不贵 ≈ +0.5). */
const NEGATED_NEG = 0.5;
/** "不太好": a negator before a degree adverb softens. */
const SOFTENED = 0.5;
const SOFT_NEGATORS: ReadonlySet<string> = new Set(['不太', '不怎么', '没什么', '不是很', '不大']);

function polarityOf(word: string): number {
  const w = STRONG.has(word) ? 2 : 1;
  if (POSITIVE_WORDS.has(word)) return w;
  if (NEGATIVE_WORDS.has(word)) return -w;
  return 0;
}

/** A lexicon entry, also for words jieba fused with a modifier: 太慢 = 太 + 慢, 不贵 = 不 + 贵. */
interface Entry {
  pol: number;
  degree: number;
  negated: boolean;
}

/** First characters of every lexicon word, degree adverb and negator: other tokens cannot score. */
const FIRST = new Uint8Array(0x10000);
for (const set of [POSITIVE_WORDS, NEGATIVE_WORDS, NEGATORS, new Set(DEGREE.keys())]) {
  for (const w of set) FIRST[w.charCodeAt(0)] = 1;
}

function entryOf(word: string): Entry | null {
  return FIRST[word.charCodeAt(0)] ? computeEntry(word) : null;
}

function computeEntry(word: string): Entry | null {
  const pol = polarityOf(word);
  if (pol !== 0) return { pol, degree: 1, negated: false };
  for (const cut of [1, 2]) {
    if (word.length <= cut) break;
    const head = word.slice(0, cut);
    const rest = polarityOf(word.slice(cut));
    if (rest === 0) continue;
    const d = DEGREE.get(head);
    if (d !== undefined) return { pol: rest, degree: d, negated: false };
    if (NEGATORS.has(head)) return { pol: rest, degree: 1, negated: true };
  }
  return null;
}

/** Score one sentiment word from the negators and degree adverbs just before it in its clause. */
function scoreWord(tokens: readonly Token[], j: number, from: number, e: Entry): { v: number; neg: boolean } {
  let negs = e.negated ? 1 : 0;
  let degree = e.degree;
  let softened = false;
  let seenDegree = false;
  for (let k = j - 1; k >= Math.max(from, j - NEGATION_SCOPE); k--) {
    const t = tokens[k]?.text ?? '';
    // Words whose first character starts no lexicon word, degree adverb or negator play no part.
    if (!FIRST[t.charCodeAt(0)]) continue;
    if (entryOf(t)) break;
    const d = (FIRST_CHAR[t.charCodeAt(0)] ?? 0) & FIRST_DEGREE ? DEGREE.get(t) : undefined;
    if (d !== undefined) {
      degree *= d;
      seenDegree = true;
    } else if (NEGATORS.has(t)) {
      negs++;
      // 不很好 / 不太好: the negator governs the degree adverb, which softens the flip.
      if (seenDegree || SOFT_NEGATORS.has(t)) softened = true;
    }
  }
  const pol = e.pol;
  if (negs % 2 === 0) return { v: pol * degree, neg: false };
  if (softened) return { v: -pol * SOFTENED, neg: true };
  return { v: pol > 0 ? -pol * NEGATED_POS * degree : -pol * NEGATED_NEG, neg: true };
}

/** {@link RuleResult.negated} of a text without negators (shared: it has no element to write). */
const NONE_NEGATED = new Uint8Array(0);

function negationScope(tokens: readonly Token[], clauses: readonly Clause[]): Uint8Array {
  // Allocated on the first negated token: a typed array costs more than the rest of this scan.
  let flags = NONE_NEGATED;
  for (const c of clauses) {
    let left = 0;
    for (let i = c.from; i < c.to; i++) {
      const t = tokens[i];
      if (t?.kind !== 'word') continue;
      if ((FIRST_CHAR[t.text.charCodeAt(0)] ?? 0) & FIRST_NEGATOR && NEGATORS.has(t.text))
        left = NEGATION_SCOPE;
      else if (left > 0) {
        if (flags === NONE_NEGATED) flags = new Uint8Array(tokens.length);
        flags[i] = 1;
        left--;
      }
    }
  }
  return flags;
}

/** Each rule family as one alternation, so a text is scanned once per family. */
const combined = new Map<readonly RegExp[], RegExp>();

function matches(patterns: readonly RegExp[], text: string): string[] {
  let re = combined.get(patterns);
  if (!re) {
    re = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'g');
    combined.set(patterns, re);
  }
  const out: string[] = [];
  for (const m of text.matchAll(re)) if (!out.includes(m[0])) out.push(m[0]);
  return out;
}

/** Run every rule family over a segmented text. */
export function applyRules(
  norm: Normalized,
  tokens: readonly Token[],
  clauses: readonly Clause[],
): RuleResult {
  const sarcasm = matches(SARCASM_PATTERNS, norm.text);
  const hits: LexHit[] = [];
  let lex = 0;
  for (const c of clauses) {
    for (let j = c.from; j < c.to; j++) {
      const t = tokens[j];
      if (t?.kind !== 'word') continue;
      const e = entryOf(t.text);
      if (!e) continue;
      const { v, neg } = scoreWord(tokens, j, c.from, e);
      // Under sarcasm, praise is not praise ("好一个千兆宽带").
      const value = (sarcasm.length && v > 0 ? -0.5 * v : v) * c.weight;
      hits.push({ token: j, text: t.text, value, negated: neg });
      lex += value;
    }
  }
  let emoji = 0;
  for (const e of norm.emoji)
    emoji += EMOJI_POLARITY.get(e) ?? EMOJI_POLARITY.get(e.replace(/\uFE0F/g, '')) ?? 0;
  return {
    lex,
    hits,
    negated: negationScope(tokens, clauses),
    sarcasm,
    rhetorical: matches(RHETORICAL_PATTERNS, norm.text),
    polite: matches(POLITE_COMPLAINT_PATTERNS, norm.text),
    escalation: ESCALATION_WORDS.filter((w) => norm.text.includes(w)),
    emoji,
  };
}
