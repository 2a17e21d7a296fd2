import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, resultRows, runMigrations } from '../../store/index.ts';

/** Embedded PostgreSQL runs no autovacuum; the handle gathers planner statistics on a timer instead. */
describe('PGlite planner statistics', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koubei-analyze-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const statsRows = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) =>
    resultRows<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from pg_stats where tablename = 'brands'`),
    )[0]?.n ?? 0;

  it('are gathered every analyzeEveryMs, and not at all when it is 0', async () => {
    const off = await openDatabase({ dataDir: join(dir, 'off') });
    await runMigrations(off);
    await off.db.execute(sql`insert into brands (name, is_own) values ('甲', true), ('乙', false)`);
    await new Promise((r) => setTimeout(r, 300));
    expect(await statsRows(off.db)).toBe(0);
    await off.close();

    const on = await openDatabase({ dataDir: join(dir, 'on'), analyzeEveryMs: 50 });
    await runMigrations(on);
    await on.db.execute(sql`insert into brands (name, is_own) values ('甲', true), ('乙', false)`);
    await expect.poll(() => statsRows(on.db), { timeout: 10_000, interval: 100 }).toBeGreaterThan(0);
    // Closing waits for a running ANALYZE instead of failing it.
    await on.close();
  });
});
