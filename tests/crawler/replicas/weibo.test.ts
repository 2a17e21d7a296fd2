import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bidToMid,
  type ContentItem,
  midToBid,
  type RunningReplicas,
} from '../../../crawler/replicas/index.ts';
import {
  allWeiboPosts,
  json,
  type Mblog,
  NOW,
  postsOf,
  raw,
  type SearchBody,
  start,
  weiboSearchUrl,
} from './helpers.ts';

let r: RunningReplicas;
let base: string;

beforeAll(async () => {
  r = await start();
  base = r.baseUrls.weibo;
});
afterAll(async () => {
  await r.close();
});

function posts(pred: (i: ContentItem) => boolean): ContentItem[] {
  return r.runtime.store.topLevel('weibo', NOW).filter(pred);
}

/** Find a post through search by a distinctive prefix of its text. */
async function findViaSearch(item: ContentItem): Promise<Mblog | undefined> {
  const q =
    item.text
      .replace(/[#@[\]<>]/g, ' ')
      .trim()
      .split(/\s+/)[0]
      ?.slice(0, 12) ?? '';
  const found = await allWeiboPosts(base, q);
  return found.find((p) => p.id === item.id);
}

describe('m.weibo.cn replica: search', () => {
  it('returns ok:1 cards with card_type 9 posts, card_type 11 groups and non-post cards', async () => {
    const { status, body, headers } = await json<SearchBody>(weiboSearchUrl(base, '联通'));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body.ok).toBe(1);
    const cards = body.data.cards;
    expect(
      cards.some((c) => c.card_type === 11 && c.card_group?.some((g) => g.card_type === 9 && g.mblog)),
    ).toBe(true);
    expect(cards.some((c) => !c.mblog && !(c.card_group ?? []).some((g) => g.mblog))).toBe(true);
    const list = postsOf(cards);
    expect(list).toHaveLength(10);
    for (const p of list) {
      expect(p.id).toMatch(/^\d{16}$/);
      expect(p.mid).toBe(p.id);
      expect(bidToMid(p.bid)).toBe(p.id);
      expect(p.created_at).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} \+0800 \d{4}$/);
    }
    expect(list.some((p) => p.region_name?.startsWith('发布于 '))).toBe(true);
  });

  it('pages newest-first until ok:0 这里还没有内容', async () => {
    const all = await allWeiboPosts(base, '联通');
    expect(all.length).toBe(posts((i) => i.text.includes('联通')).length);
    const times = all.map((p) =>
      Date.parse(p.created_at.replace(/^\w+ (\w+) (\d+) ([\d:]+) \+0800 (\d+)$/, '$1 $2 $4 $3 GMT+0800')),
    );
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const last = await json<SearchBody>(weiboSearchUrl(base, '联通', 99));
    expect(last.body.ok).toBe(0);
    expect(last.body.msg).toBe('这里还没有内容');
  });

  it('matches a canonical brand name against its aliases', async () => {
    const viaCanonical = await allWeiboPosts(base, '中国联通');
    expect(viaCanonical.some((p) => !p.text.includes('中国联通'))).toBe(true);
  });
});

describe('m.weibo.cn replica: awkward posts', () => {
  it('truncates long posts with a 全文 link and serves the full text from statuses/extend', async () => {
    const long = posts((i) => i.truth.longText)[0];
    expect(long).toBeDefined();
    if (!long) return;
    const hit = await findViaSearch(long);
    expect(hit?.isLongText).toBe(true);
    expect(hit?.text).toMatch(new RegExp(`<a href="/status/${long.id}">全文</a>$`));
    const { body } = await json<{ ok: number; data: { longTextContent: string } }>(
      `${base}/statuses/extend?id=${long.id}`,
    );
    expect(body.ok).toBe(1);
    expect(cheerio.load(body.data.longTextContent).text().length).toBeGreaterThan(140);
  });

  it('renders emoticons as url-icon images and topics as surl-text spans', async () => {
    const decorated = posts((i) => /\[怒\]|\[赞\]|\[哈哈\]|\[泪\]/.test(i.text) && /#[^#]+#/.test(i.text))[0];
    expect(decorated).toBeDefined();
    if (!decorated) return;
    const hit = await findViaSearch(decorated);
    const $ = cheerio.load(hit?.text ?? '');
    expect($('span.url-icon img').attr('alt')).toMatch(/^\[.+\]$/);
    expect($('span.surl-text').first().text()).toMatch(/^#.+#$/);
  });

  it('has reposts, including one whose original was deleted (user: null)', async () => {
    const deleted = posts((i) => i.extra.deletedOriginal === true)[0];
    expect(deleted).toBeDefined();
    if (!deleted) return;
    const hit = (await allWeiboPosts(base, deleted.text.slice(0, 4))).find((p) => p.id === deleted.id);
    expect(hit?.retweeted_status?.user).toBeNull();
    const repost = posts((i) => Boolean(i.extra.repostOf) && !i.extra.deletedOriginal)[0];
    expect(repost).toBeDefined();
  });

  it('sends "1万+" string counts, "3.2万" follower strings and pics as an object', async () => {
    const viral = posts((i) => i.extra.stringCounts === true && i.truth.brands.length > 0)[0];
    expect(viral).toBeDefined();
    if (viral) expect((await findViaSearch(viral))?.attitudes_count).toMatch(/^\d+万\+$/);
    const picsObj = posts((i) => i.extra.picsAsObject === true && i.truth.brands.length > 0)[0];
    if (picsObj) {
      const hit = await findViaSearch(picsObj);
      expect(Array.isArray(hit?.pics)).toBe(false);
      expect(Object.keys(hit?.pics as object)).toContain('0');
    }
    const big = posts((i) => i.author.followers >= 10_000 && i.truth.brands.length > 0)[0];
    if (big) expect((await findViaSearch(big))?.user?.followers_count).toMatch(/万$/);
  });

  it('escapes hostile markup inside the HTML text field', async () => {
    const hostile = posts((i) => i.truth.hostile)[0];
    expect(hostile).toBeDefined();
    if (!hostile) return;
    const { text } = await raw(`${base}/statuses/extend?id=${hostile.id}`);
    const content = (JSON.parse(text) as { data: { longTextContent: string } }).data.longTextContent;
    expect(content).not.toMatch(/<script>|<img src=x|<svg/);
    expect(cheerio.load(content).text()).toMatch(/<script>|<img src=x|<svg/);
  });
});

describe('m.weibo.cn replica: comments and detail', () => {
  it('pages hotflow with max_id until 0, with comments:false or inline replies', async () => {
    const post = posts((i) => r.runtime.store.children('weibo', i.id, NOW).length > 12)[0];
    expect(post).toBeDefined();
    if (!post) return;
    const seen: number[] = [];
    let maxId = 0;
    let pages = 0;
    do {
      const q = maxId ? `&max_id=${maxId}` : '';
      const { body } = await json<{
        ok: number;
        data: {
          data: { id: number; source: string; comments: unknown }[];
          max_id: number;
          max_id_type: number;
        };
      }>(`${base}/comments/hotflow?id=${post.id}&mid=${post.id}&max_id_type=0${q}`, {
        headers: { Referer: `https://m.weibo.cn/detail/${post.id}` },
      });
      expect(body.ok).toBe(1);
      for (const c of body.data.data) {
        seen.push(c.id);
        expect(c.source).toMatch(/^来自/);
        expect(c.comments === false || Array.isArray(c.comments)).toBe(true);
      }
      maxId = body.data.max_id;
      pages++;
    } while (maxId !== 0 && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(r.runtime.store.children('weibo', post.id, NOW).length);
  });

  it('serves /detail/{id} with var $render_data and accepts the bid', async () => {
    const post = posts(() => true)[0];
    if (!post) throw new Error('no posts');
    for (const id of [post.id, midToBid(post.id)]) {
      const { status, text } = await raw(`${base}/detail/${id}`);
      expect(status).toBe(200);
      const m = /var \$render_data = (\[[\s\S]*?\])\[0\] \|\| \{\};/.exec(text);
      expect(m).not.toBeNull();
      const data = JSON.parse(m?.[1] ?? '[]') as { status: Mblog }[];
      expect(data[0]?.status.id).toBe(post.id);
    }
  });
});

describe('s.weibo.com browser page', () => {
  it('has no cards in the raw HTML; cards come from a base64 blob rendered by inline JS', async () => {
    const { text } = await raw(`${base}/sweibo/weibo?q=${encodeURIComponent('联通')}&typeall=1&suball=1`);
    const $ = cheerio.load(text);
    expect($('div.card-wrap').length).toBe(0);
    const blob = $('#feed-data').text();
    const data = JSON.parse(Buffer.from(blob, 'base64').toString('utf8')) as {
      cards: { mid: string; time: string }[];
      pages: number;
    };
    expect(data.cards.length).toBe(10);
    expect(data.pages).toBeLessThanOrEqual(50);
    expect(data.cards.some((c) => /刚刚|秒前|分钟前|今天 |月/.test(c.time))).toBe(true);
    expect($('script').text()).toContain("document.getElementById('pl_feedlist_index').innerHTML");
  });
});

describe('m.weibo.cn replica: legacy dates', () => {
  it('renders created_at as 刚刚 / N分钟前 / 昨天 HH:MM / MM-DD when weiboLegacyDates is on', async () => {
    const legacy = await start({ weiboLegacyDates: true });
    try {
      const all = await allWeiboPosts(legacy.baseUrls.weibo, '联通');
      const forms = all.map((p) => p.created_at);
      expect(forms.some((f) => /^\d+(分钟|小时)前$|^刚刚$/.test(f))).toBe(true);
      expect(forms.some((f) => /^昨天 \d{2}:\d{2}$/.test(f))).toBe(true);
      expect(
        forms.every((f) =>
          /^(刚刚|\d+分钟前|\d+小时前|昨天 \d{2}:\d{2}|\d{2}-\d{2}|\d{4}-\d{2}-\d{2})$/.test(f),
        ),
      ).toBe(true);
    } finally {
      await legacy.close();
    }
  });
});
