import { eq, notInArray } from 'drizzle-orm';
import type { BrandConfig } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { brandAliases, brands } from '../schema/index.ts';

/**
 * Make the brands table match the configured brands: upsert each brand and replace its aliases.
 * Brands no longer configured are kept (old mentions still name them) but lose `is_own`.
 */
export async function syncBrands(db: Db, configured: BrandConfig[]): Promise<void> {
  await db.transaction(async (tx) => {
    for (const b of configured) {
      const [row] = await tx
        .insert(brands)
        .values({ name: b.name, isOwn: b.own, color: b.color ?? null })
        .onConflictDoUpdate({ target: brands.name, set: { isOwn: b.own, color: b.color ?? null } })
        .returning({ id: brands.id });
      if (!row) continue;
      await tx.delete(brandAliases).where(eq(brandAliases.brandId, row.id));
      const aliasRows = [
        ...b.aliases.map((alias) => ({ alias, kind: 'alias' })),
        ...b.products.map((alias) => ({ alias, kind: 'product' })),
        ...b.hotlines.map((alias) => ({ alias, kind: 'hotline' })),
        ...b.exclude.map((alias) => ({ alias, kind: 'exclude' })),
      ];
      const unique = [...new Map(aliasRows.map((r) => [`${r.kind}\u0000${r.alias}`, r])).values()];
      if (unique.length) await tx.insert(brandAliases).values(unique.map((r) => ({ ...r, brandId: row.id })));
    }
    const names = configured.map((b) => b.name);
    if (names.length) await tx.update(brands).set({ isOwn: false }).where(notInArray(brands.name, names));
  });
}
