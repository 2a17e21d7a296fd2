import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../../crawler/index.ts';
import type { ContentItem, RunningReplicas } from '../../../crawler/replicas/index.ts';
import { parseFeed } from '../../../crawler/sites/rss/parse.ts';
import { collector, FAST, NOW, replicaSource, startTestReplicas, toSecond } from '../helpers.ts';

/** Items a feed serves (newest first, at most 20). */
function feedItems(rep: RunningReplicas, feed: string): ContentItem[] {
  return rep.runtime.store
    .topLevel('rss', NOW)
    .filter((i) => i.board === feed)
    .slice(0, 20);
}

describe('rss adapter (news feed replica)', () => {
  let rep: RunningReplicas;
  const got = collector();
  const state = memoryCrawlState();
  const feeds = ['telecom.xml', 'gbk.xml', 'atom.xml'];
  beforeAll(async () => {
    rep = await startTestReplicas();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'rss', { feeds }),
      state,
      sink: got.sink,
    });
    expect(res.status).toBe('ok');
    expect(res.quarantined).toBe(0);
  });
  afterAll(async () => {
    await rep.close();
  });

  it('normalizes a UTF-8 RSS 2.0 item field by field (guid isPermaLink=false, CDATA, content:encoded)', () => {
    const items = feedItems(rep, 'telecom');
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      const m = got.byId.get(`koubei-news-${i.id}`);
      expect(m, i.id).toMatchObject({
        source: 'rss',
        sourceId: 'rss-test',
        url: `${rep.baseUrls.rss}/news/${i.id}.html`,
        author: { id: null, name: i.author.name, followers: null, verified: false },
        title: i.title,
        text: `${i.truth.text}\n（来源：${i.author.name}）`,
        region: null,
        engagement: { reposts: 0, comments: 0, likes: 0 },
        parentExternalId: null,
        threadId: null,
        query: null,
      });
      expect(m?.publishedAt.toISOString()).toBe(new Date(toSecond(i.publishedAt)).toISOString());
      expect(m?.crawledAt.getTime()).toBe(NOW);
      expect((m?.raw as { xml: string } | undefined)?.xml).toContain(`koubei-news-${i.id}`);
    }
  });

  it('decodes a GBK feed (charset only in the XML prolog), zone-less dates as +08:00, relative links', () => {
    const items = feedItems(rep, 'gbk');
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      const url = `${rep.baseUrls.rss}/news/${i.id}.html`;
      const m = got.byId.get(url);
      expect(m, i.id).toMatchObject({
        externalId: url,
        url,
        title: i.title,
        text: i.truth.text,
        author: { name: i.author.name },
      });
      expect(m?.publishedAt.getTime()).toBe(toSecond(i.publishedAt));
    }
  });

  it('parses Atom entries: id, alternate link, published, html content, author/name', () => {
    const items = feedItems(rep, 'atom');
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      const m = got.byId.get(`tag:news.koubei.example,2024:${i.id}`);
      expect(m, i.id).toMatchObject({
        url: `${rep.baseUrls.rss}/news/${i.id}.html`,
        title: i.title,
        text: i.truth.text,
        author: { name: i.author.name },
      });
      expect(m?.publishedAt.getTime()).toBe(toSecond(i.publishedAt));
    }
    expect(got.all).toHaveLength(
      feedItems(rep, 'telecom').length + feedItems(rep, 'gbk').length + items.length,
    );
  });

  it('delivers nothing on a second run (cursor per feed)', async () => {
    const again = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'rss', { feeds }),
      state,
      sink: again.sink,
    });
    expect(res).toMatchObject({ status: 'ok', items: 0, pages: 3 });
    expect(again.all).toHaveLength(0);
  });

  it('accepts an absolute feed URL and GBK bytes mislabelled as UTF-8', async () => {
    rep.runtime.faults.add([{ site: 'rss', path: '/gbk.xml', kind: 'wrong-encoding', count: 1 }]);
    const out = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'rss', { id: 'rss-abs', feeds: [`${rep.baseUrls.rss}/gbk.xml`] }),
      sink: out.sink,
    });
    expect(res.status).toBe('ok');
    const first = feedItems(rep, 'gbk')[0];
    expect(out.byId.get(`${rep.baseUrls.rss}/news/${first?.id}.html`)?.title).toBe(first?.title);
  });

  it('quarantines a cut (malformed) feed and keeps the cursor', async () => {
    rep.runtime.faults.add([{ site: 'rss', path: '/atom.xml', kind: 'malformed' }]);
    const local = memoryCrawlState();
    const out = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'rss', { id: 'rss-bad', feeds: ['atom.xml'] }),
      state: local,
      sink: out.sink,
      maxRequestRetries: 1,
    });
    rep.runtime.faults.clear();
    expect(res.status).toBe('partial');
    expect(res.quarantined).toBeGreaterThan(0);
    expect(local.quarantined[0]).toMatchObject({
      errorKind: 'ParseError',
      url: `${rep.baseUrls.rss}/atom.xml`,
    });
    expect(out.all).toHaveLength(0);
    expect(local.cursors.size).toBe(0);
  });

  it('reports HTTP 403 as a block signal', async () => {
    rep.runtime.faults.add([{ site: 'rss', path: '/telecom.xml', kind: 'block', variant: '403' }]);
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'rss', { id: 'rss-403', feeds: ['telecom.xml'] }),
      sink: collector().sink,
    });
    rep.runtime.faults.clear();
    expect(res).toMatchObject({ status: 'blocked', blockSignal: 'http-403', items: 0 });
  });
});

describe('rss parser', () => {
  const base = 'https://news.example.cn/feeds/rss.xml';

  it('reads 2-digit RFC 822 years, author emails, HTML-escaped descriptions and link fallbacks', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>A &amp; B</title><link>/a/1.html#top</link><author>ed@example.cn (编辑部)</author>
<pubDate>Tue, 19 Nov 24 12:00:00 GMT</pubDate><description>&lt;p&gt;第一段&lt;/p&gt;&lt;p&gt;第二段&lt;/p&gt;</description></item>
</channel></rss>`;
    const feed = parseFeed(xml, base);
    expect(feed.items[0]).toMatchObject({
      id: 'https://news.example.cn/a/1.html',
      url: 'https://news.example.cn/a/1.html',
      title: 'A & B',
      body: '第一段\n第二段',
      author: '编辑部',
    });
    expect(feed.items[0]?.date).toBe('Tue, 19 Nov 24 12:00:00 GMT');
  });

  it('rejects items without guid or link, and non-feed documents', () => {
    const feed = parseFeed('<rss><channel><item><title>x</title></item></channel></rss>', base);
    expect(feed.items).toHaveLength(0);
    expect(feed.invalid).toHaveLength(1);
    expect(() => parseFeed('<!doctype html><html><body>404</body></html>', base)).toThrow(
      /not an RSS or Atom feed/,
    );
    expect(() => parseFeed('<rss><channel><item><title>x</ti', base)).toThrow(/not well-formed/);
  });
});
