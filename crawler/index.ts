/**
 * crawler/: source adapters on Crawlee and local replicas of every site. Emits NormalizedMention.
 */
export type { Engagement, MentionAuthor, NormalizedMention } from './types.ts';
export {
  crawlSource,
  type CrawlProgress,
  type CrawlResult,
  type CrawlSourceOptions,
} from './engine/crawl-source.ts';
export {
  type CrawlStateStore,
  dbCrawlState,
  type MemoryCrawlState,
  memoryCrawlState,
} from './engine/state-store.ts';
export { targetFromKey, targetsOf } from './engine/targets.ts';
export type {
  BlockSignal,
  CrawlRequest,
  CrawlTarget,
  FetchedPage,
  HandlerCall,
  ListEntry,
  MentionSink,
  PageHandler,
  SiteAdapter,
} from './engine/types.ts';
export { createSiteRouter } from './engine/http-crawler.ts';
export {
  type HostRateLimiter,
  memoryHostRateLimiter,
  processHostRateLimiter,
  rateKey,
  redisHostRateLimiter,
} from './net/host-rate-limit.ts';
export { assertSafeSourceUrl, assertSafeUrl, isPrivateAddress, isPrivateHost } from './net/ssrf.ts';
export { decodeBody } from './net/decode.ts';
export { parseCount } from './text/counts.ts';
export { parseSiteDate } from './text/dates.ts';
export { htmlToText } from './text/html-text.ts';
export { parseRegion } from './text/region.ts';
export { adapterFor } from './sites/registry.ts';
export { weiboAdapter } from './sites/weibo/adapter.ts';
export { weiboBrowserAdapter } from './sites/weibo/browser.ts';
export {
  createAppstoreRouter,
  createDiscuzRouter,
  createHeimaoRouter,
  createRssRouter,
  createTiebaRouter,
  createWeiboRouter,
  createZhihuRouter,
  type RouterDeps,
} from './sites/routers.ts';
export { type ScheduleCrawlsOptions, type ScheduleResult, scheduleCrawls } from './schedule/scheduler.ts';
export { type CrawlJobResult, type CrawlWorkerOptions, startCrawlWorker } from './schedule/worker.ts';
export { type BackfillOptions, runBackfill } from './schedule/backfill.ts';
export { storeSink } from './sinks.ts';
export * from './replicas/index.ts';
export {
  CRAWL_QUEUE,
  type CrawlJobData,
  type CrawlScheduler,
  type CrawlSchedulerOptions,
  schedulerId,
  startCrawlScheduler,
} from './schedule/crawl-scheduler.ts';
