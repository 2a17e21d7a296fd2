import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Configuration } from '@crawlee/playwright';
import { chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/index.ts';
import { CHROMIUM_ARGS } from '../../crawler/engine/browser-crawler.ts';
import { WarmPagePlaywrightCrawler } from '../../crawler/engine/warm-pages.ts';

/** Pages /ok/N render their number client-side; /fail answers 500 once, then renders. */
function site(): Server {
  let failed = false;
  return createServer((req, res) => {
    const fail = req.url === '/fail' && !failed;
    if (req.url === '/fail') failed = true;
    res.writeHead(fail ? 500 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!DOCTYPE html><html><body><p id="n"></p><script>document.getElementById('n').textContent=${JSON.stringify(req.url)}</script></body></html>`,
    );
  });
}

describe('WarmPagePlaywrightCrawler (real Chromium)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = site();
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
  });

  it('reuses the tab of a clean request, closes the tab of a failed one, and loses no page', async () => {
    const tabs = new Set<Page>();
    const seen: string[] = [];
    const failedTabs: Page[] = [];
    /** Whether the failed request's tab was already closed when a later request ran. */
    const closedLater: boolean[] = [];
    const crawler = new WarmPagePlaywrightCrawler(
      {
        launchContext: {
          launcher: chromium,
          launchOptions: {
            executablePath: loadConfig({ file: {} }).env.CHROMIUM_PATH,
            headless: true,
            args: CHROMIUM_ARGS,
          },
        },
        browserPoolOptions: { useFingerprints: false },
        maxConcurrency: 1,
        maxRequestRetries: 2,
        async requestHandler({ page, request, response }) {
          tabs.add(page);
          const failed = failedTabs[0];
          if (failed && failed !== page) closedLater.push(failed.isClosed());
          if ((response?.status() ?? 0) >= 500) {
            failedTabs.push(page);
            throw new Error(`HTTP ${response?.status()}`);
          }
          seen.push((await page.locator('#n').textContent()) ?? '');
          expect(request.url.endsWith(seen.at(-1) ?? '')).toBe(true);
        },
      },
      new Configuration({ persistStorage: false, purgeOnStart: false }),
    );
    const urls = ['/ok/1', '/ok/2', '/ok/3', '/fail', '/ok/4', '/ok/5'].map((p) => `${base}${p}`);
    const stats = await crawler.run(urls);
    expect(stats.requestsFinished).toBe(6);
    expect(stats.requestsFailed).toBe(0);
    expect(seen.sort()).toEqual(['/fail', '/ok/1', '/ok/2', '/ok/3', '/ok/4', '/ok/5']);
    // One tab served every clean request; the failed request's tab was closed and replaced once.
    expect(failedTabs).toHaveLength(1);
    expect(closedLater.length).toBeGreaterThan(0);
    expect(closedLater.every(Boolean)).toBe(true);
    expect(tabs.size).toBe(2);
    await crawler.teardown();
  }, 60_000);
});
