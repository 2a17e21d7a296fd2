import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource, memoryCrawlState } from '../../../crawler/index.ts';
import type { RunningReplicas } from '../../../crawler/replicas/index.ts';
import { heimaoAdapter, heimaoListUrl, heimaoSignature } from '../../../crawler/sites/heimao/adapter.ts';
import { sourceSchema } from '../../../core/index.ts';
import type { HeimaoDetail } from '../../../crawler/sites/heimao/parse.ts';
import { envelopeOf, unwrapJsonp } from '../../../crawler/sites/heimao/parse.ts';
import {
  collector,
  FAST,
  matchingPosts,
  NOW,
  replicaSource,
  startTestReplicas,
  toSecond,
} from '../helpers.ts';

const LOGGED_IN = { accounts: [{ id: 'sina-1', cookies: 'SUB=test-sub-cookie' }] };

describe('heimao adapter (tousu.sina.com.cn replica)', () => {
  let rep: RunningReplicas;
  const got = collector();
  const state = memoryCrawlState();
  beforeAll(async () => {
    rep = await startTestReplicas();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'heimao', { queries: ['联通'], ...LOGGED_IN }),
      state,
      sink: got.sink,
    });
    expect(res.status).toBe('ok');
    expect(res.quarantined).toBe(0);
  });
  afterAll(async () => {
    await rep.close();
  });

  it('pages through every search result', () => {
    const expected = matchingPosts(rep, 'heimao', '联通');
    expect(expected.length).toBeGreaterThan(10);
    for (const c of expected) expect(got.byId.has(c.id), c.id).toBe(true);
    expect(got.all).toHaveLength(expected.length);
  });

  it('normalizes a complaint field by field, with the full text from the detail page', () => {
    for (const c of matchingPosts(rep, 'heimao', '联通')) {
      const m = got.byId.get(c.id);
      expect(m, c.id).toMatchObject({
        source: 'heimao',
        sourceId: 'heimao-test',
        externalId: c.id,
        url: `${rep.baseUrls.heimao}/complaint/view/${c.id}/`,
        author: { id: String(c.author.id), name: c.author.name, followers: null, verified: false },
        title: c.title,
        text: c.truth.text,
        region: c.author.id % 9 === 0 ? null : c.author.province,
        engagement: { likes: c.likes, reposts: c.reposts, comments: c.extra.companyReply ? 1 : 0 },
        parentExternalId: null,
        query: '联通',
      });
      expect(m?.title).not.toContain('code-red');
      expect(m?.publishedAt.toISOString()).toBe(new Date(toSecond(c.publishedAt)).toISOString());
    }
  });

  it('keeps the steps, including merchant replies, in raw only', () => {
    const replied = matchingPosts(rep, 'heimao', '联通').filter(
      (c) => c.extra.companyReply && c.publishedAt + 5 * 3_600_000 <= NOW,
    );
    expect(replied.length).toBeGreaterThan(0);
    for (const c of replied) {
      const detail = (got.byId.get(c.id)?.raw as { detail?: HeimaoDetail } | undefined)?.detail;
      expect(detail?.steps.map((s) => s.status)).toEqual(['投诉发布', '商家已回复']);
      expect(detail?.steps[1]).toMatchObject({ name: c.board, text: c.extra.companyReply });
      expect(detail?.fields.投诉编号).toBe(c.id);
    }
    expect(got.all.every((m) => m.source === 'heimao' && /^\d+$/.test(m.externalId))).toBe(true);
  });

  it('delivers nothing on a second run and stops after one page', async () => {
    const again = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'heimao', { queries: ['联通'], ...LOGGED_IN }),
      state,
      sink: again.sink,
    });
    expect(res).toMatchObject({ status: 'ok', items: 0, pages: 1 });
    expect(again.all).toHaveLength(0);
  });

  it('reads the latest feed as JSONP without a cookie', async () => {
    const source = replicaSource(rep, 'heimao', { id: 'heimao-feed', feeds: ['2'] });
    const first = heimaoAdapter.start(source, { key: 'feed:2', kind: 'feed', value: '2' })[0];
    expect(first?.url).toMatch(
      /\/api\/index\/feed\?ts=\d{13}&rs=[0-9a-zA-Z]{16}&signature=[0-9a-f]{64}&type=2&page_size=10&page=1&callback=jQuery/,
    );
    expect(await (await fetch(first?.url ?? '')).text()).toMatch(/^try\{jQuery\w+\(\{"result"/);
    const feed = collector();
    const res = await crawlSource({ ...FAST, source, sink: feed.sink });
    expect(res.status).toBe('ok');
    const all = rep.runtime.store.topLevel('heimao', NOW);
    expect(feed.all).toHaveLength(all.length);
    for (const c of all) expect(feed.byId.get(c.id)?.text).toBe(c.truth.text);
    expect(feed.all.every((m) => m.query === null)).toBe(true);
  });

  it('reports the login page (no SUB cookie) as a block signal', async () => {
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'heimao', { id: 'heimao-anon', queries: ['联通'] }),
      sink: collector().sink,
    });
    expect(res).toMatchObject({ status: 'blocked', blockSignal: 'login', items: 0 });
  });

  it('reports an empty page with a non-zero item count as throttling', async () => {
    rep.runtime.faults.add([{ site: 'heimao', path: '/api/index/s', kind: 'block', variant: 'throttle' }]);
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'heimao', { id: 'heimao-throttle', queries: ['联通'], ...LOGGED_IN }),
      sink: collector().sink,
    });
    rep.runtime.faults.clear();
    expect(res).toMatchObject({ status: 'blocked', blockSignal: 'throttled' });
  });

  it('quarantines a malformed list page', async () => {
    rep.runtime.faults.add([{ site: 'heimao', path: '/api/index/feed', kind: 'malformed' }]);
    const local = memoryCrawlState();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'heimao', { id: 'heimao-bad', feeds: ['2'] }),
      state: local,
      sink: collector().sink,
      maxRequestRetries: 1,
    });
    rep.runtime.faults.clear();
    expect(res).toMatchObject({ status: 'partial', items: 0 });
    expect(local.quarantined[0]?.errorKind).toBe('ParseError');
    expect(local.cursors.size).toBe(0);
  });

  it('quarantines a cut detail page and keeps the complaint with its summary', async () => {
    rep.runtime.faults.add([{ site: 'heimao', path: '/complaint/view', kind: 'malformed' }]);
    const local = memoryCrawlState();
    const out = collector();
    const res = await crawlSource({
      ...FAST,
      source: replicaSource(rep, 'heimao', { id: 'heimao-cut', queries: ['广电'], ...LOGGED_IN }),
      state: local,
      sink: out.sink,
      maxRequestRetries: 0,
    });
    rep.runtime.faults.clear();
    const expected = matchingPosts(rep, 'heimao', '广电');
    expect(expected.length).toBeGreaterThan(0);
    expect(res.status).toBe('partial');
    expect(local.quarantined.length).toBe(expected.length);
    for (const c of expected) {
      const m = out.byId.get(c.id);
      expect(m?.text.startsWith(`${c.title}\n`)).toBe(true);
      expect(c.truth.text.startsWith((m?.text ?? '').replace(/……$/, ''))).toBe(true);
    }
  });
});

describe('heimao parsing', () => {
  it('unwraps the JSONP form and signs sorted values', () => {
    const body =
      '{"result":{"status":{"code":0,"msg":"ok"},"data":{"lists":[],"pager":{"current":1,"page_amount":0,"item_count":0}}}}';
    expect(unwrapJsonp(`try{jQuery1113_1({"a":1});}catch(e){};`)).toBe('{"a":1}');
    expect(envelopeOf(`try{jQuery1113_1(${body});}catch(e){};`, 'u')).toMatchObject({ code: 0, lists: [] });
    expect(() => envelopeOf('<!doctype html><p>登录</p>', 'u')).toThrow(/no result envelope/);
    expect(heimaoSignature('2', '1', ['3'], 'salt')).toBe(heimaoSignature('1', '3', ['2'], 'salt'));
    expect(heimaoSignature('1', '2', ['3'], 'salt')).toMatch(/^[0-9a-f]{64}$/);
  });

  it("signs list URLs with the source's configured salt", () => {
    const target = { key: '联通', kind: 'search', value: '联通' } as const;
    const signed = (signatureSalt?: string) => {
      const source = sourceSchema.parse({
        id: 'heimao-salt',
        kind: 'heimao',
        baseUrl: 'https://tousu.sina.com.cn/',
        ...(signatureSalt === undefined ? {} : { signatureSalt }),
      });
      return new URL(heimaoListUrl(source, target, 1, 1_765_000_000_000)).searchParams;
    };
    const q = signed('from-the-site-js');
    const values = [...q.entries()].filter(([k]) => !['ts', 'rs', 'signature'].includes(k)).map(([, v]) => v);
    expect(q.get('signature')).toBe(
      heimaoSignature(q.get('ts') ?? '', q.get('rs') ?? '', values, 'from-the-site-js'),
    );
    expect(signed().get('signature')).toBe(heimaoSignature(q.get('ts') ?? '', q.get('rs') ?? '', values, ''));
    expect(signed().get('signature')).not.toBe(q.get('signature'));
  });
});
