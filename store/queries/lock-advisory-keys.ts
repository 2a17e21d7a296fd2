import { sql } from 'drizzle-orm';
import type { Db } from '../db.ts';

/**
 * Take transaction-scoped advisory locks on string keys, in hash order so that two transactions
 * never wait on each other in a cycle. Call inside a transaction; the locks end with it.
 */
export async function lockAdvisoryKeys(tx: Db, keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(k) from (
      select distinct hashtextextended(x, 0) as k from jsonb_array_elements_text(${JSON.stringify(unique)}::jsonb) as x
      order by 1
    ) s`);
}
