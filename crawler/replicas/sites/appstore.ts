import express, { type Request, type Response } from 'express';
import { isoWithOffset } from '../format/dates.ts';
import { escapeXml } from '../format/html.ts';
import { APP_IDS } from '../generator/site-items-other.ts';
import { absolute, send } from '../http.ts';
import type { SiteContext, SiteModule } from '../site-kit.ts';
import type { ContentItem } from '../types.ts';
import { pageOf } from './search.ts';

const PER_PAGE = 50;
const MAX_PAGE = 10;
/** Apple's feed times are US Pacific (daylight time offset, as in most fixtures). */
const OFFSET = -7;

const APP_META: Record<string, { name: string; artist: string; bundle: string }> = {
  '900100001': {
    name: '中国联通',
    artist: 'China United Network Communications Group Co.,Ltd.',
    bundle: 'com.example.unicom',
  },
  '900100002': {
    name: '中国移动',
    artist: 'China Mobile Communications Group Co.,Ltd.',
    bundle: 'com.example.cmcc',
  },
  '900100003': { name: '中国电信', artist: 'China Telecom Corporation Limited', bundle: 'com.example.ctcc' },
  '900100004': { name: '中国广电', artist: 'China Broadnet Co.,Ltd.', bundle: 'com.example.cbn' },
};

interface FeedRequest {
  cc: string;
  page: number;
  appId: string;
  sort: 'mostrecent' | 'mosthelpful';
  format: 'json' | 'xml';
}

/** Parse `page=1/id=123/sortby=mostrecent/json` (any order, case-insensitive keys, page optional). */
function parseFeedPath(cc: string, rest: string): FeedRequest | null {
  const parts = rest.split('/').filter(Boolean);
  const format = parts.at(-1)?.toLowerCase();
  if (format !== 'json' && format !== 'xml') return null;
  const kv = new Map(
    parts.slice(0, -1).map((p) => [p.split('=')[0]?.toLowerCase() ?? '', p.split('=')[1] ?? ''] as const),
  );
  const appId = kv.get('id') ?? '';
  if (!/^\d+$/.test(appId)) return null;
  return {
    cc: cc.toLowerCase(),
    page: Number.parseInt(kv.get('page') ?? '1', 10) || 1,
    appId,
    sort: (kv.get('sortby') ?? 'mostrecent').toLowerCase() === 'mosthelpful' ? 'mosthelpful' : 'mostrecent',
    format,
  };
}

function label(value: string) {
  return { label: value };
}

function metaEntry(appId: string) {
  const m = APP_META[appId] ?? { name: 'App', artist: 'Unknown', bundle: 'com.example.app' };
  return {
    'im:name': label(m.name),
    rights: label(`© ${m.artist}`),
    'im:price': { label: '获取', attributes: { amount: '0.00', currency: 'CNY' } },
    'im:artist': { label: m.artist, attributes: { href: `https://apps.apple.com/cn/developer/id${appId}0` } },
    title: label(`${m.name} - ${m.artist}`),
    link: {
      attributes: { rel: 'alternate', type: 'text/html', href: `https://apps.apple.com/cn/app/id${appId}` },
    },
    id: {
      label: `https://apps.apple.com/cn/app/id${appId}`,
      attributes: { 'im:id': appId, 'im:bundleId': m.bundle },
    },
    'im:contentType': { attributes: { term: 'Application', label: '应用程序' } },
    category: {
      attributes: {
        'im:id': '6000',
        term: 'Business',
        scheme: 'https://apps.apple.com/cn/genre/id6000',
        label: '商务',
      },
    },
    'im:releaseDate': { label: '2012-01-05T00:00:00-07:00', attributes: { label: '2012年1月5日' } },
  };
}

function reviewEntry(r: ContentItem) {
  return {
    author: {
      uri: label(`https://itunes.apple.com/cn/reviews/id${r.author.id}`),
      name: label(r.author.name),
      label: '',
    },
    updated: label(isoWithOffset(r.publishedAt, OFFSET)),
    'im:rating': label(String(r.extra.rating ?? 3)),
    'im:version': label(r.extra.appVersion ?? '11.0.0'),
    id: label(r.id),
    title: label(r.title),
    content: { label: r.text, attributes: { type: 'text' } },
    link: {
      attributes: {
        rel: 'related',
        href: `https://itunes.apple.com/cn/review?id=${r.board}&type=Purple%20Software`,
      },
    },
    'im:voteSum': label(String(r.likes)),
    'im:contentType': { attributes: { term: 'Application', label: '应用程序' } },
    'im:voteCount': label(String(r.likes + (r.likes % 3))),
  };
}

function feedUrl(req: Request, ctx: SiteContext, f: FeedRequest, page: number): string {
  return absolute(
    req.headers.host,
    `${ctx.prefix}/${f.cc}/rss/customerreviews/page=${page}/id=${f.appId}/sortby=${f.sort}/${f.format}`,
  );
}

function jsonFeed(req: Request, ctx: SiteContext, f: FeedRequest, reviews: ContentItem[], pages: number) {
  const entries = reviews.map(reviewEntry);
  const link = (rel: string, page: number) => ({ attributes: { rel, href: feedUrl(req, ctx, f, page) } });
  const feed: Record<string, unknown> = {
    author: { name: label('iTunes Store'), uri: label('http://www.apple.com/cn/itunes/') },
    updated: label(isoWithOffset(ctx.rt.now(), OFFSET)),
    rights: label('Copyright 2008 Apple Inc.'),
    title: label('iTunes Store：客户评论'),
    icon: label('http://itunes.apple.com/favicon.ico'),
    link: [
      {
        attributes: {
          rel: 'alternate',
          type: 'text/html',
          href: `https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc=cn&id=${f.appId}`,
        },
      },
      link('self', f.page),
      link('first', 1),
      link('last', Math.max(1, pages)),
      link('previous', Math.max(1, f.page - 1)),
      link('next', Math.min(Math.max(1, pages), f.page + 1)),
    ],
    id: label(feedUrl(req, ctx, f, f.page)),
  };
  // Quirks: a lone review is an object, not an array; otherwise the app's metadata entry comes first.
  if (entries.length === 1) feed.entry = entries[0];
  else if (entries.length > 1) feed.entry = [metaEntry(f.appId), ...entries];
  return { feed };
}

function atomFeed(req: Request, ctx: SiteContext, f: FeedRequest, reviews: ContentItem[]): string {
  const entries = reviews
    .map(
      (r) =>
        `<entry><updated>${isoWithOffset(r.publishedAt, OFFSET)}</updated><id>${r.id}</id><title>${escapeXml(r.title)}</title><content type="text">${escapeXml(r.text)}</content><im:contentType term="Application" label="应用程序"/><im:voteSum>${r.likes}</im:voteSum><im:voteCount>${r.likes}</im:voteCount><im:rating>${r.extra.rating ?? 3}</im:rating><im:version>${r.extra.appVersion ?? ''}</im:version><author><name>${escapeXml(r.author.name)}</name><uri>https://itunes.apple.com/cn/reviews/id${r.author.id}</uri></author></entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns:im="http://itunes.apple.com/rss" xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-cn">\n<id>${escapeXml(feedUrl(req, ctx, f, f.page))}</id><title>iTunes Store：客户评论</title><updated>${isoWithOffset(ctx.rt.now(), OFFSET)}</updated>\n${entries}\n</feed>`;
}

function reviewsFeed(ctx: SiteContext, req: Request, res: Response) {
  const f = parseFeedPath(String(req.params[0]), String(req.params[1]));
  if (!f) return send(res, '', { type: 'text/html', status: 404 });
  if (f.page < 1 || f.page > MAX_PAGE)
    return send(res, 'CustomerReviews RSS page depth is limited to 10', { type: 'text/plain', status: 400 });
  if (f.cc !== 'cn' || !Object.values(APP_IDS).includes(f.appId))
    return send(res, '', { type: 'text/html', status: 404 });
  let all = ctx.rt.store.topLevel('appstore', ctx.rt.now()).filter((r) => r.board === f.appId);
  if (f.sort === 'mosthelpful') all = [...all].sort((a, b) => b.likes - a.likes);
  all = all.slice(0, PER_PAGE * MAX_PAGE);
  const reviews = pageOf(all, f.page, PER_PAGE);
  const pages = Math.ceil(all.length / PER_PAGE);
  if (f.format === 'xml') return send(res, atomFeed(req, ctx, f, reviews), { type: 'application/xml' });
  send(res, JSON.stringify(jsonFeed(req, ctx, f, reviews, pages)), { type: 'text/javascript' });
}

function routes(ctx: SiteContext) {
  const r = express.Router();
  r.get(/^\/([A-Za-z]{2})\/rss\/customerreviews\/(.+)$/, (req, res) => reviewsFeed(ctx, req, res));
  return r;
}

/** Apple's legacy customer-review RSS (itunes.apple.com). */
export const appstoreSite: SiteModule = {
  kind: 'appstore',
  blocks: {
    '403': (_req, res) => send(res, '', { type: 'text/html', status: 403 }),
    '503': (_req, res) => send(res, '', { type: 'text/html', status: 503 }),
  },
  cookie: {
    name: 'itspod',
    paths: [],
    defaultRequired: false,
    reject: (_req, res) => send(res, '', { type: 'text/html', status: 403 }),
  },
  routes,
};
