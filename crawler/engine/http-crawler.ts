import {
  type Configuration,
  HttpCrawler,
  type HttpCrawlingContext,
  ProxyConfiguration,
  type RequestQueue,
  Router,
  type RouterHandler,
  Session,
  type SessionPoolOptions,
} from '@crawlee/http';
import { ForbiddenError, TransientError } from '../../core/index.ts';
import { limitResponseBody } from '../net/body-limit.ts';
import { decodeBody } from '../net/decode.ts';
import { type HostRateLimiter, rateKey } from '../net/host-rate-limit.ts';
import { guardedLookup, type HostResolver, isPrivateLiteralHost } from '../net/ssrf.ts';
import type { AccountRotation } from './accounts.ts';
import { afterGivingUp, beforeRetry, SourceHaltedError } from './failures.ts';
import { type EngineUserData, handleFetchedPage } from './handle.ts';
import type { CrawlRun } from './run.ts';
import type { FetchedPage, SiteAdapter } from './types.ts';

/** Retry, timeout and block settings of the engine. */
export interface EnginePolicy {
  retryBackoffMs: number;
  blockBackoffMs: number;
  maxRequestRetries: number;
  requestTimeoutSecs: number;
}

/** What a crawler for one run needs. */
export interface EngineDeps {
  run: CrawlRun;
  adapter: SiteAdapter;
  accounts: AccountRotation;
  policy: EnginePolicy;
  /** DNS resolver for the browser's SSRF check. Default: the system resolver. */
  resolveHost?: HostResolver;
  /** Spaces requests to one site across runs. */
  hostLimiter: HostRateLimiter;
}

const truncation = new WeakMap<object, () => boolean>();

function pageOf(ctx: HttpCrawlingContext, deps: EngineDeps): FetchedPage {
  const { request, response, body } = ctx;
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'latin1');
  const contentType = String(response.headers['content-type'] ?? '');
  const decoded = decodeBody(bytes, contentType, deps.run.source.encoding);
  const truncated = truncation.get(request)?.() ?? false;
  request.userData.__truncated = truncated;
  return {
    url: request.url,
    loadedUrl: request.loadedUrl ?? request.url,
    status: response.statusCode ?? 0,
    contentType,
    text: decoded.text,
    charset: decoded.charset,
    truncated,
  };
}

/** Run the adapter handler for a label on an HTTP response, then count the page. */
async function handleHttp(deps: EngineDeps, label: string, ctx: HttpCrawlingContext): Promise<void> {
  const { run, adapter, policy } = deps;
  const userData = ctx.request.userData as EngineUserData;
  const until = new Date(run.now().getTime() + policy.blockBackoffMs);
  await handleFetchedPage(run, adapter, label, pageOf(ctx, deps), userData, until);
  run.done(userData.__target, true, userData.__list === true);
}

/**
 * A Crawlee router with one labelled handler per page kind of the adapter (`WEIBO_SEARCH`,
 * `WEIBO_LONGTEXT`, …). Every handler decodes the body (charset, GBK), checks block signals, parses,
 * and quarantines what it cannot parse.
 */
export function createSiteRouter(deps: EngineDeps): RouterHandler<HttpCrawlingContext> {
  const router = Router.create<HttpCrawlingContext>();
  for (const label of Object.keys(deps.adapter.handlers)) {
    router.addHandler(label, (ctx) => handleHttp(deps, label, ctx));
  }
  router.addDefaultHandler(async ({ request }) => {
    throw new TransientError(`no handler for ${request.label ?? 'unlabelled'} request ${request.url}`);
  });
  return router;
}

/** A session per account, carrying its cookies; `accountId` in userData, never the cookie in logs. */
export function sessionPoolOptions(deps: EngineDeps): SessionPoolOptions {
  const origin = new URL('/', deps.run.source.baseUrl).href;
  return {
    maxPoolSize: Math.max(1, deps.accounts.accounts.length),
    blockedStatusCodes: [],
    createSessionFunction: (pool) => {
      const account = deps.accounts.pick(deps.run.now());
      const session = new Session({
        sessionPool: pool,
        userData: { accountId: account?.id ?? '' },
        maxErrorScore: 5,
        maxUsageCount: 1_000_000,
      });
      for (const cookie of account?.cookies ?? []) session.setCookie(cookie, origin);
      return session;
    },
  };
}

/** Refuse to send a request for a halted source or a benched account. */
/** Wait for the site's next request slot (shared with other runs on the same site). */
export async function awaitSiteSlot(deps: EngineDeps, url: string): Promise<void> {
  const { source } = deps.run;
  await deps.hostLimiter.acquire(rateKey(source, url), source.maxRequestsPerMinute);
}

export function checkBeforeSend(deps: EngineDeps, session: Session | undefined): void {
  const { run, accounts } = deps;
  if (run.blocked)
    throw new SourceHaltedError(
      `source ${run.source.id} is blocked until ${run.blocked.until.toISOString()}`,
    );
  const accountId = typeof session?.userData.accountId === 'string' ? session.userData.accountId : '';
  if (!accountId || accounts.isBlocked(accountId, run.now())) {
    session?.retire();
    throw new TransientError('session account is blocked; rotating');
  }
  run.usedAccounts.add(accountId);
}

function preNavigation(deps: EngineDeps) {
  const { source } = deps.run;
  return async (ctx: HttpCrawlingContext, options: object): Promise<void> => {
    const gotOptions = options as Record<string, unknown>;
    checkBeforeSend(deps, ctx.session);
    await awaitSiteSlot(deps, ctx.request.url);
    gotOptions.headers = { ...deps.adapter.headers?.(source), ...ctx.request.headers };
    gotOptions.followRedirect = true;
    gotOptions.maxRedirects = 5;
    if (!source.replica) {
      gotOptions.dnsLookup = guardedLookup;
      gotOptions.hooks = {
        beforeRedirect: [
          (opts: { url?: URL | string }) => {
            const target = opts.url instanceof URL ? opts.url : new URL(String(opts.url));
            if (isPrivateLiteralHost(target)) throw new ForbiddenError(`refusing redirect to ${target.host}`);
          },
        ],
      };
    }
  };
}

function postNavigation(deps: EngineDeps) {
  return async (ctx: HttpCrawlingContext): Promise<void> => {
    const limited = limitResponseBody(ctx.response, deps.run.source.maxBodyBytes);
    truncation.set(ctx.request, limited.truncated);
    ctx.response = limited.response;
  };
}

/** The HttpCrawler of one run: per-source limits, sessions per account, proxies, robots.txt, retries. */
export function createHttpCrawler(
  deps: EngineDeps,
  queue: RequestQueue,
  config: Configuration,
): HttpCrawler<HttpCrawlingContext> {
  const { run, policy } = deps;
  const { source } = run;
  return new HttpCrawler<HttpCrawlingContext>(
    {
      requestQueue: queue,
      requestHandler: createSiteRouter(deps),
      minConcurrency: source.maxConcurrency,
      maxConcurrency: source.maxConcurrency,
      maxRequestsPerMinute: source.maxRequestsPerMinute,
      maxRequestRetries: policy.maxRequestRetries,
      navigationTimeoutSecs: policy.requestTimeoutSecs,
      requestHandlerTimeoutSecs: Math.max(60, policy.requestTimeoutSecs * 2),
      additionalMimeTypes: ['*/*'],
      // Keep the raw bytes: the engine decodes (charset override, GBK mislabelled as UTF-8).
      forceResponseEncoding: 'latin1',
      useSessionPool: true,
      persistCookiesPerSession: true,
      sessionPoolOptions: sessionPoolOptions(deps),
      ...(source.proxyUrls.length
        ? { proxyConfiguration: new ProxyConfiguration({ proxyUrls: source.proxyUrls }) }
        : {}),
      respectRobotsTxtFile: source.respectRobotsTxt,
      onSkippedRequest: async ({ url, reason }) => skipped(run, url, reason),
      preNavigationHooks: [preNavigation(deps)],
      postNavigationHooks: [postNavigation(deps)],
      statusMessageLoggingInterval: 3600,
      ...failureHooks(deps),
    },
    config,
  );
}

/** The request fields the failure hooks read. */
interface HookRequest {
  url: string;
  label?: string | undefined;
  userData: Record<string, unknown>;
  retryCount: number;
  noRetry: boolean;
}

/** Crawlee's errorHandler (before a retry) and failedRequestHandler (gave up), for either crawler. */
export function failureHooks(deps: EngineDeps) {
  const { run, accounts, policy, adapter } = deps;
  const view = (r: HookRequest) => ({
    url: r.url,
    label: r.label,
    userData: r.userData,
    retryCount: r.retryCount,
    noRetry: r.noRetry,
  });
  return {
    errorHandler: async (
      { request, session }: { request: HookRequest; session?: Session | undefined },
      err: Error,
    ) => {
      const setNoRetry = () => {
        request.noRetry = true;
      };
      await beforeRetry(run, accounts, policy, { ...view(request), setNoRetry }, session, err);
    },
    failedRequestHandler: async (
      { request, session }: { request: HookRequest; session?: Session | undefined },
      err: Error,
    ) => {
      await afterGivingUp(run, adapter, accounts, view(request), session, err);
    },
  };
}

/** A request skipped by robots.txt (or a crawler limit): recorded, and it finishes its target's work. */
export function skipped(run: CrawlRun, url: string, reason: string): void {
  run.skipped.push({ url, reason });
  run.logger.info({ source: run.source.id, url, reason }, 'crawl request skipped');
  const key = run.urlTargets.get(url);
  if (key) run.done(key, false);
}
