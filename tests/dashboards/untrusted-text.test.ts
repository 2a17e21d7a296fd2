import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardEnv, screenshot, startDashboardEnv } from './harness.ts';
import { insertMention } from './seed.ts';

const HOSTILE =
  '<script>window.__pwned=1</script>联通宽带<img src=x onerror="window.__pwned=2">断网<b>三天</b>';

describe('crawled text is untrusted', () => {
  let env: DashboardEnv;
  let id: number;
  beforeAll(async () => {
    env = await startDashboardEnv();
    id = await insertMention(env.db, {
      text: HOSTILE,
      url: 'javascript:window.__pwned=3',
      explain: [
        { kind: 'token', text: '断网', weight: -1.3 },
        { kind: 'token', text: '<script>', weight: -0.2 },
      ],
    });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('renders <script> and <img onerror> as inert text, in lists and with highlighting', async () => {
    const page = await env.page('brand_manager');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${env.url}/explorer?m=${id}`);
    await page.waitForSelector('[data-testid=mention-drawer] [data-testid=mention-text]');
    // The text shows exactly as written, and no element came out of it.
    expect(await page.textContent('[data-testid=mention-drawer] [data-testid=mention-text]')).toBe(HOSTILE);
    expect(await page.textContent('[data-testid=results] [data-testid=mention-card]')).toContain(HOSTILE);
    expect(await page.$$eval('main img, main script:not([src])', (els) => els.length)).toBe(0);
    expect(
      await page.$eval(
        '[data-testid=mention-drawer] [data-testid=mention-text]',
        (p) => p.querySelectorAll('b').length,
      ),
    ).toBe(0);
    // The explanation token is highlighted by splitting text, not by markup from the data.
    expect(await page.textContent('[data-testid=mention-drawer] mark.hl-neg')).toBeTruthy();
    // A javascript: URL never becomes a link.
    expect(await page.$$eval('a[href^="javascript"]', (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await screenshot(page, 'explorer-untrusted-text');
    await page.context().close();
  });
});
