import type { SourceConfig } from '../../core/index.ts';
import { ConfigError } from '../../core/index.ts';
import type { SiteAdapter } from '../engine/types.ts';
import { appstoreAdapter } from './appstore/adapter.ts';
import { heimaoAdapter } from './heimao/adapter.ts';
import { rssAdapter } from './rss/adapter.ts';
import { discuzAdapter } from './discuz/adapter.ts';
import { tiebaAdapter } from './tieba/adapter.ts';
import { weiboAdapter } from './weibo/adapter.ts';
import { weiboBrowserAdapter } from './weibo/browser.ts';
import { zhihuAdapter } from './zhihu/adapter.ts';

const HTTP_ADAPTERS: Partial<Record<SourceConfig['kind'], SiteAdapter>> = {
  weibo: weiboAdapter,
  tieba: tiebaAdapter,
  zhihu: zhihuAdapter,
  discuz: discuzAdapter,
  heimao: heimaoAdapter,
  rss: rssAdapter,
  appstore: appstoreAdapter,
};

/** The adapter that crawls a source (the browser variant for `browser: true` where one exists). */
export function adapterFor(source: SourceConfig): SiteAdapter {
  if (source.browser && source.kind === 'weibo') return weiboBrowserAdapter;
  const adapter = HTTP_ADAPTERS[source.kind];
  if (!adapter)
    throw new ConfigError(`no crawler adapter for kind ${source.kind}`, [
      { path: `sources.${source.id}.kind`, message: 'unsupported kind' },
    ]);
  return adapter;
}
