import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, tstz } from './columns.ts';
import { mentions } from './mentions.ts';

export const CASE_STATUSES = ['new', 'assigned', 'in_progress', 'responded', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A case: negative mentions about our brand that the PR team must answer within the SLA. */
export const cases = pgTable(
  'cases',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    status: text('status').$type<CaseStatus>().notNull().default('new'),
    /** P1 (most urgent) to P4. */
    priority: text('priority').notNull(),
    brand: text('brand').notNull(),
    title: text('title').notNull(),
    primaryMentionId: bigint('primary_mention_id', { mode: 'number' })
      .notNull()
      .references(() => mentions.id),
    team: text('team'),
    assigneeId: integer('assignee_id'),
    risk: smallint('risk').notNull().default(0),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    region: text('region'),
    clusterId: bigint('cluster_id', { mode: 'number' }),
    /** When the first mention was published: the SLA clock starts here, as the public sees it. */
    publishedAt: tstz('published_at').notNull(),
    /** When we detected it (crawled); `detectedAt - publishedAt` is the detection lag. */
    detectedAt: tstz('detected_at').notNull(),
    firstResponseDueAt: tstz('first_response_due_at').notNull(),
    firstRespondedAt: tstz('first_responded_at'),
    escalatedAt: tstz('escalated_at'),
    breachedAt: tstz('breached_at'),
    resolvedAt: tstz('resolved_at'),
    closedAt: tstz('closed_at'),
    /** Set when merged into another case. */
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    /** Optimistic-lock version, bumped on every change. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cases_primary_mention').on(t.primaryMentionId),
    index('cases_status_due').on(t.status, t.firstResponseDueAt),
    index('cases_assignee').on(t.assigneeId, t.status),
    index('cases_cluster').on(t.clusterId),
  ],
);

/** Mentions attached to a case. A mention belongs to at most one case. */
export const caseMentions = pgTable(
  'case_mentions',
  {
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    mentionId: bigint('mention_id', { mode: 'number' })
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    /** Why it joined: `opened`, `cluster`, `repost`, `thread_author`, `merge`. */
    reason: text('reason').notNull(),
    addedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.mentionId] }),
    uniqueIndex('case_mentions_mention').on(t.mentionId),
  ],
);

/** The append-only audit trail of a case. A database trigger rejects UPDATE and DELETE. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: bigint('case_id', { mode: 'number' })
      .notNull()
      .references(() => cases.id),
    at: createdAt(),
    /** `user` | `system` | `api_key`. */
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    /** assign, comment, response, status, escalation, breach, reminder, merge, mention_added, opened. */
    type: text('type').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    data: jsonb('data'),
    /** Idempotency key for system events (a timer firing twice records once). */
    dedupeKey: text('dedupe_key'),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at), uniqueIndex('case_events_dedupe').on(t.dedupeKey)],
);
