import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCaseMention, insertCase } from '../../store/index.ts';
import { type DashboardEnv, startDashboardEnv } from './harness.ts';
import { insertMention } from './seed.ts';

const OPEN = 230;
const HOUR = 3_600_000;

/** More open cases than one API page: the least urgent must still be reachable from the inbox. */
describe('inbox with more open cases than one page', () => {
  let env: DashboardEnv;
  beforeAll(async () => {
    env = await startDashboardEnv();
    const now = Date.now();
    for (let i = 0; i < OPEN; i++) {
      const due = new Date(now + (i + 1) * HOUR);
      const published = new Date(due.getTime() - 24 * HOUR);
      const mentionId = await insertMention(env.db, { text: `联通宽带第${i}次断网`, publishedAt: published });
      const c = await insertCase(env.db, {
        status: 'new',
        priority: 'P3',
        brand: '中国联通',
        title: `断网投诉 ${i}`,
        primaryMentionId: mentionId,
        risk: 50,
        categories: ['broadband'],
        publishedAt: published,
        detectedAt: published,
        firstResponseDueAt: due,
      });
      if (c) await addCaseMention(env.db, c.id, mentionId, 'opened');
    }
  });
  afterAll(async () => {
    await env?.close();
  });

  it('shows the first 200 by deadline, then loads the rest on request', async () => {
    const page = await env.page('pr_lead');
    await page.goto(`${env.url}/inbox`);
    await page.waitForSelector('[data-testid=inbox-more]');
    expect(await page.locator('[data-testid=case-row]').count()).toBe(200);
    await page.click('[data-testid=inbox-more]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=case-row]').length === n, OPEN);
    expect(await page.$('[data-testid=inbox-more]')).toBeNull();
    const titles = await page.$$eval('[data-testid=case-row] .case-row-main', (els) =>
      els.map((e) => e.textContent ?? ''),
    );
    expect(titles.at(-1)).toContain(`断网投诉 ${OPEN - 1}`);
    await page.context().close();
  });
});
