import type { Brand } from './types.ts';

/** Chart colours of the four operators, for when the brands list carries none. */
export const OPERATOR_COLORS: Readonly<Record<string, string>> = {
  中国联通: '#e60012',
  中国移动: '#0085d0',
  中国电信: '#00a650',
  中国广电: '#7b3fa0',
};

/** A brand's chart colour: the one configured in the brands list, else the operator's, else null. */
export function brandColor(name: string, brands: readonly Brand[]): string | null {
  return brands.find((b) => b.name === name)?.color ?? OPERATOR_COLORS[name] ?? null;
}
