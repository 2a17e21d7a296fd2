import { bigint, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns.ts';

/**
 * Mention counts per UTC hour, maintained incrementally by `applyMentionRollup` (the analyze stage
 * calls it after each batch). One mention contributes to brand `*` (all mentions, counted once, with
 * the mention's sentiment) and to each brand it names (with the brand-level label from
 * `brand_sentiments`, falling back to the mention's); each with `category = ''` (the
 * all-categories total) and once per category. So total volume is `brand = '*' and category = ''`,
 * a brand's volume `brand = $b and category = ''`, a category breakdown `category <> ''`.
 */
export const mentionRollupsHourly = pgTable(
  'mention_rollups_hourly',
  {
    bucket: tstz('bucket').notNull(),
    brand: text('brand').notNull(),
    source: text('source').notNull(),
    region: text('region').notNull(),
    sentiment: text('sentiment').notNull(),
    category: text('category').notNull(),
    count: integer('count').notNull(),
    /** Sum of reposts + comments + likes. */
    engagement: bigint('engagement', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bucket, t.brand, t.source, t.region, t.sentiment, t.category] }),
    // Charts read one brand (or `*`) and the all-categories rows over a time range: a tight range scan.
    index('mention_rollups_hourly_brand_category_bucket').on(t.brand, t.category, t.bucket),
  ],
);

/**
 * The hourly rollup summed per calendar day in Asia/Shanghai, without region: what day and week
 * charts read. Recomputed from the hourly rows of each affected day.
 */
export const mentionRollupsDaily = pgTable(
  'mention_rollups_daily',
  {
    /** Calendar day in Asia/Shanghai. */
    day: date('day', { mode: 'string' }).notNull(),
    brand: text('brand').notNull(),
    source: text('source').notNull(),
    sentiment: text('sentiment').notNull(),
    category: text('category').notNull(),
    count: integer('count').notNull(),
    engagement: bigint('engagement', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.brand, t.source, t.sentiment, t.category] }),
    index('mention_rollups_daily_brand_category_day').on(t.brand, t.category, t.day),
  ],
);

/** Daily (Asia/Shanghai) mention counts per province, for the region map. `category = ''` rows only. */
export const mentionRollupsRegionDaily = pgTable(
  'mention_rollups_region_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    brand: text('brand').notNull(),
    region: text('region').notNull(),
    sentiment: text('sentiment').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.brand, t.region, t.sentiment] }),
    index('mention_rollups_region_daily_brand_day').on(t.brand, t.day),
  ],
);
