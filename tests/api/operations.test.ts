import { Worker } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisConnection, sourceSchema } from '../../core/index.ts';
import {
  auditLog,
  mentions,
  rebuildMentionRollups,
  resultRows,
  sources,
  syncSources,
} from '../../store/index.ts';
import { testRedisUrl } from '../helpers/redis.ts';
import { seedMentions, startTestApi, type TestApi } from './helpers.ts';

// Every other field takes the config schema's default.
const source = (id: string) =>
  sourceSchema.parse({ id, kind: 'weibo', baseUrl: 'https://m.weibo.cn', queries: ['联通'] });

describe('campaigns, sources, dead letters and the live stream', () => {
  let api: TestApi;
  const crawled: string[] = [];
  beforeAll(async () => {
    api = await startTestApi('postgres', {
      deps: {
        streamHeartbeatMs: 200,
        triggerCrawl: async (id) => {
          crawled.push(id);
          return { jobId: `crawl:${id}` };
        },
      },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports campaign impact with a difference-in-differences lift and its confidence interval', async () => {
    const day = 86_400_000;
    const start = Date.UTC(2025, 2, 10, 16); // 2025-03-11 00:00 Shanghai
    // Baseline 10 days, campaign 10 days; our brand turns positive in the window, competitors do not.
    await api.db.execute(sql`
      insert into mentions (source, external_id, text, published_at, analyzed_at, sentiment, brands, brand_sentiments, categories)
      select 'weibo', 'camp:' || g || ':' || b, case when g % 3 = 0 then '冰激凌套餐 #五一畅享# 真香' else '普通吐槽' end,
        ${new Date(start - 10 * day).toISOString()}::timestamptz + make_interval(hours => g),
        now(),
        case when b = '中国联通' and g >= 240 and g % 5 <> 0 then 'pos' when g % 2 = 0 then 'neg' else 'neu' end,
        array[b], '[]'::jsonb, array[case when g >= 240 and b = '中国联通' then 'plan_data' else 'network' end]
      from generate_series(0, 479) g, unnest(array['中国联通', '中国移动', '中国电信']) b`);
    await rebuildMentionRollups(api.db);
    const bm = await api.as('brand_manager');
    const created = await bm.json<{ id: number }>('POST', '/api/v1/campaigns', {
      name: '五一畅享',
      brand: '中国联通',
      keywords: ['冰激凌套餐'],
      hashtags: ['#五一畅享#'],
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 10 * day).toISOString(),
    });
    expect(created.status).toBe(201);
    type Did = { estimate: number; ciLow: number; ciHigh: number; daysWindow: number };
    const r = await bm.json<{
      windows: { baseline: { from: string } };
      lift: { netSentiment: Did; volume: Did };
      campaignMentions: { window: { total: number } };
      topPosts: { text: string; brands: string[] }[];
      categoryShifts: { category: string; change: number }[];
    }>('GET', `/api/v1/campaigns/${created.body.id}/impact`);
    expect(r.status).toBe(200);
    expect(r.body.windows.baseline.from).toBe(new Date(start - 10 * day).toISOString());
    const nss = r.body.lift.netSentiment;
    expect(nss.daysWindow).toBe(10);
    expect(nss.estimate).toBeGreaterThan(0.5);
    expect(nss.ciLow).toBeLessThan(nss.estimate);
    expect(nss.ciHigh).toBeGreaterThan(nss.estimate);
    expect(nss.ciLow).toBeGreaterThan(0);
    expect(Math.abs(r.body.lift.volume.estimate)).toBeLessThan(1e-9); // equal volumes on both sides
    // Every third hour has the terms, for each of the three brands: only 中国联通's 80 are the campaign's.
    expect(r.body.campaignMentions.window.total).toBe(80);
    expect(r.body.topPosts.length).toBeGreaterThan(0);
    expect(r.body.topPosts.every((p) => p.text.includes('冰激凌套餐'))).toBe(true);
    expect(r.body.topPosts.every((p) => p.brands.includes('中国联通'))).toBe(true);
    expect(r.body.categoryShifts[0]?.category).toMatch(/plan_data|network/);
    const viewer = await api.as('viewer');
    expect((await viewer.json('DELETE', `/api/v1/campaigns/${created.body.id}`)).status).toBe(403);
    expect(
      (
        await bm.json('POST', '/api/v1/campaigns', {
          name: 'x',
          brand: 'y',
          startsAt: '2025-01-02T00:00:00Z',
          endsAt: '2025-01-01T00:00:00Z',
        })
      ).status,
    ).toBe(400);
    expect((await bm.json('DELETE', `/api/v1/campaigns/${created.body.id}`)).status).toBe(204);
  });

  it("counts and lists only the campaign brand's mentions of its terms, not competitors'", async () => {
    const day = 86_400_000;
    const start = Date.UTC(2024, 1, 1, 16); // 2024-02-02 00:00 Shanghai; baseline: the 7 days before
    const at = (d: number) => new Date(start + d * day + 3_600_000).toISOString();
    type Row = [id: string, text: string, d: number, likes: number, sentiment: string, brands: string[]];
    const rows: Row[] = [
      // Window: our brand (three posts, little engagement) ...
      ['u1', '沃派5G套餐 真香', 0, 1, 'pos', ['中国联通']],
      ['u2', '新办了沃派5G套餐', 1, 2, 'pos', ['中国联通']],
      ['u3', '#沃派新春# 抽到流量包', 2, 3, 'neu', ['中国联通']],
      // ... a comparison naming us and a competitor (ours: pos in brand_sentiments) ...
      ['j1', '联通和移动的5G套餐比一比', 3, 500, 'neg', ['中国联通', '中国移动']],
      // ... competitors using the same words, far more engaged ...
      ['m1', '移动5G套餐更便宜', 1, 1000, 'neg', ['中国移动']],
      ['m2', '移动5G套餐降价了', 2, 1200, 'neg', ['中国移动']],
      ['g1', '#沃派新春# 广电也来凑热闹', 3, 900, 'neg', ['中国广电']],
      // ... and our brand without the terms.
      ['u4', '联通信号又断了', 4, 2000, 'neg', ['中国联通']],
      // Baseline: one of ours, two of a competitor's.
      ['b1', '5G套餐有点贵', -3, 5, 'neg', ['中国联通']],
      ['b2', '移动5G套餐', -3, 50, 'neg', ['中国移动']],
      ['b3', '移动5G套餐不错', -2, 60, 'pos', ['中国移动']],
    ];
    await api.db.insert(mentions).values(
      rows.map(([id, text, d, likes, sentiment, brands]) => ({
        source: 'weibo',
        externalId: `brandcamp:${id}`,
        text,
        publishedAt: new Date(at(d)),
        analyzedAt: new Date(),
        likes,
        sentiment: sentiment as 'neg' | 'neu' | 'pos',
        brands,
        brandSentiments:
          id === 'j1'
            ? [
                { brand: '中国联通', label: 'pos' as const, score: 0.8 },
                { brand: '中国移动', label: 'neg' as const, score: -0.8 },
              ]
            : [],
      })),
    );
    await rebuildMentionRollups(api.db);
    const bm = await api.as('brand_manager');
    const created = await bm.json<{ id: number }>('POST', '/api/v1/campaigns', {
      name: '沃派5G新春',
      brand: '中国联通',
      keywords: ['5G套餐'],
      hashtags: ['#沃派新春#'],
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 7 * day).toISOString(),
    });
    expect(created.status).toBe(201);
    type Stats = { total: number; pos: number; neg: number };
    const r = await bm.json<{
      campaignMentions: { window: Stats; baseline: Stats };
      competitors: string[];
      topPosts: { externalId: string; brands: string[] }[];
      lift: { methodId: string; method: string };
    }>('GET', `/api/v1/campaigns/${created.body.id}/impact`);
    expect(r.status).toBe(200);
    expect(r.body.topPosts.map((p) => p.externalId)).toEqual([
      'brandcamp:j1',
      'brandcamp:u3',
      'brandcamp:u2',
      'brandcamp:u1',
    ]);
    // The comparison post counts once, with our brand's label.
    expect(r.body.campaignMentions.window).toMatchObject({ total: 4, pos: 3, neg: 0 });
    expect(r.body.campaignMentions.baseline).toMatchObject({ total: 1, pos: 0, neg: 1 });
    // The competitor comparison is unchanged.
    expect(r.body.competitors).toEqual(expect.arrayContaining(['中国移动', '中国广电']));
    expect(r.body.lift.methodId).toBe('did_daily');
    expect((await bm.json('DELETE', `/api/v1/campaigns/${created.body.id}`)).status).toBe(204);
  });

  it('shows source health, toggles sources (audited) and triggers crawls', async () => {
    await syncSources(api.db, [source('weibo-main'), source('tieba-main')]);
    await api.db
      .update(sources)
      .set({ lastRunAt: new Date(), lastSuccessAt: new Date(), itemsLastRun: 42 })
      .where(eq(sources.id, 'weibo-main'));
    await api.db
      .update(sources)
      .set({ lastRunAt: new Date(), blockedUntil: new Date(Date.now() + 3_600_000), blockSignal: 'http-432' })
      .where(eq(sources.id, 'tieba-main'));
    const admin = await api.as('admin');
    const list = await admin.json<{
      items: { id: string; status: string; itemsLastRun: number; freshnessSeconds: number | null }[];
    }>('GET', '/api/v1/sources');
    expect(list.body.items.find((s) => s.id === 'weibo-main')).toMatchObject({
      status: 'ok',
      itemsLastRun: 42,
    });
    expect(list.body.items.find((s) => s.id === 'tieba-main')?.status).toBe('blocked');
    const off = await admin.json<{ enabled: boolean; status: string }>(
      'PATCH',
      '/api/v1/sources/weibo-main',
      { enabled: false },
    );
    expect(off.body).toMatchObject({ enabled: false, status: 'disabled' });
    expect((await api.db.select().from(auditLog).where(eq(auditLog.action, 'source.disable'))).length).toBe(
      1,
    );
    expect((await admin.json('POST', '/api/v1/sources/tieba-main/crawl')).status).toBe(202);
    expect(crawled).toEqual(['tieba-main']);
    expect((await admin.json('POST', '/api/v1/sources/nope/crawl')).status).toBe(404);
    expect((await admin.json('PATCH', '/api/v1/sources/Bad_Id', { enabled: true })).status).toBe(400);
  });

  it('lists dead-lettered jobs and retries them', async () => {
    const queues = api.queues;
    if (!queues) throw new Error('queues not wired');
    await queues.route.add('mentions', { mentionIds: [1] }, { jobId: 'dlq-test', attempts: 1 });
    const connection = createRedisConnection(testRedisUrl(), {
      name: 'dlq-worker',
      maxRetriesPerRequest: null,
    });
    const worker = new Worker(
      'route',
      async () => {
        throw new Error('boom');
      },
      { connection, prefix: queues.prefix },
    );
    await new Promise<void>((resolve) => worker.on('failed', () => resolve()));
    await worker.close();
    connection.disconnect();
    const admin = await api.as('admin');
    const list = await admin.json<{ items: { queue: string; jobId: string; failedReason: string }[] }>(
      'GET',
      '/api/v1/jobs/dead-letters?queue=route',
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ queue: 'route', jobId: 'dlq-test', failedReason: 'boom' }),
    );
    expect((await admin.json('POST', '/api/v1/jobs/dead-letters/route/dlq-test/retry')).status).toBe(204);
    expect((await admin.json('POST', '/api/v1/jobs/dead-letters/route/dlq-test/retry')).status).toBe(409);
    expect((await admin.json('POST', '/api/v1/jobs/dead-letters/bogus/x/retry')).status).toBe(400);
    expect((await admin.json('GET', '/api/v1/jobs/dead-letters?limit=100000')).status).toBe(400);
  });

  it('streams case events and alerts filtered by role', async () => {
    const queues = api.queues;
    if (!queues) throw new Error('queues not wired');
    const read = async (role: 'pr_agent' | 'brand_manager' | 'viewer') => {
      const client = await api.as(role);
      const res = await client.request('GET', '/api/v1/stream');
      expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
      const reader = res.body?.getReader();
      if (!reader) throw new Error('no body');
      return { reader, text: '' };
    };
    const streams = {
      pr_agent: await read('pr_agent'),
      brand_manager: await read('brand_manager'),
      viewer: await read('viewer'),
    };
    // Wait until the hub subscribed (the ready event arrived on each stream).
    for (const s of Object.values(streams)) {
      const { value } = await s.reader.read();
      s.text += new TextDecoder().decode(value);
    }
    await new Promise((r) => setTimeout(r, 300));
    await queues.publishCaseEvent({
      kind: 'case.opened',
      caseId: 7,
      type: 'opened',
      at: new Date().toISOString(),
      priority: 'P1',
      status: 'new',
      assigneeId: 3,
      data: { title: '宽带断网' },
    });
    await queues.publishCaseEvent({
      kind: 'alert',
      caseId: null,
      type: 'volume_spike',
      at: new Date().toISOString(),
      data: { brand: '中国联通' },
    });
    const deadline = Date.now() + 3000;
    for (const s of Object.values(streams)) {
      while (!s.text.includes('volume_spike') && Date.now() < deadline) {
        const { value, done } = await s.reader.read();
        if (done) break;
        s.text += new TextDecoder().decode(value);
      }
      await s.reader.cancel();
    }
    expect(streams.pr_agent.text).toContain('event: case.opened');
    expect(streams.pr_agent.text).toContain('宽带断网');
    expect(streams.brand_manager.text).toContain('event: case.opened');
    expect(streams.brand_manager.text).not.toContain('宽带断网');
    expect(streams.brand_manager.text).not.toContain('assigneeId');
    expect(streams.viewer.text).not.toContain('case.opened');
    for (const s of Object.values(streams)) expect(s.text).toContain('event: alert');
    expect(streams.viewer.text).toContain(': ping');
  });

  it('exports mentions and cases as formula-safe CSV streams', async () => {
    await seedMentions(api.db, { count: 4500, days: 5 });
    await api.db.insert(mentions).values({
      source: 'weibo',
      externalId: 'csv:evil',
      text: '=HYPERLINK("http://x","点我"),"quoted"\nline2',
      authorName: '@boss',
      publishedAt: new Date(),
      analyzedAt: new Date(),
      brands: ['中国联通'],
    });
    const c = await api.as('marketing');
    const res = await c.request('GET', '/api/v1/exports/mentions.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
    const total =
      resultRows<{ n: number }>(await api.db.execute(sql`select count(*)::int as n from mentions`))[0]?.n ??
      -1;
    expect(text.startsWith('\uFEFFid,publishedAt,')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我""),""quoted""\nline2"`);
    expect(text).toContain(",'@boss,");
    const records = text.split('\r\n').filter((l) => l !== '');
    expect(records.length - 1).toBe(total);
    const filtered = await (
      await c.request(
        'GET',
        `/api/v1/exports/mentions.csv?sentiment=pos&brand=${encodeURIComponent('中国联通')}`,
      )
    ).text();
    expect(
      filtered
        .split('\r\n')
        .filter((l) => l)
        .slice(1)
        .every((l) => l.includes(',pos,')),
    ).toBe(true);
    const lead = await api.as('pr_lead');
    const cases = await lead.request('GET', '/api/v1/exports/cases.csv?status=new,closed');
    expect(cases.status).toBe(200);
    expect(
      Buffer.from(await cases.arrayBuffer())
        .toString('utf8')
        .split('\r\n')[0],
    ).toBe(
      '\uFEFFid,status,priority,brand,title,team,assigneeId,risk,categories,region,publishedAt,firstResponseDueAt,firstRespondedAt,breachedAt,resolvedAt',
    );
  });
});
