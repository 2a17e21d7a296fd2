import { boolean, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.ts';

/** Brands we monitor: our own and competitors. Synced from config at start-up; admins edit them. */
export const brands = pgTable('brands', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  isOwn: boolean('is_own').notNull().default(false),
  color: text('color'),
  createdAt: createdAt(),
});

/** Names that refer to a brand (alias, product, hotline, slang) or, with kind `exclude`, that do not. */
export const brandAliases = pgTable(
  'brand_aliases',
  {
    id: serial('id').primaryKey(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id, { onDelete: 'cascade' }),
    alias: text('alias').notNull(),
    /** `alias` | `product` | `hotline` | `exclude`. */
    kind: text('kind').notNull().default('alias'),
  },
  (t) => [uniqueIndex('brand_aliases_brand_alias_kind').on(t.brandId, t.alias, t.kind)],
);
