import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningReplicas } from '../../../crawler/replicas/index.ts';
import { json, NOW, raw, start } from './helpers.ts';

let r: RunningReplicas;

beforeAll(async () => {
  r = await start();
});
afterAll(async () => {
  await r.close();
});

interface ZhihuSearch {
  data: {
    type: string;
    object?: {
      type: string;
      id: string;
      title: string;
      question?: { id: string; name: string };
      created_time?: number;
      created?: number;
      comment_count: number;
    };
  }[];
  paging: { is_end: boolean; next: string };
}

describe('zhihu replica', () => {
  it('search_v3 mixes answers, articles and non-search_result items and pages with paging.next', async () => {
    const base = r.baseUrls.zhihu;
    const first = await json<ZhihuSearch>(
      `${base}/api/v4/search_v3?gk_version=gz-gaokao&t=general&q=${encodeURIComponent('联通')}&correction=1&offset=0&limit=20&filter_fields=&lc_idx=0&show_all_topics=0&search_source=Filter`,
    );
    expect(first.status).toBe(200);
    const types = new Set(first.body.data.map((d) => d.type));
    expect(types.has('search_result')).toBe(true);
    expect([...types].some((t) => t !== 'search_result')).toBe(true);
    const objects = first.body.data.filter((d) => d.type === 'search_result').map((d) => d.object);
    expect(objects).toHaveLength(20);
    const answer = objects.find((o) => o?.type === 'answer');
    const article = objects.find((o) => o?.type === 'article');
    expect(answer?.question?.id).toMatch(/^\d+$/);
    expect(answer?.created_time).toBeTypeOf('number');
    expect(article?.created).toBeTypeOf('number');
    expect(objects.some((o) => o?.title.includes('<em>联通</em>'))).toBe(true);
    const seen = new Set(objects.map((o) => o?.id));
    let paging = first.body.paging;
    while (!paging.is_end) {
      const next = await json<ZhihuSearch>(paging.next);
      for (const d of next.body.data) if (d.object) seen.add(d.object.id);
      paging = next.body.paging;
    }
    const expected = r.runtime.store
      .topLevel('zhihu', NOW)
      .filter((i) => `${i.title}${i.text}`.includes('联通')).length;
    expect(seen.size).toBe(expected);
  });

  it('root comments carry comment_tag ip_info; no comments gives 404', async () => {
    const base = r.baseUrls.zhihu;
    const posts = r.runtime.store.topLevel('zhihu', NOW);
    const withComments = posts.find((p) => r.runtime.store.children('zhihu', p.id, NOW).length > 10);
    const without = posts.find((p) => r.runtime.store.children('zhihu', p.id, NOW).length === 0);
    if (!withComments || !without) throw new Error('fixture lacks commented/uncommented posts');
    const kind = `${withComments.extra.zhihuType}s`;
    const page = await json<{
      data: { id: string; type: string; comment_tag: { type: string; text: string }[] }[];
      paging: { is_end: boolean; next: string };
    }>(`${base}/api/v4/comment_v5/${kind}/${withComments.id}/root_comment?order=score&offset=&limit=10`);
    expect(page.body.data).toHaveLength(10);
    expect(page.body.data[0]?.comment_tag[0]).toMatchObject({ type: 'ip_info' });
    expect(page.body.data[0]?.comment_tag[0]?.text).toMatch(/^IP 属地.+/);
    expect(page.body.paging.is_end).toBe(false);
    const second = await json<{ data: { id: string }[] }>(page.body.paging.next);
    expect(second.body.data[0]?.id).not.toBe(page.body.data[0]?.id);
    const none = await raw(
      `${base}/api/v4/comment_v5/${without.extra.zhihuType}s/${without.id}/root_comment?order=score&limit=10`,
    );
    expect(none.status).toBe(404);
  });

  it('answers 403 40362 on a block and 10003 without d_c0 when signing is required', async () => {
    const base = r.baseUrls.zhihu;
    r.runtime.faults.add([{ site: 'zhihu', kind: 'block', variant: '40362', count: 1 }]);
    const blocked = await json<{ error: { code: number } }>(`${base}/api/v4/search_v3?q=x`);
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe(40362);
    r.runtime.requireCookie.zhihu = true;
    try {
      const unsigned = await json<{ error: { code: number } }>(`${base}/api/v4/search_v3?q=x`);
      expect(unsigned.body.error.code).toBe(10003);
      expect((await raw(`${base}/api/v4/search_v3?q=x`, { headers: { cookie: 'd_c0=abc' } })).status).toBe(
        200,
      );
    } finally {
      delete r.runtime.requireCookie.zhihu;
    }
  });

  it('detail pages embed js-initialData entities', async () => {
    const answer = r.runtime.store.topLevel('zhihu', NOW).find((p) => p.extra.zhihuType === 'answer');
    if (!answer) throw new Error('no answer');
    const { text } = await raw(`${r.baseUrls.zhihu}/question/${answer.extra.questionId}/answer/${answer.id}`);
    const data = JSON.parse(cheerio.load(text)('script#js-initialData').text()) as {
      initialState: { entities: { answers: Record<string, unknown> } };
    };
    expect(Object.keys(data.initialState.entities.answers)).toEqual([answer.id]);
  });
});

interface HeimaoBody {
  result: {
    status: { code: number };
    data: {
      lists: {
        main: { sn: string; title: string; url: string; timestamp: string; summary: string };
        author: { title: string };
      }[];
      pager: { current: number; page_amount: number; item_count: number; next: number };
    };
  };
}

describe('heimao replica', () => {
  it('replies with a login HTML page to a search without the SUB cookie', async () => {
    const res = await raw(
      `${r.baseUrls.heimao}/api/index/s?ts=1&rs=abc&signature=x&keywords=${encodeURIComponent('联通')}&page_size=10&page=1`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.text).toMatch(/^<!doctype html>/i);
    expect(res.text).toContain('登录');
  });

  it('searches as JSON and JSONP with a cookie, with code-red highlights and pager fields', async () => {
    const url = `${r.baseUrls.heimao}/api/index/s?ts=1&rs=abc&signature=x&keywords=${encodeURIComponent('联通')}&page_size=10&page=1`;
    const headers = { cookie: 'SUB=_2A25test', 'x-requested-with': 'XMLHttpRequest' };
    const res = await json<HeimaoBody>(url, { headers });
    expect(res.body.result.status.code).toBe(0);
    const { lists, pager } = res.body.result.data;
    expect(lists).toHaveLength(10);
    expect(pager.page_amount).toBe(Math.ceil(pager.item_count / 10));
    expect(lists.some((l) => l.main.title.includes('<span class="code-red">联通</span>'))).toBe(true);
    expect(lists[0]?.main.url).toMatch(/^\/\/127\.0\.0\.1:\d+\/heimao\/complaint\/view\/\d+\/$/);
    expect(lists[0]?.main.timestamp).toMatch(/^\d{10}$/);
    const jsonp = await raw(`${url}&callback=jQuery1123_99`, { headers });
    const m = /^try\{jQuery1123_99\((.*)\);\}catch\(e\)\{\};$/s.exec(jsonp.text);
    expect(JSON.parse(m?.[1] ?? 'null')).toEqual(res.body);
  });

  it('serves the feed without login and detail pages with a steplist', async () => {
    const feed = await json<HeimaoBody>(
      `${r.baseUrls.heimao}/api/index/feed?ts=1&rs=a&signature=b&type=2&page_size=10&page=1`,
    );
    const sn = feed.body.result.data.lists[0]?.main.sn;
    expect(sn).toBeDefined();
    const { text } = await raw(`${r.baseUrls.heimao}/complaint/view/${sn}/`);
    const $ = cheerio.load(text);
    expect($('div.ts-d-question h1.article').text().length).toBeGreaterThan(0);
    const labels = $('ul.ts-q-list > li > label')
      .toArray()
      .map((l) => $(l).text());
    expect(labels).toEqual([
      '投诉编号：',
      '投诉对象：',
      '投诉问题：',
      '投诉要求：',
      '涉诉金额：',
      '投诉进度：',
    ]);
    expect($('ul.ts-q-list > li').last().find('b').text().length).toBeGreaterThan(0);
    expect($('div.ts-d-steplist > div.ts-d-item').first().find('span.u-status').text()).toBe('投诉发布');
  });

  it('escapes hostile text in the detail page HTML', async () => {
    const hostile = r.runtime.store.topLevel('heimao', NOW).find((i) => i.truth.hostile);
    if (!hostile) throw new Error('no hostile heimao item');
    const { text } = await raw(`${r.baseUrls.heimao}/complaint/view/${hostile.id}/`);
    expect(text).not.toMatch(/<script>alert|<img src=x|<svg onload/);
    expect(cheerio.load(text)('.ts-d-cont').text()).toMatch(/<script>alert|<img src=x|<svg onload/);
  });
});
