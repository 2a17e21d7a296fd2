import type { HttpCrawlingContext, RouterHandler } from '@crawlee/http';
import { createSiteRouter, type EngineDeps } from '../engine/http-crawler.ts';
import { appstoreAdapter } from './appstore/adapter.ts';
import { discuzAdapter } from './discuz/adapter.ts';
import { heimaoAdapter } from './heimao/adapter.ts';
import { rssAdapter } from './rss/adapter.ts';
import { tiebaAdapter } from './tieba/adapter.ts';
import { weiboAdapter } from './weibo/adapter.ts';
import { zhihuAdapter } from './zhihu/adapter.ts';

/** What a site router needs: the run, its accounts and the retry policy (the adapter is the site's). */
export type RouterDeps = Omit<EngineDeps, 'adapter'>;
type SiteRouter = RouterHandler<HttpCrawlingContext>;

/** m.weibo.cn router: WEIBO_SEARCH, WEIBO_LONGTEXT, WEIBO_COMMENTS. */
export const createWeiboRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: weiboAdapter });
/** Tieba router: TIEBA_SEARCH, TIEBA_BOARD, TIEBA_THREAD, TIEBA_LZL. */
export const createTiebaRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: tiebaAdapter });
/** Zhihu router: ZHIHU_SEARCH, ZHIHU_COMMENTS. */
export const createZhihuRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: zhihuAdapter });
/** Discuz! router: DISCUZ_BOARD, DISCUZ_SEARCH, DISCUZ_THREAD. */
export const createDiscuzRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: discuzAdapter });
/** Heimao router: HEIMAO_LIST, HEIMAO_DETAIL. */
export const createHeimaoRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: heimaoAdapter });
/** App Store router: APPSTORE_REVIEWS. */
export const createAppstoreRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: appstoreAdapter });
/** RSS/Atom router: RSS_FEED. */
export const createRssRouter = (deps: RouterDeps): SiteRouter =>
  createSiteRouter({ ...deps, adapter: rssAdapter });
