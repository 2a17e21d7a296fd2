import type { BrandMention } from './brands.ts';
import type { Clause } from './clauses.ts';
import type { Prepared } from './pipeline.ts';
import { calibrate, type SentimentModel, type SentimentScore } from './sentiment.ts';
import type { BrandSentiment } from './types.ts';

/**
 * Sentiment per brand. One brand: the text's sentiment. Several: each brand is scored on its own
 * clauses (the clauses naming it, plus unnamed clauses attached to the nearest brand clause before
 * them), then comparison patterns override: 从A转到B / A换成B (A gets the opposite sign of what
 * follows), A比B好 / A不如B / 还是B好.
 */

const NEG_CMP = /不(?:好|行|如|稳)|差|慢|贵|烂|坑|垃圾|弱|卡|后悔/;
const POS_CMP = /好|强|快|稳|便宜|良心|靠谱|实惠|优秀|棒|给力|香/;
const SWITCH =
  /^(?:的?(?:号|号码|卡|宽带|手机号))?(?:了)?(?:携号转网|携转|转网|转|换|跳|改)(?:到|成|去|回|入|为)?(?:了)?$/;
const BRAND_FIELD = /^[^,.!?;。，！？；\n]{0,8}$/;

function cmpPolarity(s: string): number {
  if (NEG_CMP.test(s)) return -1;
  if (POS_CMP.test(s)) return 1;
  return 0;
}

/** The clause holding the last token that starts at or before `offset` (tokens and clauses are in text order). */
function clauseOf(p: Prepared, offset: number): number {
  const { tokens, clauses } = p;
  let lo = 0;
  for (let hi = tokens.length; lo < hi; ) {
    const mid = (lo + hi) >>> 1;
    if ((tokens[mid]?.start ?? 0) <= offset) lo = mid + 1;
    else hi = mid;
  }
  const tok = Math.max(0, lo - 1);
  return clauses.findIndex((c) => tok >= c.from && tok < c.to);
}

/** Which clauses speak about which brand. */
function scopes(p: Prepared, mentions: readonly BrandMention[]): Map<string, Clause[]> {
  const owner: (string[] | null)[] = p.clauses.map(() => null);
  for (const m of mentions) {
    const c = clauseOf(p, m.start);
    if (c < 0) continue;
    const list = owner[c] ?? [];
    if (!list.includes(m.brand)) list.push(m.brand);
    owner[c] = list;
  }
  let last: string[] | null = owner.find((o) => o !== null) ?? null;
  const out = new Map<string, Clause[]>();
  p.clauses.forEach((c, i) => {
    const o = owner[i] ?? null;
    if (o) last = o;
    for (const b of last ?? []) {
      const list = out.get(b);
      if (list) list.push(c);
      else out.set(b, [c]);
    }
  });
  return out;
}

function patternScores(
  text: string,
  mentions: readonly BrandMention[],
  scoped: Map<string, number>,
): Map<string, number> {
  const fixed = new Map<string, number>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i];
    const b = sorted[i + 1];
    if (!a || !b || a.brand === b.brand) continue;
    const between = text.slice(a.end, b.start);
    const after = text.slice(b.end, b.end + 10).split(/[,.!?;。，！？；\n]/)[0] ?? '';
    if (SWITCH.test(between)) {
      const s = scoped.get(b.brand) ?? 0;
      // 从A转到B, then praise: A is worse. Then regret: A was better.
      const sign = s < -0.5 ? -1 : 1;
      fixed.set(a.brand, -2 * sign);
      fixed.set(b.brand, 2 * sign);
    } else if (BRAND_FIELD.test(between) && /比$|不如$|没有$|没$/.test(between)) {
      const negForm = /不如$|没有$|没$/.test(between);
      const pol = negForm ? -1 : cmpPolarity(after);
      if (pol !== 0) {
        fixed.set(a.brand, 2 * pol);
        fixed.set(b.brand, -2 * pol);
      }
    }
  }
  for (const m of sorted) {
    const before = text.slice(Math.max(0, m.start - 3), m.start);
    const after = text.slice(m.end, m.end + 8).split(/[,.!?;。，！？；\n]/)[0] ?? '';
    if (/还是$|只有$|就服$/.test(before) && cmpPolarity(after) > 0) {
      for (const o of sorted) if (o.brand !== m.brand && !fixed.has(o.brand)) fixed.set(o.brand, -1.5);
      fixed.set(m.brand, 2);
    }
  }
  return fixed;
}

/**
 * The polarity logit of a subset of clauses, from the token contributions of the whole-text pass:
 * the n-gram block re-normalized to the subset's size, the lexicon feature recomputed on it.
 */
function scopeLogit(p: Prepared, overall: SentimentScore, bias: number, clauses: readonly Clause[]): number {
  const c = overall.contributions;
  let sum = 0;
  let count = 0;
  let lex = 0;
  for (const cl of clauses) {
    for (let i = cl.from; i < cl.to; i++) {
      sum += c.byToken[i] ?? 0;
      count += c.countByToken[i] ?? 0;
    }
  }
  // Hits in text order, as a per-token mask would visit them (no mask: an allocation per brand).
  for (const h of p.rules.hits)
    if (clauses.some((cl) => h.token >= cl.from && h.token < cl.to)) lex += h.value;
  let total = 0;
  for (const n of c.countByToken) total += n;
  let rules = 0;
  c.byRule.forEach((w, i) => {
    if (i !== 0) rules += w;
  });
  const scale = count ? Math.sqrt(total / count) : 0;
  return bias + c.adjust + rules + c.lexWeight * Math.max(-6, Math.min(6, lex)) + scale * sum;
}

/** Per-brand sentiment for a prepared text whose overall sentiment is `overall`. */
export function brandSentiments(
  model: SentimentModel,
  p: Prepared,
  mentions: readonly BrandMention[],
  overall: SentimentScore,
): BrandSentiment[] {
  const names = [...new Set(mentions.map((m) => m.brand))];
  if (names.length <= 1) {
    return names.map((brand) => ({ brand, label: overall.label, score: overall.score }));
  }
  const scoped = new Map<string, number>();
  for (const [brand, clauses] of scopes(p, mentions))
    scoped.set(brand, scopeLogit(p, overall, model.polarity.bias, clauses));
  const fixed = patternScores(p.norm.text, mentions, scoped);
  return names.map((brand) => {
    const z = fixed.get(brand) ?? scoped.get(brand) ?? overall.logit;
    const s = calibrate(z, fixed.has(brand) ? 0 : overall.pNeutral);
    return { brand, label: s.label, score: s.score };
  });
}
