import type { CategoryId } from '../../../core/index.ts';
import type { BrandTruth, Sentiment } from '../types.ts';
import { hotlineOf, pickAlias, pickOther, pickProduct } from './brands.ts';
import { NEGATIVE_TEMPLATES, type Template } from './phrases-negative.ts';
import { NEUTRAL_TEMPLATES, POSITIVE_TEMPLATES } from './phrases-mixed.ts';
import { DETAILS, EMOJI, EMOTICONS, ENDINGS, ESCALATION, OPENERS } from './phrases-extra.ts';
import type { Random } from './prng.ts';
import { districtsOf } from './regions.ts';

/** Hostile strings inserted into a small share of posts to exercise downstream escaping. */
export const HOSTILE_SNIPPETS: readonly string[] = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
];

/** A composed mention before it is placed on a site. */
export interface Mention {
  title: string;
  body: string;
  brands: BrandTruth[];
  sentiment: Sentiment;
  categories: CategoryId[];
  escalation: boolean;
  pii: boolean;
  hostile: boolean;
}

/** Options for {@link composeMention}. */
export interface ComposeOptions {
  brand: string;
  sentiment: Sentiment;
  city: string;
  /** Force a category. Default: any template of the sentiment. */
  category?: CategoryId;
  /** Force the district. Default: random district of the city. */
  district?: string;
  /** Probability of extra sentences that make the post long. Default 0.1. */
  longRate?: number;
  /** Probability of an escalation sentence on negative posts. Default 0.1; 1 forces one. */
  escalationRate?: number;
  /** Probability of a phone number. Default 0.04. */
  piiRate?: number;
  /** Probability of hostile markup. Default 0.03. */
  hostileRate?: number;
  /** Probability of Weibo decorations (emoticons, #topic#). Default 0.5. */
  decorateRate?: number;
}

const TEMPLATES: Record<Sentiment, Template[]> = {
  negative: NEGATIVE_TEMPLATES,
  neutral: NEUTRAL_TEMPLATES,
  positive: POSITIVE_TEMPLATES,
};

/** A template of the sentiment (and category, when one exists for it). */
export function pickTemplate(rng: Random, sentiment: Sentiment, category?: CategoryId): Template {
  const all = TEMPLATES[sentiment];
  const matching = category ? all.filter((t) => t.cat === category) : all;
  return rng.pick(matching.length > 0 ? matching : all);
}

/** Slot values for one mention, so repeated slots agree. */
export function slotValues(
  rng: Random,
  brand: string,
  other: string,
  sentiment: Sentiment,
  city: string,
  district?: string,
) {
  return {
    b: pickAlias(rng, brand, sentiment),
    o: pickAlias(rng, other, 'neutral'),
    B: brand,
    hot: hotlineOf(brand),
    prod: pickProduct(rng, brand),
    city,
    dist: district ?? rng.pick(districtsOf(city)),
    n: String(rng.int(2, 6)),
    nn: String(rng.int(10, 99)),
    small: String(rng.int(5, 60)),
    money: String(rng.pick([20, 30, 50, 68, 100, 128, 200, 300, 500, 800])),
    speed: String(rng.pick([100, 200, 300, 500, 1000])),
    days: String(rng.int(2, 7)),
    plan: `${rng.pick([39, 59, 79, 99, 129, 169, 199, 239])}元`,
  };
}

/** Replace `{slot}` markers. Unknown slots are left as they are. */
export function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => slots[key] ?? m);
}

/** A mobile number such as 186 1234 5678. */
export function phoneNumber(rng: Random): string {
  return `${rng.pick(['130', '132', '155', '156', '166', '176', '185', '186', '138', '139', '189', '199'])}${rng.digits(8)}`;
}

function decorate(rng: Random, text: string, sentiment: Sentiment): string {
  const ending = rng.pick(ENDINGS[sentiment]);
  let out = ending ? `${text}${/[？！?!]$/.test(text) ? '' : '，'}${ending}` : text;
  if (rng.chance(0.5)) out += rng.pick(EMOTICONS[sentiment]);
  if (rng.chance(0.3)) out += rng.pick(EMOJI[sentiment]);
  return out;
}

/** Compose a mention from a template with openers, endings, emoticons and the optional extras. */
export function composeMention(rng: Random, opts: ComposeOptions): Mention {
  const template = pickTemplate(rng, opts.sentiment, opts.category);
  const other = pickOther(rng, opts.brand);
  const slots = slotValues(rng, opts.brand, other, opts.sentiment, opts.city, opts.district);
  let body = fill(`${rng.pick(OPENERS[opts.sentiment])}${template.body}`, slots);
  const long = rng.chance(opts.longRate ?? 0.1);
  if (long) {
    const pool = [...DETAILS[opts.sentiment]];
    if (!/[。！？]$/.test(body)) body += '。';
    for (let i = rng.int(3, 4); i > 0 && pool.length > 0; i--)
      body += fill(pool.splice(rng.int(0, pool.length - 1), 1)[0] ?? '', slots);
  }
  const escalation = opts.sentiment === 'negative' && rng.chance(opts.escalationRate ?? 0.1);
  if (escalation) body += `${long ? '' : '，'}${rng.pick(ESCALATION)}`;
  const pii = opts.sentiment !== 'positive' && rng.chance(opts.piiRate ?? 0.04);
  if (pii)
    body += `${/[。！？]$/.test(body) ? '' : '，'}${rng.pick(['我的号码', '联系电话', '机主号码'])}${phoneNumber(rng)}，有人能帮忙看看吗`;
  if (rng.chance(opts.decorateRate ?? 0.5)) body = decorate(rng, body.replace(/[。，]$/, ''), opts.sentiment);
  else if (!/[。！？]$/.test(body)) body += '。';
  const hostile = rng.chance(opts.hostileRate ?? 0.03);
  if (hostile) body = `${body}${rng.pick(HOSTILE_SNIPPETS)}`;
  const brands: BrandTruth[] = [{ brand: opts.brand, sentiment: template.s }];
  if (template.other && template.body.includes('{o}'))
    brands.push({ brand: other, sentiment: template.other });
  return {
    title: fill(template.title, { ...slots, b: pickAlias(rng, opts.brand, 'neutral') }),
    body,
    brands,
    sentiment: template.s,
    categories: template.cat ? [template.cat] : [],
    escalation: escalation || /工信部|12300|曝光/.test(body),
    pii,
    hostile,
  };
}
