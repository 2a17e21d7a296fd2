import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { userDictText } from './lexicon/telecom-dict.ts';
import type { Normalized, PieceKind } from './normalize.ts';

/**
 * Word segmentation, through this one module. Backed by @node-rs/jieba (see nlp/README.md for the
 * benchmark against nodejieba that chose it), with our telecom user dictionary loaded on top.
 */

let jieba: Jieba | undefined;
const added = new Set<string>();

function instance(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(userDictText()));
  }
  return jieba;
}

/** Add words (brand aliases, product names) to the shared segmenter. Idempotent. */
export function addWords(words: readonly string[]): void {
  const fresh = words.filter((w) => w && !added.has(w) && !/\s/.test(w));
  if (!fresh.length) return;
  for (const w of fresh) added.add(w);
  instance().loadDict(Buffer.from(userDictText(fresh)));
}

/** Segment plain text into words (HMM on for unknown words). Whitespace tokens are dropped. */
export function cut(text: string): string[] {
  return instance()
    .cut(text, true)
    .filter((t) => t.trim() !== '');
}

/** Load the dictionaries now rather than on first use. */
export function warmUpSegmenter(): void {
  instance();
}

/** What a token is. */
export type TokenKind = Exclude<PieceKind, 'text'> | 'word' | 'punct';

/** A segmented token with its offset in the analysis text. */
export interface Token {
  text: string;
  kind: TokenKind;
  /** Offset in `Normalized.text`. */
  start: number;
}

const PUNCT = /^[\p{P}\p{S}\s]+$/u;

/** Segment a normalized text: plain runs through jieba, special pieces kept whole. */
export function tokenize(norm: Normalized): Token[] {
  const out: Token[] = [];
  let pos = 0;
  const j = instance();
  for (const piece of norm.pieces) {
    if (piece.kind !== 'text') {
      out.push({ text: piece.text, kind: piece.kind, start: pos });
      pos += piece.text.length;
      continue;
    }
    for (const w of j.cut(piece.text, true)) {
      const c = w.charCodeAt(0);
      // Han characters are words; only other tokens need the (slower) punctuation test.
      if (c >= 0x3400 && c <= 0x9fff) out.push({ text: w, kind: 'word', start: pos });
      else if (w.trim() !== '') out.push({ text: w, kind: PUNCT.test(w) ? 'punct' : 'word', start: pos });
      pos += w.length;
    }
  }
  return out;
}
