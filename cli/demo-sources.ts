import { type SourceConfig, type SourceKind, sourceSchema } from '../core/index.ts';
import { APP_IDS, DISCUZ_FORUMS, RSS_FEEDS } from '../crawler/index.ts';

/** Keyword queries for the demo: our brand, its hotline, and the competitors. */
const DEMO_QUERIES = ['联通', '10010', '移动', '电信', '广电'];

/**
 * One source per site, pointing at the local replicas (`replica: true` lets loopback through the
 * SSRF guard). Crawled every `intervalSeconds`, fast enough to show new posts within seconds.
 */
export function demoSources(baseUrls: Record<SourceKind, string>, intervalSeconds = 15): SourceConfig[] {
  const common = {
    replica: true,
    intervalSeconds,
    maxPagesPerRun: 5,
    maxRequestsPerMinute: 600,
    maxConcurrency: 4,
  };
  const raw = [
    { id: 'demo-weibo', kind: 'weibo', baseUrl: baseUrls.weibo, queries: DEMO_QUERIES },
    { id: 'demo-tieba', kind: 'tieba', baseUrl: baseUrls.tieba, queries: DEMO_QUERIES },
    { id: 'demo-zhihu', kind: 'zhihu', baseUrl: baseUrls.zhihu, queries: DEMO_QUERIES },
    {
      id: 'demo-discuz',
      kind: 'discuz',
      baseUrl: baseUrls.discuz,
      boards: Object.keys(DISCUZ_FORUMS),
      queries: [],
    },
    {
      id: 'demo-heimao',
      kind: 'heimao',
      baseUrl: baseUrls.heimao,
      queries: DEMO_QUERIES,
      // Keyword search needs a signed-in Sina cookie, as on the real site; the replica takes any.
      accounts: [{ id: 'demo-visitor', cookies: 'SUB=_2AkMdemo' }],
    },
    { id: 'demo-appstore', kind: 'appstore', baseUrl: baseUrls.appstore, appIds: Object.values(APP_IDS) },
    // Feed targets are paths below the base URL: the replica serves /rss/<feed>.xml.
    { id: 'demo-rss', kind: 'rss', baseUrl: baseUrls.rss, feeds: RSS_FEEDS.map((f) => `${f}.xml`) },
  ];
  return raw.map((s) => sourceSchema.parse({ ...common, ...s }));
}
