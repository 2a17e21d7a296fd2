import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../../crawler/index.ts';
import { APP_IDS, type ContentItem, type RunningReplicas } from '../../../crawler/replicas/index.ts';
import { reviewEntries } from '../../../crawler/sites/appstore/parse.ts';
import { collector, FAST, NOW, replicaSource, startTestReplicas, toSecond } from '../helpers.ts';

const UNICOM = APP_IDS.中国联通 ?? '';
const BROADNET = APP_IDS.中国广电 ?? '';

/** Visible reviews of an app, newest first. */
function reviewsOf(rep: RunningReplicas, appId: string, now = NOW): ContentItem[] {
  return rep.runtime.store.topLevel('appstore', now).filter((r) => r.board === appId);
}

describe('appstore adapter (customer-review feed replica)', () => {
  let rep: RunningReplicas;
  const got = collector();
  const state = memoryCrawlState();
  beforeAll(async () => {
    rep = await startTestReplicas();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'appstore', { appIds: [UNICOM, BROADNET] }),
      state,
      sink: got.sink,
    });
    expect(res.status).toBe('ok');
    expect(res.quarantined).toBe(0);
  });
  afterAll(async () => {
    await rep.close();
  });

  it('pages through every review (metadata entry skipped) and stops at the last page', () => {
    const unicom = reviewsOf(rep, UNICOM);
    expect(unicom.length).toBeGreaterThan(50);
    const all = [...unicom, ...reviewsOf(rep, BROADNET)];
    for (const r of all) expect(got.byId.has(r.id), r.id).toBe(true);
    expect(got.all).toHaveLength(all.length);
    expect(got.all.some((m) => m.externalId.startsWith('https://'))).toBe(false);
  });

  it('normalizes a review field by field', () => {
    for (const r of reviewsOf(rep, UNICOM)) {
      const m = got.byId.get(r.id);
      expect(m, r.id).toMatchObject({
        source: 'appstore',
        sourceId: 'appstore-test',
        externalId: r.id,
        url: `https://itunes.apple.com/cn/review?id=${UNICOM}&type=Purple%20Software`,
        author: { id: String(r.author.id), name: r.author.name, followers: null, verified: false },
        title: r.title,
        text: r.truth.text,
        region: null,
        engagement: { reposts: 0, comments: 0, likes: r.likes },
        parentExternalId: null,
        query: null,
      });
      expect(m?.publishedAt.toISOString()).toBe(new Date(toSecond(r.publishedAt)).toISOString());
      expect((m?.raw as Record<string, { label: string }> | undefined)?.['im:rating']?.label).toBe(
        String(r.extra.rating),
      );
    }
  });

  it('keeps markup in plain-text reviews as text', () => {
    const hostile = rep.runtime.store
      .topLevel('appstore', NOW)
      .filter((r) => r.truth.hostile && got.byId.has(r.id));
    expect(hostile.length).toBeGreaterThan(0);
    for (const r of hostile) expect(got.byId.get(r.id)?.text).toBe(r.truth.text);
  });

  it('delivers nothing on a second run and reads one page per app', async () => {
    const again = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'appstore', { appIds: [UNICOM, BROADNET] }),
      state,
      sink: again.sink,
    });
    expect(res).toMatchObject({ status: 'ok', items: 0, pages: 2 });
    expect(again.all).toHaveLength(0);
  });

  it('reads a page whose only review is a single object, not an array', async () => {
    const oldest = reviewsOf(rep, BROADNET).at(-1);
    expect(oldest).toBeDefined();
    const at = oldest?.publishedAt ?? NOW;
    rep.runtime.setClock(at);
    try {
      expect(reviewsOf(rep, BROADNET, at)).toHaveLength(1);
      const body = (await (
        await fetch(
          `${rep.baseUrls.appstore}/cn/rss/customerreviews/page=1/id=${BROADNET}/sortby=mostrecent/json`,
        )
      ).json()) as { feed: { entry: unknown } };
      expect(Array.isArray(body.feed.entry)).toBe(false);
      const one = collector();
      const res = await crawlSource({
        ...FAST,
        now: new Date(at),
        source: replicaSource(rep, 'appstore', { id: 'appstore-one', appIds: [BROADNET] }),
        sink: one.sink,
      });
      expect(res.status).toBe('ok');
      expect(one.all.map((m) => m.externalId)).toEqual([oldest?.id]);
      expect(one.all[0]?.text).toBe(oldest?.truth.text);
    } finally {
      rep.runtime.setClock(null);
    }
  });

  it('quarantines a malformed page', async () => {
    rep.runtime.faults.add([{ site: 'appstore', path: '/cn/rss/customerreviews', kind: 'malformed' }]);
    const local = memoryCrawlState();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'appstore', { id: 'appstore-bad', appIds: [BROADNET] }),
      state: local,
      sink: collector().sink,
      maxRequestRetries: 1,
    });
    rep.runtime.faults.clear();
    expect(res).toMatchObject({ status: 'partial', items: 0 });
    expect(res.quarantined).toBeGreaterThan(0);
    expect(local.quarantined[0]?.errorKind).toBe('ParseError');
    expect(local.cursors.size).toBe(0);
  });

  it('fails an app the storefront does not carry (HTTP 404) without quarantining it', async () => {
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'appstore', { id: 'appstore-404', appIds: ['123'] }),
      sink: collector().sink,
      maxRequestRetries: 0,
    });
    expect(res).toMatchObject({ status: 'partial', quarantined: 0, items: 0 });
    expect(res.errors[0]).toMatch(/not in the cn storefront/);
  });

  it('reports HTTP 403 as a block signal', async () => {
    rep.runtime.faults.add([{ site: 'appstore', kind: 'block', variant: '403' }]);
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'appstore', { id: 'appstore-403', appIds: [UNICOM] }),
      sink: collector().sink,
    });
    rep.runtime.faults.clear();
    expect(res).toMatchObject({ status: 'blocked', blockSignal: 'http-403' });
  });
});

describe('appstore feed parsing', () => {
  it('accepts an entry array, a single entry and a feed without entries', () => {
    const review = { id: { label: '1' }, 'im:rating': { label: '1' } };
    expect(reviewEntries({ feed: { entry: [{ id: { label: 'meta' } }, review] } })).toEqual([review]);
    expect(reviewEntries({ feed: { entry: review } })).toEqual([review]);
    expect(reviewEntries({ feed: {} })).toEqual([]);
    expect(reviewEntries({ nofeed: true })).toBeNull();
  });
});
