import { WAVE_PREFIXES, WAVE_SUFFIXES } from './phrases-extra.ts';
import type { Random } from './prng.ts';

const SWAPS: readonly [string, string][] = [
  ['，', ','],
  ['！', '!'],
  ['？', '?'],
  ['真的', '真是'],
  ['一直', '始终'],
  ['客服', '客服人员'],
  ['太', '特别'],
];

/** A near-copy of `text`: the small edits people make when they paste a complaint (punctuation, prefixes). */
export function editCopy(rng: Random, text: string): string {
  let out = text;
  const edits = rng.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const [from, to] = rng.pick(SWAPS);
    if (out.includes(from)) out = out.replace(from, to);
  }
  return `${rng.pick(WAVE_PREFIXES)}${out}${rng.pick(WAVE_SUFFIXES)}`;
}
