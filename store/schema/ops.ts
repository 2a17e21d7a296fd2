import { bigserial, index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, tstz } from './columns.ts';

/** Marketing campaigns: keywords or hashtags and a time window, compared against a baseline. */
export const campaigns = pgTable('campaigns', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  brand: text('brand').notNull(),
  keywords: text('keywords').array().notNull().default([]),
  hashtags: text('hashtags').array().notNull().default([]),
  startsAt: tstz('starts_at').notNull(),
  endsAt: tstz('ends_at').notNull(),
  /** Baseline window; default is the same length just before the campaign. */
  baselineStartsAt: tstz('baseline_starts_at'),
  baselineEndsAt: tstz('baseline_ends_at'),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});

/** Alerts: volume spikes, sentiment drops, source outages. */
export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    brand: text('brand'),
    title: text('title').notNull(),
    data: jsonb('data'),
    /** One alert per condition and window. */
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: createdAt(),
    acknowledgedAt: tstz('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by'),
  },
  (t) => [uniqueIndex('alerts_dedupe').on(t.dedupeKey), index('alerts_created').on(t.createdAt)],
);

/** Audit trail of administrative changes (config, users, keys, corrections). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: createdAt(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    target: text('target'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_at').on(t.at)],
);

/** Admin-edited settings that override the config file (SLA policy, routing, channels). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
  updatedBy: integer('updated_by'),
});

/** Notifications sent, one row per (event, channel): a retried send never sends twice. */
export const notifications = pgTable('notifications', {
  id: serial('id').primaryKey(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  channelId: text('channel_id').notNull(),
  event: text('event').notNull(),
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: createdAt(),
  sentAt: tstz('sent_at'),
});
