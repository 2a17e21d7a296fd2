import type { Response } from 'express';
import { type Db, listCases, type MentionFilter, searchMentions } from '../../store/index.ts';
import type { CaseFilter } from '../../store/index.ts';
import { writeChunk } from '../http/stream.ts';
import { csvLine } from './csv.ts';

/** Rows fetched per database round trip. */
const BATCH = 2000;

const MENTION_COLUMNS = [
  'id',
  'publishedAt',
  'source',
  'brands',
  'sentiment',
  'categories',
  'risk',
  'region',
  'authorName',
  'authorFollowers',
  'reposts',
  'comments',
  'likes',
  'url',
  'title',
  'text',
] as const;

const CASE_COLUMNS = [
  'id',
  'status',
  'priority',
  'brand',
  'title',
  'team',
  'assigneeId',
  'risk',
  'categories',
  'region',
  'publishedAt',
  'firstResponseDueAt',
  'firstRespondedAt',
  'breachedAt',
  'resolvedAt',
] as const;

function startCsv(res: Response, filename: string, header: readonly string[]): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  // BOM so spreadsheet programs read the Chinese text as UTF-8.
  res.write(`\uFEFF${csvLine(header)}`);
}

/**
 * Stream every mention matching the filter as CSV: keyset batches of 2,000 rows, each written only
 * after the socket drained the previous one, so memory stays constant for any row count.
 */
export async function exportMentionsCsv(db: Db, res: Response, filter: MentionFilter): Promise<void> {
  startCsv(res, 'koubei-mentions.csv', MENTION_COLUMNS);
  let after: { publishedAt: Date; id: number } | undefined;
  for (;;) {
    const rows = await searchMentions(db, { filter, limit: BATCH, ...(after ? { after } : {}) });
    if (rows.length === 0) break;
    const text = rows.map((r) => csvLine(MENTION_COLUMNS.map((c) => r[c]))).join('');
    if (!(await writeChunk(res, text))) return;
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) break;
    after = { publishedAt: last.publishedAt, id: last.id };
  }
  res.end();
}

/** Stream every case matching the filter as CSV, in deadline order, constant memory. */
export async function exportCasesCsv(db: Db, res: Response, filter: CaseFilter): Promise<void> {
  startCsv(res, 'koubei-cases.csv', CASE_COLUMNS);
  let after: { dueAt: Date; id: number } | undefined;
  for (;;) {
    const rows = await listCases(db, { filter, limit: BATCH, ...(after ? { after } : {}) });
    if (rows.length === 0) break;
    const text = rows.map((r) => csvLine(CASE_COLUMNS.map((c) => r[c]))).join('');
    if (!(await writeChunk(res, text))) return;
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) break;
    after = { dueAt: last.firstResponseDueAt, id: last.id };
  }
  res.end();
}
