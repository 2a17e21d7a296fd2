import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';

/** A crawled post as the crawler hands it to the pipeline. */
function crawled(externalId: string, text: string) {
  return {
    source: 'weibo',
    externalId,
    sourceId: 'weibo-main',
    url: `https://m.weibo.cn/status/${externalId}`,
    author: { id: 'angry-1', name: '气愤的网友', followers: 52_000, verified: false },
    text,
    publishedAt: new Date().toISOString(),
    region: '广东',
    engagement: { reposts: 300, comments: 120, likes: 900 },
  };
}

describe('PR triage inbox: the full flow', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv({ pipeline: true });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('a negative mention arrives live, is claimed, answered from a template and resolved', async () => {
    const page = await env.page('pr_agent');
    await page.goto(`${env.url}/inbox`);
    await page.waitForSelector('[data-testid=live-indicator][data-connected=true]');
    await page.waitForSelector('[data-testid=sla-bar]');
    expect(await page.$$('[data-testid=case-row]')).toHaveLength(0);

    // The crawler delivers a post; ingest → analyze → route open a case; the inbox hears it over SSE.
    const pipeline = env.pipeline;
    if (!pipeline) throw new Error('pipeline not started');
    await pipeline.queues.enqueueMentions([
      crawled(
        'triage-1',
        '中国联通宽带又断网了，三天都没修好，客服态度极差，电话打了十几次没人管，太垃圾了！',
      ),
    ]);
    await page.waitForSelector('[data-testid=case-row]', { timeout: 45_000 });
    await page.waitForSelector('[data-testid=toast]');
    // The toast names the case by its title (from the list), not by its number.
    const title = (await page.locator('[data-testid=case-row]').first().getAttribute('data-title')) ?? '';
    expect(title).not.toBe('');
    await expect.poll(() => page.textContent('[data-testid=toast]')).toContain(title);
    const row = page.locator('[data-testid=case-row]').first();
    expect(await row.locator('[data-testid=countdown]').getAttribute('data-urgency')).toBe('ok');
    const slaBefore = await page.getAttribute('[data-testid=sla-met]', 'data-value');

    // j selects the first case; c claims it.
    await page.keyboard.press('j');
    await page.waitForSelector('[data-testid=case-detail]');
    expect(await page.textContent('[data-testid=case-detail] [data-testid=mention-text]')).toContain('断网');
    await page.keyboard.press('c');
    await page.waitForSelector('[data-testid=case-detail][data-status=in_progress]');

    // r focuses the response; pick a template, edit it, record it.
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('response');
    const template = await page.$eval(
      '[data-testid=composer] select[name=template] option:nth-child(2)',
      (o) => o.getAttribute('value'),
    );
    await page.selectOption('[data-testid=composer] select[name=template]', template ?? '');
    const filled = await page.inputValue('[data-testid=composer] textarea');
    expect(filled.length).toBeGreaterThan(20);
    await page.fill('[data-testid=composer] textarea', `${filled} 已安排工程师今天上门。`);
    await page.click('[data-testid=composer] button[type=submit]');
    await page.waitForSelector('[data-testid=case-detail][data-status=responded]');

    // e resolves (focus is no longer in the text box after submitting).
    await page.click('[data-testid=case-detail] h3');
    await page.keyboard.press('e');
    await page.waitForSelector('[data-testid=case-detail][data-status=resolved]');
    // The composer stays visible but says why it is disabled.
    expect(await page.textContent('[data-testid=composer-closed]')).toContain('重新打开后才能记录回应');
    expect(await page.isDisabled('[data-testid=composer] textarea')).toBe(true);

    const steps = await page.$$eval('[data-testid=timeline] li', (lis) =>
      lis.map((li) => li.getAttribute('data-event-type')),
    );
    expect(steps[0]).toBe('opened');
    expect(steps).toEqual(expect.arrayContaining(['opened', 'assign', 'response', 'status']));
    expect(await page.textContent('[data-testid=timeline]')).toContain('已安排工程师今天上门');

    // SLA figures follow: the case was answered within 24 hours.
    await page.waitForFunction(
      (before) => {
        const v = document.querySelector('[data-testid=sla-met]')?.getAttribute('data-value');
        return v !== before && v === '1';
      },
      slaBefore,
      { timeout: 10_000 },
    );
    await screenshot(page, 'inbox-flow');
    await page.context().close();
  });

  it('is usable on a phone: list first, then the case with a way back', async () => {
    await env.pipeline?.queues.enqueueMentions([
      crawled('triage-2', '联通的信号太差了，地铁里完全没网，5G套餐白交钱，强烈要求退费！'),
    ]);
    const page = await env.page('pr_lead', { width: 390, height: 844 });
    await page.goto(`${env.url}/inbox`);
    await page.waitForSelector('[data-testid=case-row]', { timeout: 45_000 });
    expect(await page.isVisible('[data-testid=case-list]')).toBe(true);
    await page.click('[data-testid=case-row] .case-row-main');
    await page.waitForSelector('[data-testid=case-detail]');
    expect(await page.isVisible('[data-testid=case-list]')).toBe(false);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'inbox-phone');
    await page.context().close();
  });
});
