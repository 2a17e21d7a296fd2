import { type BrandConfig, DEFAULT_BRANDS } from '../../../core/index.ts';
import type { Sentiment } from '../types.ts';
import type { Random } from './prng.ts';

/** Share of background mentions per brand: 中国联通 (our brand) most. */
export const BRAND_WEIGHTS: readonly (readonly [string, number])[] = [
  ['中国联通', 0.45],
  ['中国移动', 0.25],
  ['中国电信', 0.22],
  ['中国广电', 0.08],
];

/** How users write each brand, with weights. Nicknames (联不通) only appear in complaints. */
const ALIASES: Record<string, { plain: readonly (readonly [string, number])[]; nickname: string }> = {
  中国联通: {
    plain: [
      ['联通', 6],
      ['中国联通', 3],
      ['联通公司', 0.5],
    ],
    nickname: '联不通',
  },
  中国移动: {
    plain: [
      ['移动', 5],
      ['中国移动', 4],
      ['移动公司', 0.5],
    ],
    nickname: '移不动',
  },
  中国电信: {
    plain: [
      ['电信', 6],
      ['中国电信', 3],
      ['电信公司', 0.5],
    ],
    nickname: '信不过',
  },
  中国广电: {
    plain: [
      ['广电', 5],
      ['中国广电', 4],
      ['广电5G', 1],
    ],
    nickname: '广电',
  },
};

/** The default brand config for a canonical name. */
export function brandConfig(name: string): BrandConfig {
  const found = DEFAULT_BRANDS.find((b) => b.name === name);
  if (!found) throw new Error(`unknown brand ${name}`);
  return found;
}

/** A way to write the brand in a post of the given sentiment. */
export function pickAlias(rng: Random, brand: string, sentiment: Sentiment): string {
  const table = ALIASES[brand];
  if (!table) return brand;
  if (sentiment === 'negative' && rng.chance(0.06)) return table.nickname;
  return rng.weighted(table.plain);
}

/** The brand's first hotline (`10010`). */
export function hotlineOf(brand: string): string {
  return brandConfig(brand).hotlines[0] ?? '10000';
}

/** One of the brand's products. */
export function pickProduct(rng: Random, brand: string): string {
  const products = brandConfig(brand).products;
  return products.length > 0 ? rng.pick(products) : brand;
}

/** A competitor of `brand`. */
export function pickOther(rng: Random, brand: string): string {
  return rng.pick(BRAND_WEIGHTS.map(([b]) => b).filter((b) => b !== brand));
}

/** Every alias a search for the canonical name should also match. */
export function searchAliases(name: string): string[] {
  const table = ALIASES[name];
  if (!table) return [name];
  return [...table.plain.map(([a]) => a), table.nickname];
}
