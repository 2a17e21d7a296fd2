import { asc } from 'drizzle-orm';
import type { BrandConfig } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { brandAliases, brands } from '../schema/index.ts';

/** The brands table as brand configs (own first, then by name). */
export async function listBrands(db: Db): Promise<BrandConfig[]> {
  const rows = await db.select().from(brands).orderBy(asc(brands.name));
  const aliases = await db.select().from(brandAliases).orderBy(asc(brandAliases.id));
  const of = (id: number, kind: string) =>
    aliases.filter((a) => a.brandId === id && a.kind === kind).map((a) => a.alias);
  return rows
    .sort((a, b) => Number(b.isOwn) - Number(a.isOwn))
    .map((b) => ({
      name: b.name,
      own: b.isOwn,
      aliases: of(b.id, 'alias'),
      products: of(b.id, 'product'),
      hotlines: of(b.id, 'hotline'),
      exclude: of(b.id, 'exclude'),
      ...(b.color ? { color: b.color } : {}),
    }));
}
