import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';
import { insertMention, seedMentions } from './seed.ts';

describe('mention explorer', () => {
  let env: DashboardEnv;
  let target: number;
  beforeAll(async () => {
    env = await startDashboardEnv();
    await seedMentions(env.db, { count: 1500, days: 20 });
    target = await insertMention(env.db, {
      text: '联通宽带今天终于修好了，师傅态度很好',
      sentiment: 'neg',
      keywords: ['宽带', '修好'],
      explain: [{ kind: 'token', text: '修好', weight: 0.9 }],
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('searches with filters kept in the URL, opens a mention and corrects its sentiment', async () => {
    const page = await env.page('brand_manager');
    await page.goto(`${env.url}/explorer`);
    await page.waitForSelector('[data-testid=results] [data-testid=mention-card]');
    await page.fill('[data-testid=explorer-filters] input[name=q]', '宽带');
    await page.selectOption('[data-testid=explorer-filters] select[name=sentiment]', 'neg');
    await page.click('[data-testid=explorer-filters] button[type=submit]');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === '宽带');
    await page.waitForSelector(`[data-mention-id="${target}"]`);
    const texts = await page.$$eval('[data-testid=results] [data-testid=mention-card] .mention-text', (ps) =>
      ps.map((p) => p.textContent ?? ''),
    );
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.every((t) => t.includes('宽带') || t.includes('断网') || t.includes('光猫'))).toBe(true);

    await page.click(`[data-mention-id="${target}"] button:has-text("打开")`);
    await page.waitForSelector('[data-testid=correction-form]');
    await page.selectOption('[data-testid=correction-form] select[name=sentiment]', 'pos');
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/mentions/${target}/corrections`));
    await page.click('[data-testid=correction-form] button[type=submit]');
    expect((await saved).status()).toBe(201);
    await page.waitForSelector('[data-testid=correction-saved]');
    await page.waitForSelector('[data-testid=mention-drawer] .badge-corrected');
    await screenshot(page, 'explorer', false);
    await page.context().close();
  });

  it('exports the filtered mentions as CSV', async () => {
    const page = await env.page('brand_manager');
    await page.goto(`${env.url}/explorer?source=weibo`);
    await page.waitForSelector('[data-testid=results] [data-testid=mention-card]');
    expect(await page.getAttribute('[data-testid=export-csv]', 'href')).toContain('source=weibo');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export-csv]');
    const path = await (await download).path();
    const csv = readFileSync(path, 'utf8');
    const lines = csv.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.slice(1).every((l) => l.includes('weibo'))).toBe(true);
    await page.context().close();
  });

  it('a search the API refuses shows its error alone, not the previous results', async () => {
    const page = await env.page('brand_manager');
    await page.goto(`${env.url}/explorer`);
    await page.waitForSelector('[data-testid=results] [data-testid=mention-card]');
    // Reversed dates, set in the page (no reload): the API answers 400.
    await page.fill('[data-testid=explorer-filters] input[name=from]', '2026-02-01');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('from') === '2026-02-01');
    await page.waitForSelector('[data-testid=results] [data-testid=mention-card]');
    await page.fill('[data-testid=explorer-filters] input[name=to]', '2026-01-01');
    await page.waitForSelector('[role=alert]');
    expect(await page.$$('[data-testid=results] [data-testid=mention-card]')).toHaveLength(0);
    await page.context().close();
  });

  it('shows a read-only viewer no correction form', async () => {
    const page = await env.page('pr_lead');
    await page.goto(`${env.url}/explorer?m=${target}`);
    await page.waitForSelector('[data-testid=mention-drawer] [data-testid=mention-text]');
    // pr_lead may correct too (mentions.correct); a marketing user cannot open the explorer at all.
    expect(await page.$('[data-testid=correction-form]')).not.toBeNull();
    const other = await env.page('marketing');
    await other.goto(`${env.url}/explorer`);
    await other.waitForSelector('[data-testid=forbidden]');
    await page.context().close();
    await other.context().close();
  });
});
