import { and, asc, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { type CaseStatus, cases } from '../schema/index.ts';
import { textArraySql } from './mention-filter-sql.ts';

/** Inbox filters. Every field is optional. */
export interface CaseFilter {
  /** Statuses. Default: the open ones (not resolved or closed). */
  statuses?: CaseStatus[];
  priorities?: string[];
  brands?: string[];
  /** Assigned to this user id. */
  assigneeId?: number;
  /** Routed to any of these teams. */
  teams?: string[];
  /** Nobody assigned. */
  unassigned?: boolean;
  /** Not yet answered and due before this instant. */
  dueBefore?: Date;
  /** Past the first-response deadline without an answer (or marked breached). */
  breached?: boolean;
  /** Published at or after. */
  from?: Date;
  /** Published before. */
  to?: Date;
}

/** Keyset position in the inbox order (deadline, id). */
export interface CaseKey {
  dueAt: Date;
  id: number;
}

/** Options for {@link listCases}. */
export interface ListCasesOptions {
  filter: CaseFilter;
  limit: number;
  /** Continue after this row. Default: from the start. */
  after?: CaseKey;
}

export const OPEN_CASE_STATUSES: CaseStatus[] = ['new', 'assigned', 'in_progress', 'responded'];

function conditions(f: CaseFilter): SQL[] {
  const c: SQL[] = [sql`${cases.mergedIntoId} is null`];
  c.push(sql`${cases.status} = any(${textArraySql(f.statuses ?? OPEN_CASE_STATUSES)})`);
  if (f.priorities?.length) c.push(sql`${cases.priority} = any(${textArraySql(f.priorities)})`);
  if (f.brands?.length) c.push(sql`${cases.brand} = any(${textArraySql(f.brands)})`);
  if (f.assigneeId !== undefined) c.push(sql`${cases.assigneeId} = ${f.assigneeId}`);
  if (f.teams) c.push(sql`${cases.team} = any(${textArraySql(f.teams)})`);
  if (f.unassigned) c.push(sql`${cases.assigneeId} is null`);
  if (f.dueBefore) {
    c.push(
      sql`${cases.firstRespondedAt} is null and ${cases.firstResponseDueAt} < ${f.dueBefore.toISOString()}::timestamptz`,
    );
  }
  if (f.breached) {
    c.push(
      sql`(${cases.breachedAt} is not null or (${cases.firstRespondedAt} is null and ${cases.firstResponseDueAt} < now()))`,
    );
  }
  if (f.from) c.push(sql`${cases.publishedAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) c.push(sql`${cases.publishedAt} < ${f.to.toISOString()}::timestamptz`);
  return c;
}

/** The inbox: cases matching the filter, soonest deadline first (then id), one page. */
export async function listCases(db: Db, opts: ListCasesOptions) {
  const conds = conditions(opts.filter);
  if (opts.after) {
    const due = sql`${opts.after.dueAt.toISOString()}::timestamptz`;
    conds.push(
      sql`(${cases.firstResponseDueAt} >= ${due} and (${cases.firstResponseDueAt} > ${due} or ${cases.id} > ${opts.after.id}))`,
    );
  }
  return await db
    .select({
      id: cases.id,
      status: cases.status,
      priority: cases.priority,
      brand: cases.brand,
      title: cases.title,
      team: cases.team,
      assigneeId: cases.assigneeId,
      risk: cases.risk,
      categories: cases.categories,
      region: cases.region,
      primaryMentionId: cases.primaryMentionId,
      publishedAt: cases.publishedAt,
      detectedAt: cases.detectedAt,
      firstResponseDueAt: cases.firstResponseDueAt,
      firstRespondedAt: cases.firstRespondedAt,
      escalatedAt: cases.escalatedAt,
      breachedAt: cases.breachedAt,
      resolvedAt: cases.resolvedAt,
      updatedAt: cases.updatedAt,
      version: cases.version,
    })
    .from(cases)
    .where(and(...conds))
    .orderBy(asc(cases.firstResponseDueAt), asc(cases.id))
    .limit(opts.limit);
}

/** One inbox row. */
export type CaseListRow = Awaited<ReturnType<typeof listCases>>[number];
