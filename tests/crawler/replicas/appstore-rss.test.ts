import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_IDS, type RunningReplicas } from '../../../crawler/replicas/index.ts';
import { gbk, json, NOW, raw, start } from './helpers.ts';

let r: RunningReplicas;

beforeAll(async () => {
  r = await start();
});
afterAll(async () => {
  await r.close();
});

type Entry = Record<string, { label?: string } | undefined>;

function reviewUrl(base: string, appId: string, page: number, format = 'json'): string {
  return `${base}/cn/rss/customerreviews/page=${page}/id=${appId}/sortby=mostrecent/${format}`;
}

describe('app store replica', () => {
  it('serves text/javascript JSON whose first entry is app metadata without im:rating', async () => {
    const appId = APP_IDS.中国联通 ?? '';
    const res = await json<{ feed: { entry: Entry[] } }>(reviewUrl(r.baseUrls.appstore, appId, 1));
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    const [meta, ...reviews] = res.body.feed.entry;
    expect(meta?.['im:rating']).toBeUndefined();
    expect(meta?.['im:name']?.label).toBe('中国联通');
    const expected = r.runtime.store.topLevel('appstore', NOW).filter((i) => i.board === appId).length;
    expect(reviews).toHaveLength(Math.min(50, expected));
    expect(reviews[0]?.['im:rating']?.label).toMatch(/^[1-5]$/);
    expect(reviews[0]?.updated?.label).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-07:00$/);
    expect(reviews[0]?.id?.label).toMatch(/^\d{11}$/);
  });

  it('delivers a single review as an object, hostile text raw, and 400 beyond page 10', async () => {
    const solo = await start({ initialPosts: { appstore: 1 } });
    try {
      const review = solo.runtime.store.topLevel('appstore', NOW)[0];
      if (!review) throw new Error('no review');
      const res = await json<{ feed: { entry: Entry } }>(reviewUrl(solo.baseUrls.appstore, review.board, 1));
      expect(Array.isArray(res.body.feed.entry)).toBe(false);
      expect(res.body.feed.entry['im:rating']?.label).toBeDefined();
      expect((await raw(reviewUrl(solo.baseUrls.appstore, review.board, 11))).status).toBe(400);
    } finally {
      await solo.close();
    }
    const hostile = r.runtime.store.topLevel('appstore', NOW).find((i) => i.truth.hostile);
    if (!hostile) throw new Error('no hostile review');
    const pages = await Promise.all(
      [1, 2, 3].map((p) => raw(reviewUrl(r.baseUrls.appstore, hostile.board, p))),
    );
    expect(pages.some((p) => p.text.includes(JSON.stringify(hostile.text)))).toBe(true);
  });

  it('answers 404 for a storefront without the app', async () => {
    const appId = APP_IDS.中国联通 ?? '';
    expect(
      (await raw(`${r.baseUrls.appstore}/us/rss/customerreviews/page=1/id=${appId}/sortby=mostrecent/json`))
        .status,
    ).toBe(404);
  });
});

describe('rss replica', () => {
  it('serves UTF-8 RSS 2.0 with RFC 822 dates and guid isPermaLink=false', async () => {
    const { text, headers } = await raw(`${r.baseUrls.rss}/telecom.xml`);
    expect(headers.get('content-type')).toContain('charset=utf-8');
    const $ = cheerio.load(text, { xmlMode: true });
    const items = $('rss > channel > item');
    expect(items.length).toBeGreaterThan(0);
    expect(items.first().find('guid').attr('isPermaLink')).toBe('false');
    expect(items.first().find('pubDate').text()).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0800$/,
    );
    expect(items.first().find('description').text()).toMatch(/^<p>/);
  });

  it('serves a GBK feed declared only in the prolog, with zone-less dates and relative links', async () => {
    const res = await raw(`${r.baseUrls.rss}/gbk.xml`);
    expect(res.headers.get('content-type')).toBe('application/xml');
    expect(res.bytes.toString('latin1')).toMatch(/^<\?xml version="1.0" encoding="GBK"\?>/);
    const $ = cheerio.load(gbk(res.bytes), { xmlMode: true });
    const item = $('item').first();
    expect(item.find('pubDate').text()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const link = item.find('link').text();
    expect(link).toMatch(/^news\/\d+\.html$/);
    const article = await raw(new URL(link, `${r.baseUrls.rss}/gbk.xml`).toString());
    expect(cheerio.load(article.text)('h1').text()).toBe(item.find('title').text());
  });

  it('serves an Atom feed with ids and alternate links', async () => {
    const $ = cheerio.load((await raw(`${r.baseUrls.rss}/atom.xml`)).text, { xmlMode: true });
    const entry = $('feed > entry').first();
    expect(entry.find('id').text()).toMatch(/^tag:/);
    expect(entry.find('link[rel="alternate"]').attr('href')).toMatch(/\/rss\/news\/\d+\.html$/);
    expect(entry.find('published').text()).toMatch(/\+08:00$/);
    const truth = await json<{ source: string }>(
      `${r.url}/_truth/rss/${encodeURIComponent(entry.find('id').text())}`,
    );
    expect(truth.body.source).toBe('rss');
  });
});
