import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningReplicas, Truth } from '../../../crawler/replicas/index.ts';
import { gbk, json, NOW, raw, start, weiboSearchUrl } from './helpers.ts';

let r: RunningReplicas;

beforeAll(async () => {
  r = await start();
});
afterAll(async () => {
  await r.close();
});

function post(url: string, body: unknown) {
  return json(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const SAMPLE_PATHS = [
  '/weibo/api/container/getIndex?containerid=100103type%3D61%26q%3D%E8%81%94%E9%80%9A&page=2',
  '/tieba/f/search/res?ie=utf-8&qw=%E7%A7%BB%E5%8A%A8&pn=1',
  '/zhihu/api/v4/search_v3?q=%E7%94%B5%E4%BF%A1&offset=20&limit=20',
  '/discuz/forum.php?mod=forumdisplay&fid=36',
  '/heimao/api/index/feed?type=2&page_size=10&page=2',
  '/appstore/cn/rss/customerreviews/page=1/id=900100002/sortby=mostrecent/json',
  '/rss/telecom.xml',
];

describe('determinism and truth', () => {
  it('gives byte-identical pages for the same seed and clock, different ones for another seed', async () => {
    const twin = await start();
    const other = await start({ seed: 7 });
    try {
      for (const path of SAMPLE_PATHS) {
        const a = await raw(`${r.url}${path}`);
        const b = await raw(`${twin.url}${path}`);
        expect(b.text.replaceAll(twin.url.replace('http:', ''), '')).toBe(
          a.text.replaceAll(r.url.replace('http:', ''), ''),
        );
      }
      const c = await raw(`${other.url}${SAMPLE_PATHS[0]}`);
      expect(c.text).not.toBe((await raw(`${r.url}${SAMPLE_PATHS[0]}`)).text);
    } finally {
      await twin.close();
      await other.close();
    }
  });

  it('exposes ground truth per item over HTTP and as a function', async () => {
    const search = await json<{ data: { cards: { mblog?: { id: string } }[] } }>(
      weiboSearchUrl(r.baseUrls.weibo, '联通'),
    );
    const id = search.body.data.cards.find((c) => c.mblog)?.mblog?.id ?? '';
    const { status, body } = await json<Truth>(`${r.url}/_truth/weibo/${id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ source: 'weibo', externalId: id, kind: 'post' });
    expect(body.brands.length).toBeGreaterThan(0);
    expect(['negative', 'neutral', 'positive']).toContain(body.sentiment);
    expect(r.runtime.truth('weibo', id)).toEqual(body);
    expect((await raw(`${r.url}/_truth/weibo/1`)).status).toBe(404);
    const list = await json<{ count: number; items: Truth[] }>(`${r.url}/_truth?source=heimao`);
    expect(list.body.count).toBe(r.runtime.store.topLevel('heimao', NOW).length);
  });

  it('generates a realistic mix: 联通 most, every category, ~45/30/25 sentiment', () => {
    const posts = r.runtime.store
      .truths({ until: NOW })
      .filter((t) => t.kind === 'post' && t.brands.length > 0 && t.source !== 'heimao');
    const brandCount = (b: string) => posts.filter((t) => t.brands[0]?.brand === b).length;
    expect(brandCount('中国联通')).toBeGreaterThan(brandCount('中国移动'));
    expect(brandCount('中国移动')).toBeGreaterThan(brandCount('中国广电'));
    const cats = new Set(posts.flatMap((t) => t.categories));
    expect(cats.size).toBe(10);
    const neg = posts.filter((t) => t.sentiment === 'negative').length / posts.length;
    expect(neg).toBeGreaterThan(0.35);
    expect(neg).toBeLessThan(0.55);
    const provinces = new Set(posts.map((t) => t.province));
    expect(provinces.size).toBeGreaterThan(20);
    expect(posts.some((t) => t.pii) && posts.some((t) => t.hostile) && posts.some((t) => t.waveId)).toBe(
      true,
    );
  });
});

describe('fault injection', () => {
  const search = () => weiboSearchUrl(r.baseUrls.weibo, '联通');

  it('produces Weibo 432, 418 and ok:-100 on the next requests only', async () => {
    await post(`${r.url}/_control/faults`, {
      faults: [
        { site: 'weibo', path: '/api/container/getIndex', kind: 'block', variant: '432', count: 1 },
        { site: 'weibo', path: '/api/container/getIndex', kind: 'block', variant: '418', count: 1 },
        { site: 'weibo', path: '/api/container/getIndex', kind: 'block', variant: 'ok-100', count: 1 },
      ],
    });
    const a = await raw(search());
    expect(a.status).toBe(432);
    expect(a.bytes.length).toBe(0);
    expect((await raw(search())).status).toBe(418);
    const c = await json<{ ok: number; url: string }>(search());
    expect(c.status).toBe(200);
    expect(c.body).toMatchObject({ ok: -100 });
    expect(c.body.url).toMatch(/^https:\/\/passport\.weibo\.com\/sso\/signin\?/);
    expect((await json<{ ok: number }>(search())).body.ok).toBe(1);
  });

  it('applies probabilistic faults reproducibly', async () => {
    const outcomes = async () => {
      await fetch(`${r.url}/_control/faults`, { method: 'DELETE' });
      await post(`${r.url}/_control/faults`, { site: 'zhihu', kind: 'error', status: 502, rate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push((await raw(`${r.baseUrls.zhihu}/api/v4/search_v3?q=x`)).status);
      await fetch(`${r.url}/_control/faults`, { method: 'DELETE' });
      return statuses;
    };
    const first = await outcomes();
    expect(first).toContain(502);
    expect(first).toContain(200);
    expect(await outcomes()).toEqual(first);
  });

  it('cuts bodies, mislabels GBK as UTF-8, delays, and resets connections', async () => {
    r.runtime.faults.add([{ site: 'weibo', kind: 'malformed', count: 1 }]);
    const cut = await raw(search());
    expect(() => JSON.parse(cut.text)).toThrow();
    r.runtime.faults.add([{ site: 'tieba', kind: 'truncate', count: 1 }]);
    expect((await raw(`${r.baseUrls.tieba}/f/search/res?ie=utf-8&qw=%E8%81%94%E9%80%9A`)).text).not.toContain(
      '</html>',
    );
    r.runtime.faults.add([{ site: 'rss', path: '/telecom.xml', kind: 'wrong-encoding', count: 1 }]);
    const wrong = await raw(`${r.baseUrls.rss}/telecom.xml`);
    expect(wrong.headers.get('content-type')).toContain('charset=utf-8');
    expect(wrong.text).not.toContain('通信观察');
    expect(gbk(wrong.bytes)).toContain('通信观察');
    r.runtime.faults.add([{ site: 'heimao', kind: 'slow', delayMs: 300, count: 1 }]);
    const t0 = Date.now();
    await raw(`${r.baseUrls.heimao}/api/index/feed?page=1`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    r.runtime.faults.add([{ site: 'discuz', kind: 'reset', count: 1 }]);
    await expect(raw(`${r.baseUrls.discuz}/forum.php`)).rejects.toThrow();
    r.runtime.faults.add([{ site: 'discuz', kind: 'block', variant: 'flood', count: 1 }]);
    expect(gbk((await raw(`${r.baseUrls.discuz}/search.php?mod=forum&srchtxt=x`)).bytes)).toContain(
      'messagetext',
    );
  });

  it('rejects invalid fault rules with 400', async () => {
    const res = await post(`${r.url}/_control/faults`, { site: 'myspace', kind: 'block' });
    expect(res.status).toBe(400);
  });
});

describe('cookies and robots', () => {
  it('requires SUB for Weibo search when switched on, and the visitor flow hands one out', async () => {
    await post(`${r.url}/_control/cookies`, { weibo: true });
    try {
      expect((await json<{ ok: number }>(weiboSearchUrl(r.baseUrls.weibo, '联通'))).body.ok).toBe(-100);
      const home = await raw(`${r.baseUrls.weibo}/`);
      expect(home.status).toBe(302);
      const visitor = await raw(`${r.url}${home.headers.get('location')}`);
      expect(visitor.status).toBe(302);
      const cookie = visitor.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      expect(cookie).toMatch(/SUB=_2AkM/);
      expect(
        (await json<{ ok: number }>(weiboSearchUrl(r.baseUrls.weibo, '联通'), { headers: { cookie } })).body
          .ok,
      ).toBe(1);
      const config = await json<{ data: { login: boolean } }>(`${r.baseUrls.weibo}/api/config`, {
        headers: { cookie },
      });
      expect(config.body.data.login).toBe(false);
    } finally {
      await post(`${r.url}/_control/cookies`, { weibo: null });
    }
  });

  it('accepts only listed cookie values when given a list', async () => {
    await post(`${r.url}/_control/cookies`, { zhihu: ['good'] });
    try {
      expect(
        (await raw(`${r.baseUrls.zhihu}/api/v4/search_v3?q=x`, { headers: { cookie: 'd_c0=bad' } })).status,
      ).toBe(403);
      expect(
        (await raw(`${r.baseUrls.zhihu}/api/v4/search_v3?q=x`, { headers: { cookie: 'd_c0=good' } })).status,
      ).toBe(200);
    } finally {
      await post(`${r.url}/_control/cookies`, { zhihu: null });
    }
  });

  it('serves robots.txt at each prefix and the host root, with a switchable disallow', async () => {
    expect((await raw(`${r.baseUrls.tieba}/robots.txt`)).text).toContain('Allow: /tieba/');
    await post(`${r.url}/_control/robots`, { tieba: true, zhihu: ['/api/'] });
    try {
      expect((await raw(`${r.baseUrls.tieba}/robots.txt`)).text).toContain('Disallow: /tieba/');
      const root = (await raw(`${r.url}/robots.txt`)).text;
      expect(root).toContain('Disallow: /tieba/');
      expect(root).toContain('Disallow: /zhihu/api/');
      expect(root).toContain('Allow: /weibo/');
    } finally {
      await post(`${r.url}/_control/robots`, { tieba: null, zhihu: null });
    }
  });
});

describe('scenarios and live mode', () => {
  it('outage-guangzhou-tianhe bursts 联通 broadband complaints from 广州 on every platform', async () => {
    const s = await start({
      scenarios: [
        { name: 'outage-guangzhou-tianhe', startAt: NOW - 3_600_000, durationMinutes: 60, count: 80 },
      ],
    });
    try {
      const items = s.runtime.store
        .truths({ scenario: 'outage-guangzhou-tianhe', until: NOW })
        .filter((t) => t.kind === 'post');
      expect(items.length).toBe(80);
      expect(new Set(items.map((t) => t.source)).size).toBe(7);
      const social = items.filter((t) => t.source !== 'rss' && t.source !== 'appstore');
      expect(
        social.every(
          (t) => t.city === '广州' && t.categories.includes('broadband') && t.brands[0]?.brand === '中国联通',
        ),
      ).toBe(true);
      expect(social.filter((t) => t.text.includes('天河')).length).toBeGreaterThan(social.length * 0.8);
      const search = await json<{ ok: number }>(weiboSearchUrl(s.baseUrls.weibo, '天河'));
      expect(search.body.ok).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('campaign-launch adds a mostly positive hashtag wave with a same-window competitor baseline', async () => {
    const startAt = NOW - 120 * 60_000;
    const s = await start({
      scenarios: [{ name: 'campaign-launch', startAt, durationMinutes: 120, count: 60 }],
    });
    try {
      const wave = s.runtime.store.truths({ scenario: 'campaign-launch' });
      expect(wave.filter((t) => t.kind === 'post')).toHaveLength(60);
      expect(wave.filter((t) => t.kind === 'post' && t.sentiment === 'positive').length).toBeGreaterThan(30);
      expect(
        wave
          .filter((t) => t.source === 'weibo' && t.kind === 'post')
          .every((t) => t.text.includes('#联通5G畅享季#')),
      ).toBe(true);
      expect(wave.every((t) => t.kind !== 'post' || t.publishedAt >= startAt)).toBe(true);
      const weibo = s.runtime.store
        .truths({ source: 'weibo', since: startAt - 120 * 60_000, until: startAt + 120 * 60_000 })
        .filter((t) => t.kind === 'post');
      const count = (brand: string, after: boolean) =>
        weibo.filter((t) => t.brands[0]?.brand === brand && t.publishedAt >= startAt === after).length;
      expect(count('中国移动', false)).toBeGreaterThan(0);
      expect(count('中国移动', true)).toBeGreaterThan(0);
      const lift = count('中国联通', true) / Math.max(1, count('中国联通', false));
      const control = count('中国移动', true) / Math.max(1, count('中国移动', false));
      expect(lift).toBeGreaterThan(control * 2);
    } finally {
      await s.close();
    }
  });

  it('copy-paste-wave and escalation switch on through the control endpoint', async () => {
    const wave = await post(`${r.url}/_control/scenarios`, {
      name: 'copy-paste-wave',
      startAt: NOW - 100 * 60_000,
      durationMinutes: 90,
      count: 25,
    });
    const waveId = (wave.body as { waveId: string }).waveId;
    const copies = r.runtime.store.truths({ scenario: 'copy-paste-wave' }).filter((t) => t.waveId === waveId);
    expect(copies).toHaveLength(25);
    expect(new Set(copies.map((t) => t.text)).size).toBeGreaterThan(10);
    const body = copies[0]?.text.split('\n').at(-1)?.slice(8, 20) ?? '';
    expect(copies.filter((t) => t.text.includes(body)).length).toBeGreaterThan(12);
    await post(`${r.url}/_control/scenarios`, { name: 'escalation', startAt: NOW - 60 * 60_000, count: 15 });
    const esc = r.runtime.store.truths({ scenario: 'escalation' });
    expect(esc.filter((t) => t.kind === 'post')).toHaveLength(15);
    expect(
      esc.filter((t) => t.kind === 'post').every((t) => t.escalation && /工信部|12300|曝光/.test(t.text)),
    ).toBe(true);
  });

  it('ticks new posts into the sites as the clock moves', async () => {
    const s = await start({ postsPerMinute: 60, live: false });
    try {
      const before = s.runtime.store.topLevel('weibo', NOW).length;
      await post(`${s.url}/_control/clock`, { now: NOW + 10 * 60_000 });
      const tick = await post(`${s.url}/_control/tick`, {});
      expect((tick.body as { added: number }).added).toBe(600);
      expect(s.runtime.store.topLevel('weibo', NOW + 10 * 60_000).length).toBeGreaterThan(before + 150);
    } finally {
      await s.close();
    }
  });
});
