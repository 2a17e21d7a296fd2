import {
  type Configuration,
  type PlaywrightCrawler,
  type PlaywrightCrawlingContext,
  ProxyConfiguration,
  type RequestQueue,
  Router,
  type RouterHandler,
} from '@crawlee/playwright';
import { chromium } from 'playwright';
import { TransientError } from '../../core/index.ts';
import { isPrivateHost } from '../net/ssrf.ts';
import { type EngineUserData, handleFetchedPage } from './handle.ts';
import {
  awaitSiteSlot,
  checkBeforeSend,
  type EngineDeps,
  failureHooks,
  sessionPoolOptions,
  skipped,
} from './http-crawler.ts';
import type { FetchedPage } from './types.ts';
import { WarmPagePlaywrightCrawler } from './warm-pages.ts';

/** Chromium flags for a headless crawler on a server (Debian's /usr/bin/chromium; never downloaded). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium 156 still asks Google's update service for an on-demand component at start-up, even with
  // --disable-component-update; pointing the updater at a closed loopback port keeps it off the network.
  '--component-updater=url-source=http://127.0.0.1:9/',
  // Images are never needed; not loading them is cheaper than intercepting each request.
  '--blink-settings=imagesEnabled=false',
];

/** Resource types a crawler never needs (faster pages, less traffic). */
const SKIPPED_RESOURCES = new Set(['image', 'media', 'font', 'stylesheet']);

/** Tabs that already filter their requests (tabs are reused, and a second route would stack). */
const ROUTED = new WeakSet<object>();

async function renderedPage(deps: EngineDeps, ctx: PlaywrightCrawlingContext): Promise<FetchedPage> {
  const { page, request, response } = ctx;
  const ready = deps.adapter.browserReady ?? 'body';
  // A block page never shows the ready marker: parse whatever rendered and let block detection decide.
  await page
    .waitForSelector(ready, { timeout: deps.policy.requestTimeoutSecs * 1000, state: 'attached' })
    .catch(() => {});
  const html = await page.content();
  const max = deps.run.source.maxBodyBytes;
  const truncated = Buffer.byteLength(html, 'utf8') > max;
  request.userData.__truncated = truncated;
  const text = truncated ? Buffer.from(html, 'utf8').subarray(0, max).toString('utf8') : html;
  return {
    url: request.url,
    loadedUrl: page.url(),
    status: response?.status() ?? 0,
    contentType: 'text/html; charset=utf-8',
    text,
    charset: 'utf-8',
    truncated,
  };
}

/** Router for browser-rendered pages: the same labelled adapter handlers, fed the rendered DOM. */
export function createBrowserRouter(deps: EngineDeps): RouterHandler<PlaywrightCrawlingContext> {
  const router = Router.create<PlaywrightCrawlingContext>();
  for (const label of Object.keys(deps.adapter.handlers)) {
    router.addHandler(label, async (ctx) => {
      const userData = ctx.request.userData as EngineUserData;
      const until = new Date(deps.run.now().getTime() + deps.policy.blockBackoffMs);
      await handleFetchedPage(deps.run, deps.adapter, label, await renderedPage(deps, ctx), userData, until);
      deps.run.done(userData.__target, true, userData.__list === true);
    });
  }
  router.addDefaultHandler(async ({ request }) => {
    throw new TransientError(`no handler for ${request.label ?? 'unlabelled'} request ${request.url}`);
  });
  return router;
}

/** The PlaywrightCrawler of one run, for sources whose pages are rendered client-side. */
export function createBrowserCrawler(
  deps: EngineDeps,
  queue: RequestQueue,
  config: Configuration,
  chromiumPath: string,
  egressProxyUrl?: string,
): PlaywrightCrawler {
  const { run, policy, adapter } = deps;
  const { source } = run;
  return new WarmPagePlaywrightCrawler(
    {
      requestQueue: queue,
      requestHandler: createBrowserRouter(deps),
      launchContext: {
        launcher: chromium,
        launchOptions: { executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS },
      },
      browserPoolOptions: { useFingerprints: false },
      headless: true,
      minConcurrency: source.maxConcurrency,
      maxConcurrency: source.maxConcurrency,
      maxRequestsPerMinute: source.maxRequestsPerMinute,
      maxRequestRetries: policy.maxRequestRetries,
      navigationTimeoutSecs: policy.requestTimeoutSecs,
      requestHandlerTimeoutSecs: Math.max(60, policy.requestTimeoutSecs * 2),
      useSessionPool: true,
      persistCookiesPerSession: true,
      sessionPoolOptions: sessionPoolOptions(deps),
      ...(source.proxyUrls.length || egressProxyUrl
        ? {
            proxyConfiguration: new ProxyConfiguration({
              // The egress proxy chains to the source's own proxies itself.
              proxyUrls: egressProxyUrl ? [egressProxyUrl] : source.proxyUrls,
            }),
          }
        : {}),
      respectRobotsTxtFile: source.respectRobotsTxt,
      onSkippedRequest: async ({ url, reason }) => skipped(run, url, reason),
      statusMessageLoggingInterval: 3600,
      preNavigationHooks: [
        async ({ page, session, request }, gotoOptions) => {
          checkBeforeSend(deps, session);
          await awaitSiteSlot(deps, request.url);
          if (gotoOptions) gotoOptions.waitUntil = 'domcontentloaded';
          await page.setExtraHTTPHeaders({ ...adapter.headers?.(source), ...request.headers });
          // Intercepting every request costs a round trip through this process per request; a local
          // replica needs no SSRF check, so it only loses the media, font and stylesheet filter.
          if (source.replica || ROUTED.has(page)) return;
          ROUTED.add(page);
          // Refuse hosts that resolve to private addresses before Chromium sends anything (once per
          // page and host). Playwright does not route redirect hops: without a proxy of the source's
          // own, the egress proxy (net/egress-proxy.ts) checks those; with one, they go unchecked.
          const verdicts = new Map<string, Promise<boolean>>();
          await page.route('**/*', async (route) => {
            const req = route.request();
            if (SKIPPED_RESOURCES.has(req.resourceType())) return route.abort();
            const url = new URL(req.url());
            if (verdicts.size > 256) verdicts.clear();
            let verdict = verdicts.get(url.hostname);
            if (!verdict) {
              verdict = isPrivateHost(url, deps.resolveHost);
              verdicts.set(url.hostname, verdict);
            }
            return (await verdict) ? route.abort('blockedbyclient') : route.continue();
          });
        },
      ],
      ...failureHooks(deps),
    },
    config,
  );
}
