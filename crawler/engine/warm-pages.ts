import {
  type Configuration,
  PlaywrightCrawler,
  type PlaywrightCrawlerOptions,
  type PlaywrightCrawlingContext,
} from '@crawlee/playwright';
import type { Page } from 'playwright';

/**
 * A PlaywrightCrawler that parks the tab of a request that finished cleanly and hands it to the next
 * request, instead of closing it and opening a new one.
 *
 * Why: each new tab costs Chromium a renderer process, and on a small server that is most of a
 * page's CPU (measured: the same crawl of the s.weibo replica went from 3.6 to over 4 pages/s on two
 * cores). A tab whose request failed, timed out or was blocked is closed as before, so a bad page
 * never serves the next request, and a parked tab is only reused in a browser that is still active
 * (not retired with its session) and has the same proxy.
 */
export class WarmPagePlaywrightCrawler extends PlaywrightCrawler {
  private readonly warm: Page[] = [];
  /** Requests whose handler returned (set only after it did: a timed-out handler is never here). */
  private readonly clean = new WeakSet<PlaywrightCrawlingContext>();
  /** Tabs kept open between requests: one per concurrent request is enough. */
  private readonly maxWarm: number;

  constructor(options: PlaywrightCrawlerOptions, config?: Configuration) {
    super(options, config);
    this.maxWarm = Math.max(1, options.maxConcurrency ?? 1);
    const pool = this.browserPool;
    const open = pool.newPage.bind(pool);
    pool.newPage = async (opts) => this.takeWarm(opts?.proxyUrl) ?? open(opts);
  }

  /** A parked tab that may serve a request through `proxyUrl`; closes parked tabs of retired browsers. */
  private takeWarm(proxyUrl: string | undefined): Page | undefined {
    let found: Page | undefined;
    for (let i = this.warm.length - 1; i >= 0; i--) {
      const page = this.warm[i] as Page;
      const controller = this.browserPool.getBrowserControllerByPage(page);
      const usable =
        !page.isClosed() && controller && !this.browserPool.retiredBrowserControllers.has(controller);
      if (!usable) {
        this.warm.splice(i, 1);
        void page.close().catch(() => {});
      } else if (!found && controller.proxyUrl === proxyUrl) {
        this.warm.splice(i, 1);
        found = page;
      }
    }
    return found;
  }

  protected override async _runRequestHandler(ctx: PlaywrightCrawlingContext): Promise<void> {
    await super._runRequestHandler(ctx);
    this.clean.add(ctx);
  }

  protected override async _cleanupContext(ctx: PlaywrightCrawlingContext): Promise<void> {
    const { page } = ctx;
    const controller = page ? this.browserPool.getBrowserControllerByPage(page) : undefined;
    const reusable =
      page &&
      !page.isClosed() &&
      this.clean.has(ctx) &&
      controller &&
      !this.browserPool.retiredBrowserControllers.has(controller) &&
      this.warm.length < this.maxWarm;
    if (reusable) {
      this.warm.push(page);
      return;
    }
    await super._cleanupContext(ctx);
  }
}
