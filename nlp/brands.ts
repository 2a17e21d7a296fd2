import type { BrandConfig } from '../core/index.ts';
import { isTelecom } from './lexicon/telecom-terms.ts';

/** One occurrence of a brand in the analysis text. */
export interface BrandMention {
  brand: string;
  /** The alias, product or hotline that matched. */
  term: string;
  start: number;
  end: number;
}

interface Term {
  term: string;
  brand: string;
  /** Hotlines must not sit inside a longer number. */
  digits: boolean;
  /** Single-character aliases (沃) only count in a telecom context. */
  single: boolean;
}

/** Phrases that contain an operator's alias but never mean it, on top of each brand's `exclude`. */
const BUILTIN_EXCLUDES = [
  '移动电话',
  '移动设备',
  '移动鼠标',
  '位置移动',
  '移动应用',
  '联通性',
  '电信业务经营',
  '沃尔玛',
  '沃尔沃',
  '肥沃',
  '沃土',
  '移动互联',
  '移动医疗',
  '移动营销',
  '移动开发',
  '移动版',
  '移动网页',
  '电信业',
  '连通',
];

const norm = (s: string): string => s.toLowerCase();

/** Finds configured brands in normalized text, with the disambiguation the config asks for. */
export class BrandMatcher {
  private readonly terms: Term[];
  /** Excluded phrases by first code unit, so one pass over a text finds them all. */
  private readonly excludes = new Map<number, string[]>();
  private readonly excludeFirst = new Uint8Array(0x10000);
  private readonly pattern: RegExp | null;
  private readonly byTerm = new Map<string, Term>();

  constructor(readonly brands: readonly BrandConfig[]) {
    const terms: Term[] = [];
    for (const b of brands) {
      for (const t of new Set([b.name, ...b.aliases, ...b.products])) {
        terms.push({ term: norm(t), brand: b.name, digits: false, single: [...t].length === 1 });
      }
      for (const h of b.hotlines)
        terms.push({ term: norm(h), brand: b.name, digits: /^\d+$/.test(h), single: false });
    }
    this.terms = terms.sort((a, b) => b.term.length - a.term.length);
    for (const t of this.terms) if (!this.byTerm.has(t.term)) this.byTerm.set(t.term, t);
    for (const ex of new Set([...brands.flatMap((b) => b.exclude), ...BUILTIN_EXCLUDES].map(norm))) {
      if (!ex) continue;
      const first = ex.charCodeAt(0);
      this.excludes.set(first, [...(this.excludes.get(first) ?? []), ex]);
      this.excludeFirst[first] = 1;
    }
    const escaped = this.terms.map((t) => t.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = escaped.length ? new RegExp(escaped.join('|'), 'g') : null;
  }

  /** Words to add to the segmenter so aliases stay whole. */
  words(): string[] {
    return this.terms.filter((t) => !t.single).map((t) => t.term);
  }

  /** Every occurrence of an excluded phrase (overlapping ones too). */
  private excludedSpans(text: string): [number, number][] {
    const spans: [number, number][] = [];
    for (let at = 0; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (!this.excludeFirst[c]) continue;
      for (const ex of this.excludes.get(c) ?? [])
        if (text.startsWith(ex, at)) spans.push([at, at + ex.length]);
    }
    return spans;
  }

  /** All brand mentions, longest match first, outside excluded phrases. */
  find(text: string): BrandMention[] {
    if (!this.pattern) return [];
    const excluded = this.excludedSpans(text);
    const out: BrandMention[] = [];
    let telecom: boolean | undefined;
    for (const m of text.matchAll(this.pattern)) {
      const t = this.byTerm.get(m[0]);
      if (!t) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (excluded.some(([a, b]) => start < b && end > a)) continue;
      if (t.digits && (/\d/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? ''))) continue;
      if (t.single) {
        telecom ??= isTelecom(text);
        if (!telecom) continue;
      }
      out.push({ brand: t.brand, term: t.term, start, end });
    }
    return out;
  }
}
