import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { cases } from '../schema/index.ts';
import type { CaseRow } from './insert-case.ts';

/**
 * Cases by id, row-locked until the transaction ends (call inside a transaction). Rows are locked in
 * id order, so two transactions locking overlapping sets cannot deadlock. Missing ids are skipped.
 */
export async function getCasesForUpdate(tx: Db, caseIds: readonly number[]): Promise<CaseRow[]> {
  if (caseIds.length === 0) return [];
  return tx
    .select()
    .from(cases)
    .where(inArray(cases.id, [...caseIds]))
    .orderBy(asc(cases.id))
    .for('update');
}
