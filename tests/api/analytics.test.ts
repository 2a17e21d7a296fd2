import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMentionRollup, mentions, rebuildMentionRollups, resultRows } from '../../store/index.ts';
import { DB_KINDS } from '../helpers/db.ts';
import { seedCase, seedMentions, startTestApi, type TestApi } from './helpers.ts';

type Counts = { total: number; pos: number; neu: number; neg: number };
type Overview = {
  totals: Counts;
  netSentiment: { score: number | null; previous: number | null; change: number | null };
  series: ({ bucket: string } & Counts)[];
  shareOfVoice: ({ key: string; share: number; own: boolean } & Counts)[];
  categories: ({ key: string } & Counts)[];
  sources: ({ key: string } & Counts)[];
};

describe.each(DB_KINDS)('analytics API on %s', (kind) => {
  let api: TestApi;
  const from = new Date(Date.now() - 11 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 3_600_000).toISOString();
  const range = `from=${from}&to=${to}`;
  const raw = async (where: ReturnType<typeof sql>) =>
    resultRows<{ n: number }>(
      await api.db.execute(
        sql`select count(*)::int as n from mentions m where m.analyzed_at is not null and ${where}`,
      ),
    )[0]?.n ?? -1;

  beforeAll(async () => {
    api = await startTestApi(kind, { workers: false });
    await seedMentions(api.db, { count: 800, days: 10 });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers the overview from the rollups, matching the raw counts', async () => {
    const c = await api.as('viewer');
    const r = await c.json<Overview>('GET', `/api/v1/analytics/overview?${range}`);
    expect(r.status).toBe(200);
    const o = r.body;
    expect(o.totals.total).toBe(await raw(sql`true`));
    expect(o.totals.neg).toBe(await raw(sql`m.sentiment = 'neg'`));
    expect(o.series.reduce((n, p) => n + p.total, 0)).toBe(o.totals.total);
    expect(o.netSentiment.score).toBeCloseTo((o.totals.pos - o.totals.neg) / o.totals.total, 10);
    const unicom = o.shareOfVoice.find((s) => s.key === '中国联通');
    expect(unicom?.own).toBe(true);
    expect(unicom?.total).toBe(await raw(sql`m.brands @> array['中国联通']`));
    expect(o.shareOfVoice.reduce((n, s) => n + s.share, 0)).toBeCloseTo(1, 10);
    expect(o.categories.find((x) => x.key === 'billing')?.total).toBe(
      await raw(sql`m.categories @> array['billing']`),
    );
    expect(o.sources.find((x) => x.key === 'weibo')?.total).toBe(await raw(sql`m.source = 'weibo'`));
  });

  it('filters by brand, source and sentiment, and reads regions from the hourly table', async () => {
    const c = await api.as('marketing');
    const r = await c.json<Overview>(
      'GET',
      `/api/v1/analytics/overview?${range}&brand=${encodeURIComponent('中国移动')}&source=tieba`,
    );
    expect(r.body.totals.total).toBe(await raw(sql`m.brands @> array['中国移动'] and m.source = 'tieba'`));
    const gd = await c.json<Overview>(
      'GET',
      `/api/v1/analytics/overview?${range}&region=${encodeURIComponent('广东')}`,
    );
    expect(gd.body.totals.total).toBe(await raw(sql`m.region = '广东'`));
    const regions = await c.json<{ items: ({ key: string } & Counts)[] }>(
      'GET',
      `/api/v1/analytics/regions?${range}`,
    );
    expect(regions.body.items.find((x) => x.key === '四川')?.total).toBe(await raw(sql`m.region = '四川'`));
  });

  it('buckets by hour in UTC and by day and week in Asia/Shanghai', async () => {
    const c = await api.as('viewer');
    const week = await c.json<{ series: { bucket: string }[] }>(
      'GET',
      `/api/v1/analytics/volume?${range}&bucket=week`,
    );
    expect(week.status).toBe(200);
    for (const p of week.body.series) {
      const d = new Date(p.bucket);
      // Monday 00:00 in Shanghai is Sunday 16:00 UTC.
      expect([d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes()]).toEqual([0, 16, 0]);
    }
    const day = await c.json<{ series: { bucket: string }[] }>(
      'GET',
      `/api/v1/analytics/volume?${range}&bucket=day`,
    );
    for (const p of day.body.series) expect(new Date(p.bucket).getUTCHours()).toBe(16);
    const hourFrom = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const hour = await c.json<{ series: ({ bucket: string } & Counts)[] }>(
      'GET',
      `/api/v1/analytics/volume?from=${hourFrom}&to=${to}&bucket=hour`,
    );
    for (const p of hour.body.series) expect(p.bucket).toMatch(/T\d\d:00:00Z$/);
    expect(hour.body.series.reduce((n, p) => n + p.total, 0)).toBe(
      await raw(sql`m.published_at >= date_trunc('hour', ${hourFrom}::timestamptz, 'UTC')`),
    );
  });

  it('rejects bad ranges and buckets', async () => {
    const c = await api.as('viewer');
    const longAgo = new Date(Date.now() - 60 * 86_400_000).toISOString();
    for (const q of [
      `from=${to}&to=${from}`,
      `from=${longAgo}&bucket=hour`,
      'bucket=month',
      'brand=',
      'limit=5',
    ]) {
      expect((await c.request('GET', `/api/v1/analytics/overview?${q}`)).status, q).toBe(400);
    }
  });

  it('keeps rollups right when the pipeline applies new and re-analyzed mentions', async () => {
    const c = await api.as('viewer');
    const before = (await c.json<Overview>('GET', `/api/v1/analytics/overview?${range}`)).body.totals;
    const [m] = await api.db
      .insert(mentions)
      .values({
        source: 'weibo',
        externalId: 'live:1',
        text: '话费乱扣',
        publishedAt: new Date(),
        analyzedAt: new Date(),
        sentiment: 'neg',
        brands: ['中国联通'],
        categories: ['billing'],
        region: '广东',
      })
      .returning({ id: mentions.id });
    await applyMentionRollup(api.db, [m?.id ?? 0]);
    await applyMentionRollup(api.db, [m?.id ?? 0]); // idempotent
    const after = (await c.json<Overview>('GET', `/api/v1/analytics/overview?${range}`)).body.totals;
    expect(after.total).toBe(before.total + 1);
    expect(after.neg).toBe(before.neg + 1);
    await api.db.execute(sql`update mentions set sentiment = 'pos' where id = ${m?.id ?? 0}`);
    await applyMentionRollup(api.db, [m?.id ?? 0]);
    const snapshot = async () =>
      JSON.stringify(
        resultRows(
          await api.db.execute(
            sql`select bucket, brand, source, region, sentiment, category, count, engagement from mention_rollups_hourly order by 1, 2, 3, 4, 5, 6`,
          ),
        ),
      );
    const incremental = await snapshot();
    await rebuildMentionRollups(api.db);
    expect(await snapshot()).toBe(incremental);
  });

  it('serves keywords, authors, top negative mentions and SLA figures', async () => {
    await seedCase(api.db);
    const c = await api.as('pr_agent');
    const kw = await c.json<{ items: { keyword: string; count: number }[] }>(
      'GET',
      `/api/v1/analytics/keywords?${range}&limit=5`,
    );
    expect(kw.body.items[0]?.keyword).toBeDefined();
    const au = await c.json<{ items: { followers: number }[] }>(
      'GET',
      `/api/v1/analytics/authors?${range}&by=reach&limit=3`,
    );
    expect(au.body.items).toHaveLength(3);
    expect(au.body.items[0]?.followers).toBeGreaterThanOrEqual(au.body.items[1]?.followers ?? 0);
    const neg = await c.json<{ items: { sentiment: string; likes: number }[] }>(
      'GET',
      `/api/v1/analytics/top-negative?${range}&limit=5`,
    );
    expect(neg.body.items.every((m) => m.sentiment === 'neg')).toBe(true);
    const sla = await c.json<{ cases: number; openByAge: { count: number }[] }>(
      'GET',
      `/api/v1/analytics/sla?${range}`,
    );
    expect(sla.status).toBe(200);
    expect(sla.body.cases).toBeGreaterThanOrEqual(1);
    expect((await (await api.as('marketing')).json('GET', `/api/v1/analytics/sla?${range}`)).status).toBe(
      403,
    );
  });
});
