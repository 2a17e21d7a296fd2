import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BRANDS } from '../../core/index.ts';
import {
  addCaseMentions,
  appendCaseEvents,
  brandAliases,
  brands,
  caseEvents,
  cases,
  countUsers,
  createUser,
  getUserByUsername,
  insertCases,
  mentions,
  resultRows,
  syncBrands,
} from '../../store/index.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/db.ts';

describe.each(DB_KINDS)('store on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** A mention and a case opened on it, inserted directly; returns the case id. */
  const mentionWithCase = async (externalId: string, priority: string): Promise<number> => {
    const [m] = await t.db
      .insert(mentions)
      .values({ source: 'weibo', externalId, text: 'x', publishedAt: new Date() })
      .returning({ id: mentions.id });
    const now = new Date();
    const [c] = await t.db
      .insert(cases)
      .values({
        priority,
        brand: '中国联通',
        title: 't',
        primaryMentionId: m?.id ?? 0,
        publishedAt: now,
        detectedAt: now,
        firstResponseDueAt: new Date(now.getTime() + 86_400_000),
      })
      .returning({ id: cases.id });
    return c?.id ?? 0;
  };

  it('applies every migration and reports it', async () => {
    expect(await t.migrationsApplied()).toBe(true);
    await expect(t.ping()).resolves.toBeUndefined();
  });

  it('upserts mentions on (source, external id): a second delivery updates, never duplicates', async () => {
    const base = {
      source: 'weibo',
      externalId: 'post:1',
      text: '联通宽带又断网了',
      publishedAt: new Date('2024-11-19T04:00:00Z'),
    };
    const upsert = (likes: number) =>
      t.db
        .insert(mentions)
        .values({ ...base, likes })
        .onConflictDoUpdate({ target: [mentions.source, mentions.externalId], set: { likes } })
        .returning({ id: mentions.id });
    const [a] = await upsert(1);
    const [b] = await upsert(7);
    expect(a?.id).toBe(b?.id);
    const rows = await t.db.select().from(mentions).where(eq(mentions.externalId, 'post:1'));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.likes).toBe(7);
    expect(rows[0]?.publishedAt.toISOString()).toBe('2024-11-19T04:00:00.000Z');
  });

  it('finds mentions by segmented tokens with the full-text index expression', async () => {
    await t.db.insert(mentions).values({
      source: 'tieba',
      externalId: 'post:fts',
      text: '光猫坏了',
      tokens: '光猫 坏 了 联通',
      publishedAt: new Date(),
    });
    const res = await t.db.execute(
      sql`select external_id from mentions where to_tsvector('simple', coalesce(tokens, '')) @@ plainto_tsquery('simple', ${'光猫'})`,
    );
    expect(resultRows<{ external_id: string }>(res).map((r) => r.external_id)).toEqual(['post:fts']);
  });

  it('syncs brands and aliases from config idempotently', async () => {
    await syncBrands(t.db, DEFAULT_BRANDS);
    await syncBrands(t.db, DEFAULT_BRANDS);
    const rows = await t.db.select().from(brands);
    expect(rows.map((r) => r.name).sort()).toEqual(['中国广电', '中国电信', '中国移动', '中国联通']);
    expect(rows.find((r) => r.name === '中国联通')?.isOwn).toBe(true);
    const unicom = rows.find((r) => r.name === '中国联通');
    const aliases = await t.db
      .select()
      .from(brandAliases)
      .where(eq(brandAliases.brandId, unicom?.id ?? -1));
    expect(aliases.map((a) => a.alias)).toContain('10010');
  });

  it('keeps case events append-only', async () => {
    const caseId = await mentionWithCase('post:case', 'P2');
    await t.db.insert(caseEvents).values({ caseId, actorType: 'system', type: 'opened' });
    // Drizzle wraps the driver's error; the trigger's message is on the cause.
    const appendOnly = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(t.db.update(caseEvents).set({ type: 'tampered' })).rejects.toMatchObject(appendOnly);
    await expect(t.db.delete(caseEvents)).rejects.toMatchObject(appendOnly);
  });

  it('appends many case events in input order, skips known dedupe keys and keeps JSON as given', async () => {
    const caseId = await mentionWithCase('post:events', 'P3');
    const at = new Date('2026-12-01T08:00:00.000Z');
    const first = await appendCaseEvents(t.db, [
      { caseId, actorType: 'system', actorId: 'route', type: 'opened', dedupeKey: `opened-${caseId}` },
      {
        caseId,
        actorType: 'system',
        type: 'assign',
        after: { assigneeId: 7 },
        dedupeKey: `assign-${caseId}`,
      },
      {
        caseId,
        actorType: 'user',
        actorId: '3',
        type: 'comment',
        at,
        data: { text: '已致电用户 "引号" <b>' },
      },
    ]);
    expect(first.map((e) => e.type)).toEqual(['opened', 'assign', 'comment']);
    expect(first.map((e) => e.id)).toEqual([...first.map((e) => e.id)].sort((a, b) => a - b));
    expect(first[0]).toMatchObject({ actorId: 'route', before: null, after: null, data: null });
    expect(first[1]?.after).toEqual({ assigneeId: 7 });
    expect(first[2]).toMatchObject({ at, data: { text: '已致电用户 "引号" <b>' } });
    expect(Math.abs((first[0]?.at.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    const again = await appendCaseEvents(t.db, [
      { caseId, actorType: 'system', type: 'opened', dedupeKey: `opened-${caseId}` },
      { caseId, actorType: 'system', type: 'breach', dedupeKey: `breach-${caseId}` },
    ]);
    expect(again.map((e) => e.type)).toEqual(['breach']);
  });

  it('inserts many cases with the table defaults, skips a second case for a primary mention, and attaches mentions once', async () => {
    const ms = await t.db
      .insert(mentions)
      .values(
        ['a', 'b', 'c'].map((x) => ({
          source: 'weibo',
          externalId: `post:multi-${x}`,
          text: x,
          publishedAt: new Date(),
        })),
      )
      .returning({ id: mentions.id });
    const [m1, m2, m3] = ms.map((m) => m.id);
    const published = new Date('2026-12-01T00:00:00.000Z');
    const base = {
      priority: 'P2',
      brand: '中国联通',
      publishedAt: published,
      detectedAt: published,
      firstResponseDueAt: new Date(published.getTime() + 86_400_000),
    };
    const rows = await insertCases(t.db, [
      {
        ...base,
        title: '断网 "一整天" <script>',
        primaryMentionId: m1 ?? 0,
        categories: ['broadband', 'network'],
      },
      {
        ...base,
        title: '扣费',
        primaryMentionId: m2 ?? 0,
        status: 'assigned',
        assigneeId: 4,
        risk: 70,
        region: '广东',
      },
    ]);
    expect(rows.map((r) => r.title)).toEqual(['断网 "一整天" <script>', '扣费']);
    expect(rows[0]).toMatchObject({
      status: 'new',
      risk: 0,
      version: 1,
      categories: ['broadband', 'network'],
      team: null,
    });
    expect(rows[1]).toMatchObject({
      status: 'assigned',
      assigneeId: 4,
      risk: 70,
      region: '广东',
      categories: [],
    });
    expect(rows[0]?.firstResponseDueAt.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    expect(rows[0]?.breachedAt).toBeNull();
    const again = await insertCases(t.db, [
      { ...base, title: 'dup', primaryMentionId: m1 ?? 0 },
      { ...base, title: '新的', primaryMentionId: m3 ?? 0 },
    ]);
    expect(again.map((r) => r.title)).toEqual(['新的']);
    const caseId = rows[0]?.id ?? 0;
    const attached = await addCaseMentions(t.db, [
      { caseId, mentionId: m1 ?? 0, reason: 'primary' },
      { caseId, mentionId: m2 ?? 0, reason: 'cluster' },
    ]);
    expect([...attached].sort()).toEqual([m1, m2].sort());
    const second = await addCaseMentions(t.db, [
      { caseId: rows[1]?.id ?? 0, mentionId: m2 ?? 0, reason: 'cluster' },
      { caseId: rows[1]?.id ?? 0, mentionId: m3 ?? 0, reason: 'repost' },
    ]);
    expect([...second]).toEqual([m3]);
  });

  it('creates users idempotently by username', async () => {
    const id = await createUser(t.db, { username: 'admin', passwordHash: 'h', role: 'admin' });
    expect(id).toBeGreaterThan(0);
    expect(await createUser(t.db, { username: 'admin', passwordHash: 'h2', role: 'admin' })).toBeNull();
    expect((await getUserByUsername(t.db, 'admin'))?.passwordHash).toBe('h');
    expect(await countUsers(t.db, 'admin')).toBe(1);
  });
});
