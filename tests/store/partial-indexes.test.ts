import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MentionFilter, mentionFilterSql, resultRows } from '../../store/index.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/db.ts';

/**
 * The mention indexes are partial (a row enters them once it has a value to be found by). A partial
 * index serves a query only when the planner can prove its predicate from the query's conditions,
 * so each filter must keep saying so: with sequential scans priced out, the plan must name the index.
 */
describe.each(DB_KINDS)('partial mention indexes on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  const plan = (where: ReturnType<typeof sql>) =>
    t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const rows = resultRows<Record<string, unknown>>(
        await tx.execute(sql`explain (format json) select m.id from mentions m where ${where}`),
      );
      return JSON.stringify(rows);
    });

  it.each<[string, MentionFilter]>([
    ['mentions_brands', { brands: ['中国联通'] }],
    ['mentions_categories', { categories: ['broadband'] }],
    ['mentions_tokens_fts', { words: ['光猫'] }],
    ['mentions_sentiment_published', { sentiments: ['neg'] }],
  ])('filters use %s', async (index, filter) => {
    expect(await plan(mentionFilterSql(filter))).toContain(index);
  });

  it('repost, thread and cluster lookups use their indexes', async () => {
    expect(
      await plan(
        sql`m.source = 'weibo' and m.parent_external_id = 'p1' and m.parent_external_id is not null`,
      ),
    ).toContain('mentions_parent');
    expect(
      await plan(
        sql`m.source = 'tieba' and m.thread_id = 't1' and m.author_id = 'a1' and m.thread_id is not null`,
      ),
    ).toContain('mentions_thread_author');
    expect(await plan(sql`m.cluster_id = 42`)).toContain('mentions_cluster');
  });
});
