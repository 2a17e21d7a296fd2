import { bigserial, boolean, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.ts';

/** A configured source and its health record. `id` is the config id (e.g. `weibo-main`). */
export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** The source's config as last synced (without secrets). */
  config: jsonb('config').notNull().default({}),
  lastRunAt: tstz('last_run_at'),
  lastSuccessAt: tstz('last_success_at'),
  lastErrorAt: tstz('last_error_at'),
  lastError: text('last_error'),
  blockedUntil: tstz('blocked_until'),
  blockSignal: text('block_signal'),
  itemsLastRun: integer('items_last_run').notNull().default(0),
  pagesLastRun: integer('pages_last_run').notNull().default(0),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** Per-account session state of a source: blocks are per session, never per cookie value. */
export const sourceSessions = pgTable(
  'source_sessions',
  {
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    accountId: text('account_id').notNull(),
    blockedUntil: tstz('blocked_until'),
    blockSignal: text('block_signal'),
    lastUsedAt: tstz('last_used_at'),
    errorCount: integer('error_count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.accountId] })],
);

/** Incremental-crawl high-water mark per (source, query). */
export const crawlCursors = pgTable(
  'crawl_cursors',
  {
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    query: text('query').notNull(),
    /** Newest publish time seen. */
    highWaterAt: tstz('high_water_at'),
    /** External ids seen at the high-water time (ties), to stop paging exactly. */
    highWaterIds: jsonb('high_water_ids').$type<string[]>().notNull().default([]),
    /** Adapter-specific paging state (e.g. Weibo `since_id`). */
    cursor: jsonb('cursor').notNull().default({}),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.query] })],
);

/** Responses that failed to parse, kept with their reason and raw body for inspection. */
export const quarantine = pgTable('quarantine', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  sourceId: text('source_id'),
  url: text('url'),
  reason: text('reason').notNull(),
  errorKind: text('error_kind').notNull(),
  rawBody: text('raw_body'),
  contentType: text('content_type'),
  createdAt: createdAt(),
  resolvedAt: tstz('resolved_at'),
});
