import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasInk, type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';
import { insertMention, seedMentions } from './seed.ts';

const CHARTS = [
  'chart-volume',
  'chart-sov',
  'chart-categories',
  'chart-category-trend',
  'chart-sources',
  'chart-map',
  'chart-wordcloud',
];

describe('brand overview', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv();
    await seedMentions(env.db, { count: 3000, days: 30 });
    await insertMention(env.db, {
      text: '联通宽带断网三天了，报修没人管！',
      authorName: '愤怒的用户',
      likes: 99_999,
      explain: [{ kind: 'token', text: '断网', weight: -1.4 }],
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('draws every chart with data, and the volume chart shows what the API returned', async () => {
    const page = await env.page('brand_manager');
    await page.goto('about:blank'); // leave the landing page, whose requests would answer below
    const apiAnswer = page.waitForResponse((r) => r.url().includes('/api/v1/analytics/overview'));
    await page.goto(`${env.url}/overview?range=30d&brand=all`);
    const body = (await (await apiAnswer).json()) as {
      series: { bucket: string; pos: number; neu: number; neg: number }[];
    };
    for (const id of CHARTS) await page.waitForSelector(`[data-testid=${id}][data-chart] canvas`);
    await page.waitForTimeout(800); // the word cloud lays out asynchronously
    for (const id of CHARTS) {
      expect(await canvasInk(page, `[data-testid=${id}]`), id).toBeGreaterThan(0.005);
    }
    const shown = JSON.parse(
      (await page.getAttribute('[data-testid=chart-volume]', 'data-chart')) ?? '[]',
    ) as {
      t: string;
      pos: number;
      neu: number;
      neg: number;
    }[];
    expect(shown.length).toBeGreaterThan(20);
    expect(shown).toEqual(body.series.map((s) => ({ t: s.bucket, pos: s.pos, neu: s.neu, neg: s.neg })));
    const total = shown.reduce((n, p) => n + p.pos + p.neu + p.neg, 0);
    expect(Number(await page.getAttribute('[data-testid=kpi-mentions]', 'data-value'))).toBe(total);
    await screenshot(page, 'overview');
    await page.context().close();
  });

  it('keeps the filters in the URL, so a shared link opens the same view', async () => {
    const page = await env.page('viewer');
    await page.goto(`${env.url}/overview`);
    await page.waitForSelector('[data-testid=chart-volume][data-chart]');
    await page.selectOption('[data-testid=filters] select[name=range]', '30d');
    await page.selectOption('[data-testid=filters] select[name=source]', 'weibo');
    await page.selectOption('[data-testid=filters] select[name=category]', 'broadband');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      range: '30d',
      source: 'weibo',
      category: 'broadband',
    });
    const other = await env.page('viewer');
    // Leave the landing page after sign-in, so none of its requests answers below.
    await other.goto('about:blank');
    const otherAnswer = other.waitForResponse((r) => r.url().includes('/api/v1/analytics/overview'));
    await other.goto(url.toString());
    const sent = new URL((await otherAnswer).url()).searchParams;
    expect(sent.get('source')).toBe('weibo');
    expect(sent.get('category')).toBe('broadband');
    expect(await other.inputValue('[data-testid=filters] select[name=range]')).toBe('30d');
    // A link naming a brand that is not configured shows that brand, not our own, in the selector.
    await other.goto(`${env.url}/overview?brand=${encodeURIComponent('某某通信')}`);
    await other.waitForSelector('[data-testid=brand-filter] option[value="某某通信"]', { state: 'attached' });
    expect(await other.inputValue('[data-testid=brand-filter]')).toBe('某某通信');
    await page.context().close();
    await other.context().close();
  });

  it('lists the most-engaged negative mention first', async () => {
    const page = await env.page('viewer');
    await page.goto(`${env.url}/overview?brand=all`);
    await page.waitForSelector('[data-testid=top-negative] [data-testid=mention-card]');
    expect(await page.textContent('[data-testid=top-negative] [data-testid=mention-card]')).toContain(
      '愤怒的用户',
    );
    await page.context().close();
  });
});
