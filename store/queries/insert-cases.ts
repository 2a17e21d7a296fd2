import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';
import type { CaseRow, NewCase } from './insert-case.ts';

const iso = (d: Date | null | undefined) => (d instanceof Date ? d.toISOString() : null);

/**
 * Insert many cases in one statement. A case whose primary mention has one already is skipped
 * (duplicate execution); match the returned rows by `primaryMentionId`. The cases travel as one
 * JSON parameter (drizzle spent more building a 24-column multi-row statement than PostgreSQL spent
 * running it); omitted fields get the table's defaults.
 */
export async function insertCases(db: Db, values: readonly NewCase[]): Promise<CaseRow[]> {
  if (values.length === 0) return [];
  const payload = JSON.stringify(
    values.map((v) => ({
      ...v,
      publishedAt: iso(v.publishedAt),
      detectedAt: iso(v.detectedAt),
      firstResponseDueAt: iso(v.firstResponseDueAt),
      firstRespondedAt: iso(v.firstRespondedAt),
      escalatedAt: iso(v.escalatedAt),
      breachedAt: iso(v.breachedAt),
      resolvedAt: iso(v.resolvedAt),
      closedAt: iso(v.closedAt),
      createdAt: iso(v.createdAt),
      updatedAt: iso(v.updatedAt),
    })),
  );
  // Columns in the table's order, as drizzle's insert … select requires.
  return db
    .insert(cases)
    .select(
      sql`select coalesce(r.id, nextval(pg_get_serial_sequence('cases', 'id'))), coalesce(r.status, 'new'),
        r.priority, r.brand, r.title, r."primaryMentionId", r.team, r."assigneeId", coalesce(r.risk, 0),
        coalesce(r.categories, '{}'::text[]), r.region, r."clusterId", r."publishedAt", r."detectedAt",
        r."firstResponseDueAt", r."firstRespondedAt", r."escalatedAt", r."breachedAt", r."resolvedAt",
        r."closedAt", r."mergedIntoId", coalesce(r.version, 1), coalesce(r."createdAt", now()),
        coalesce(r."updatedAt", now())
      from rows from (jsonb_to_recordset(${payload}::jsonb) as (
        id bigint, status text, priority text, brand text, title text, "primaryMentionId" bigint,
        team text, "assigneeId" integer, risk smallint, categories text[], region text,
        "clusterId" bigint, "publishedAt" timestamptz, "detectedAt" timestamptz,
        "firstResponseDueAt" timestamptz, "firstRespondedAt" timestamptz, "escalatedAt" timestamptz,
        "breachedAt" timestamptz, "resolvedAt" timestamptz, "closedAt" timestamptz,
        "mergedIntoId" bigint, version integer, "createdAt" timestamptz, "updatedAt" timestamptz))
        with ordinality as r(id, status, priority, brand, title, "primaryMentionId", team, "assigneeId",
          risk, categories, region, "clusterId", "publishedAt", "detectedAt", "firstResponseDueAt",
          "firstRespondedAt", "escalatedAt", "breachedAt", "resolvedAt", "closedAt", "mergedIntoId",
          version, "createdAt", "updatedAt", n)
      order by r.n`,
    )
    .onConflictDoNothing({ target: cases.primaryMentionId })
    .returning();
}
