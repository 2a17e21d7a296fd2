import { CONCESSIVE, CONTRAST, FIRST_CHAR, FIRST_CONTRAST } from './lexicon/sentiment-words.ts';
import type { Token } from './segment.ts';

/** A clause: a run of tokens between clause punctuation, with the weight contrast rules gave it. */
export interface Clause {
  /** Index of the first token. */
  from: number;
  /** Index after the last token. */
  to: number;
  /** 1 by default; lower before a contrast word (…但是), higher after it. */
  weight: number;
  /** The contrast or concessive word that opened the clause, if any. */
  marker?: string;
}

/** Weight of the clause a contrast word (但是, 不过, 可是…) opens. */
export const CONTRAST_AFTER = 1.5;
/** Weight multiplier of the clauses before a contrast word, and of a concessive (虽然…) clause. */
export const CONTRAST_BEFORE = 0.5;

const CLAUSE_END = /^[,.!?;:…~、。，！？；：\n]+$/;

/**
 * Split tokens into clauses at clause punctuation and before contrast words. A contrast word
 * weights its clause up and every earlier clause (back to the previous contrast) down, so
 * "价格便宜，但是网速太慢" reads as negative.
 */
export function splitClauses(tokens: readonly Token[]): Clause[] {
  const clauses: Clause[] = [];
  let lastContrast = 0;
  let cur: Clause = { from: 0, to: 0, weight: 1 };
  const close = (to: number): void => {
    cur.to = to;
    if (to > cur.from) clauses.push(cur);
    cur = { from: to, to, weight: 1 };
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === 'punct' && CLAUSE_END.test(t.text)) {
      close(i + 1);
      continue;
    }
    if (t.kind !== 'word' || !((FIRST_CHAR[t.text.charCodeAt(0)] ?? 0) & FIRST_CONTRAST)) continue;
    if (CONTRAST.has(t.text)) {
      if (i > cur.from) close(i);
      for (let k = lastContrast; k < clauses.length; k++) {
        const c = clauses[k];
        if (c) c.weight *= CONTRAST_BEFORE;
      }
      lastContrast = clauses.length;
      cur.weight = CONTRAST_AFTER;
      cur.marker = t.text;
    } else if (CONCESSIVE.has(t.text) && i === cur.from) {
      cur.weight = CONTRAST_BEFORE;
      cur.marker = t.text;
    }
  }
  close(tokens.length);
  return clauses;
}

/** Weight of the reposted chain after `//@user:` (the author's own words come first). */
export const REPOST_WEIGHT = 0.5;

/** Weight down the clauses of a Weibo repost chain: everything from the first `//@` on. */
export function weightRepostChain(clauses: Clause[], tokens: readonly Token[], text: string): void {
  const at = text.indexOf('//@');
  if (at < 0) return;
  for (const c of clauses) if ((tokens[c.from]?.start ?? 0) >= at) c.weight *= REPOST_WEIGHT;
}
