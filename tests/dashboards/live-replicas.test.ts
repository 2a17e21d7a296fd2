import type { Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../crawler/index.ts';
import { startTestApp, type TestApp } from '../helpers/app.ts';
import { ensureTestBundle } from './bundle.ts';
import { launchChromium } from './harness.ts';

/**
 * The whole demo chain in a real browser: replica sites → crawl → pipeline → API → inbox over SSE,
 * wired like `npm start`. The crawl is started by the test (the crawler role would start its own at
 * once), so the inbox is seen empty first.
 */
describe('inbox fed by the replicas', () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    const dashboardDir = await ensureTestBundle();
    app = await startTestApp({ roles: ['api', 'worker'], replicas: { seed: 11 }, dashboardDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows cases from a replica crawl live, without a reload, and opens one with its masked text', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.goto(`${app.url}/login`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', app.adminPassword);
    await page.click('button[type=submit]');
    await page.waitForSelector('[data-testid=nav]', { state: 'attached' });
    await page.goto(`${app.url}/inbox`);
    await page.waitForSelector('[data-testid=live-indicator][data-connected=true]');
    expect(await page.$$('[data-testid=case-row]')).toHaveLength(0);

    const source = app.config.sources.find((s) => s.id === 'demo-weibo');
    const queues = app.roles.deps.queues;
    if (!source || !queues) throw new Error('demo sources or queues missing');
    const crawl = await crawlSource({
      source,
      targets: ['联通'],
      state: memoryCrawlState(),
      sink: async (batch) => {
        await queues.enqueueMentions(batch);
      },
    });
    expect(crawl.items).toBeGreaterThan(0);
    await page.waitForSelector('[data-testid=case-row]', { timeout: 60_000 });
    await page.click('[data-testid=case-row] .case-row-main');
    await page.waitForSelector('[data-testid=case-detail]');
    const text = (await page.textContent('[data-testid=case-detail] [data-testid=mention-text]')) ?? '';
    expect(text).toMatch(/联通|10010|沃/);
    expect(text).not.toMatch(/1[3-9]\d{9}/); // phone numbers in crawled posts are masked
    expect(await page.textContent('[data-testid=case-detail]')).toMatch(/P[1-4]/);
    await page.context().close();
  }, 120_000);
});
