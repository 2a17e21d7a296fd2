import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';
import type { CaseRow, NewCase } from './insert-case.ts';

/**
 * Insert many cases in one statement. A case whose primary mention has one already is skipped
 * (duplicate execution); match the returned rows by `primaryMentionId`.
 */
export async function insertCases(db: Db, values: readonly NewCase[]): Promise<CaseRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(cases)
    .values([...values])
    .onConflictDoNothing({ target: cases.primaryMentionId })
    .returning();
}
