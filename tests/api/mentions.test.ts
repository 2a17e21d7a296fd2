import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mentionCorrections, mentions, resultRows } from '../../store/index.ts';
import { DB_KINDS } from '../helpers/db.ts';
import { seedCase, seedMentions, startTestApi, type TestApi } from './helpers.ts';

type Page = {
  items: { id: number; publishedAt: string; brands: string[]; sentiment: string }[];
  nextCursor: string | null;
};

describe.each(DB_KINDS)('mentions API on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { workers: false });
    await seedMentions(api.db, { count: 600, days: 10 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('pages through a filtered search with a stable cursor, no gaps or repeats', async () => {
    const c = await api.as('viewer');
    const seen: number[] = [];
    let cursor: string | null = null;
    let prev = Number.POSITIVE_INFINITY;
    do {
      const q: string = `/api/v1/mentions?brand=${encodeURIComponent('中国联通')}&sentiment=neg&limit=37${cursor ? `&cursor=${cursor}` : ''}`;
      const r = await c.json<Page>('GET', q);
      expect(r.status).toBe(200);
      for (const m of r.body.items) {
        expect(m.brands).toContain('中国联通');
        expect(m.sentiment).toBe('neg');
        const t = Date.parse(m.publishedAt);
        expect(t).toBeLessThanOrEqual(prev);
        prev = t;
        seen.push(m.id);
      }
      cursor = r.body.nextCursor;
    } while (cursor);
    const expected = resultRows<{ n: number }>(
      await api.db.execute(
        sql`select count(*)::int as n from mentions where brands @> array['中国联通'] and sentiment = 'neg'`,
      ),
    )[0]?.n;
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected);
  });

  it('orders oldest first on request and filters by time, risk, region, source and category', async () => {
    const c = await api.as('marketing');
    const from = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const r = await c.json<Page>(
      'GET',
      `/api/v1/mentions?order=oldest&from=${from}&riskMin=10&riskMax=90&region=${encodeURIComponent('广东')}&source=weibo,tieba&category=network&limit=200`,
    );
    expect(r.status).toBe(200);
    const times = r.body.items.map((m) => Date.parse(m.publishedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times.every((t) => t >= Date.parse(from))).toBe(true);
  });

  it('finds mentions by free text through the segmented tokens', async () => {
    const [m] = await api.db
      .insert(mentions)
      .values({
        source: 'tieba',
        externalId: 'fts:1',
        text: '家里的光猫又坏了',
        tokens: '家里 的 光猫 又 坏 了',
        publishedAt: new Date(),
        analyzedAt: new Date(),
      })
      .returning({ id: mentions.id });
    const c = await api.as('viewer');
    const r = await c.json<Page>('GET', `/api/v1/mentions?q=${encodeURIComponent('光猫坏了')}`);
    expect(r.body.items.map((i) => i.id)).toEqual([m?.id]);
    const none = await c.json<Page>('GET', `/api/v1/mentions?q=${encodeURIComponent('！！！')}`);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
  });

  it('rejects bad cursors, unknown parameters and huge limits with 400 problems', async () => {
    const c = await api.as('viewer');
    for (const q of [
      'cursor=not-a-cursor!',
      `cursor=${Buffer.from('[1,2]').toString('base64url')}`,
      'limit=100000',
      'foo=1',
      'sentiment=angry',
      'from=yesterday',
      'riskMin=50&riskMax=10',
    ]) {
      const res = await c.request('GET', `/api/v1/mentions?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
  });

  it('shows detail with explanation, cluster and case; raw payload only for admins', async () => {
    const { mentionId, caseId } = await seedCase(api.db);
    await api.db
      .update(mentions)
      .set({
        clusterId: mentionId,
        raw: { html: '<b>x</b>' },
        explain: [{ kind: 'token', text: '断网', weight: -1.2 }],
      })
      .where(eq(mentions.id, mentionId));
    const [dup] = await api.db
      .insert(mentions)
      .values({
        source: 'weibo',
        externalId: 'dup:1',
        text: '联通宽带又断网了',
        publishedAt: new Date(),
        clusterId: mentionId,
      })
      .returning({ id: mentions.id });
    const admin = await (await api.as('admin')).json<
      Record<
        string,
        { id: number; raw?: unknown; explain?: unknown[]; status?: string; priority?: string }[] & {
          id: number;
        }
      >
    >('GET', `/api/v1/mentions/${mentionId}`);
    expect(admin.status).toBe(200);
    const body = admin.body as unknown as {
      mention: { raw: unknown; explain: unknown[] };
      cluster: { id: number }[];
      case: { id: number; priority?: string };
    };
    expect(body.mention.raw).toEqual({ html: '<b>x</b>' });
    expect(body.mention.explain).toHaveLength(1);
    expect(body.cluster.map((m) => m.id)).toEqual([dup?.id]);
    expect(body.case).toMatchObject({ id: caseId, priority: 'P2' });
    const viewer = (await (await api.as('viewer')).json('GET', `/api/v1/mentions/${mentionId}`))
      .body as unknown as { mention: Record<string, unknown>; case: Record<string, unknown> };
    expect('raw' in viewer.mention).toBe(false);
    expect(viewer.case).toEqual({ id: caseId, status: 'new' });
    expect((await (await api.as('viewer')).json('GET', '/api/v1/mentions/999999999')).status).toBe(404);
  });

  it('records an analyst correction, audits it, updates rollups and exports it as training data', async () => {
    const [m] = await api.db
      .insert(mentions)
      .values({
        source: 'zhihu',
        externalId: 'corr:1',
        text: '移动的信号真不错',
        publishedAt: new Date(),
        analyzedAt: new Date(),
        sentiment: 'neg',
        categories: ['network'],
      })
      .returning({ id: mentions.id });
    const id = m?.id ?? 0;
    const bm = await api.as('brand_manager');
    const r = await bm.json('POST', `/api/v1/mentions/${id}/corrections`, {
      sentiment: 'pos',
      categories: ['network', 'five_g'],
    });
    expect(r.status).toBe(201);
    const rows = await api.db.select().from(mentionCorrections).where(eq(mentionCorrections.mentionId, id));
    expect(rows.map((x) => x.field).sort()).toEqual(['categories', 'sentiment']);
    const audit = await api.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `mention:${id}`));
    expect(audit[0]?.action).toBe('mention.correct');
    const [after] = await api.db.select().from(mentions).where(eq(mentions.id, id));
    expect(after?.sentiment).toBe('pos');
    expect(after?.corrected).toBe(true);
    const roll = resultRows<{ n: number }>(
      await api.db.execute(
        sql`select coalesce(sum(count), 0)::int as n from mention_rollups_hourly where brand = '*' and category = 'five_g' and sentiment = 'pos'`,
      ),
    );
    expect(roll[0]?.n).toBeGreaterThanOrEqual(1);
    const res = await bm.request('GET', '/api/v1/mentions/corrections/export');
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; label: string; categories: string[] });
    expect(lines).toContainEqual({
      text: '移动的信号真不错',
      label: 'pos',
      categories: ['network', 'five_g'],
    });
    const viewer = await api.as('viewer');
    expect(
      (await viewer.json('POST', `/api/v1/mentions/${id}/corrections`, { sentiment: 'neg' })).status,
    ).toBe(403);
    expect((await bm.json('POST', `/api/v1/mentions/${id}/corrections`, {})).status).toBe(400);
    expect(
      (await bm.json('POST', `/api/v1/mentions/${id}/corrections`, { sentiment: 'pos', extra: 1 })).status,
    ).toBe(400);
  });
});
