import * as cheerio from 'cheerio';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningReplicas } from '../../../crawler/replicas/index.ts';
import { gbkQuery, NOW, raw, start } from './helpers.ts';

let r: RunningReplicas;
let base: string;

beforeAll(async () => {
  r = await start();
  base = r.baseUrls.tieba;
});
afterAll(async () => {
  await r.close();
});

/** Decode a %XX sequence as GBK. */
function decodeGbkParam(href: string, key: string): string {
  const value = new RegExp(`[?&]${key}=([^&]*)`).exec(href)?.[1] ?? '';
  const bytes = [...value.matchAll(/%([0-9A-F]{2})/gi)].map((m) => Number.parseInt(m[1] ?? '0', 16));
  return iconv.decode(Buffer.from(bytes), 'gbk');
}

describe('tieba replica', () => {
  it('search results link forums and users with GBK-encoded names', async () => {
    const { status, text } = await raw(
      `${base}/f/search/res?ie=utf-8&qw=${encodeURIComponent('联通')}&rn=10&pn=1&sm=1&only_thread=1`,
    );
    expect(status).toBe(200);
    const $ = cheerio.load(text);
    const rows = $('div.s_post_list > div.s_post');
    expect(rows.length).toBe(10);
    const first = rows.first();
    const link = first.find('span.p_title > a.bluelink');
    expect(link.attr('data-tid')).toMatch(/^\d+$/);
    expect(link.attr('href')).toMatch(/^\/tieba\/p\/\d+\?pid=\d+&cid=0#\d+$/);
    expect(link.find('em').text()).toBe('联通');
    const forum = first.find('a.p_forum');
    expect(decodeGbkParam(forum.attr('href') ?? '', 'kw')).toBe(forum.find('font.p_violet').text());
    expect(first.find('font.p_green.p_date').text()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const next = $('a.next').attr('href') ?? '';
    expect(decodeGbkParam(next, 'qw')).toBe('联通');
    const page2 = await raw(`${base}${next.replace(/^\/tieba/, '')}`);
    expect(cheerio.load(page2.text)('div.s_post').first().find('a.bluelink').attr('data-tid')).not.toBe(
      link.attr('data-tid'),
    );
  });

  it('decodes GBK query values when ie=utf-8 is absent', async () => {
    const { text } = await raw(`${base}/f/search/res?qw=${gbkQuery('联通')}&rn=5&pn=1&only_thread=1`);
    expect(cheerio.load(text)('div.s_post').length).toBe(5);
  });

  it('ships the forum thread list inside <code><!-- --></code> BigPipe comments with data-field JSON', async () => {
    const { text } = await raw(`${base}/f?kw=${gbkQuery('联通')}&pn=0`);
    const $ = cheerio.load(text);
    expect($('title').text()).toBe('联通吧-百度贴吧');
    expect($('li.j_thread_list').length).toBe(0);
    expect(text).toMatch(/PageData\.forum = \{ id: "\d+", forum_id: "\d+", name: '联通'/);
    const inner = $('code[id="pagelet_html_frs-list/pagelet/thread_list"]').html() ?? '';
    const $list = cheerio.load(inner.replace(/<!--|-->/g, ''));
    const items = $list('ul#thread_list > li.j_thread_list');
    expect(items.length).toBeGreaterThan(3);
    const field = JSON.parse(items.first().attr('data-field') ?? '{}') as {
      id: number;
      first_post_id: number;
      reply_num: number;
    };
    expect(String(field.id)).toBe(items.first().attr('data-tid'));
    expect(field.first_post_id).toBeGreaterThan(0);
    expect(items.first().find('span.threadlist_rep_num').text()).toBe(String(field.reply_num));
    expect(items.first().find('a.j_th_tit').attr('href')).toBe(`/tieba/p/${field.id}`);
    expect(
      items
        .toArray()
        .map((li) => $list(li).find('span.is_show_create_time').text())
        .every((t) => /^(\d{2}:\d{2}|\d{1,2}-\d{1,2}|\d{4}-\d{2})$/.test(t)),
    ).toBe(true);
  });

  it('serves thread floors with data-field JSON, IP属地 tails and pn paging', async () => {
    const long = r.runtime.store
      .topLevel('tieba', NOW)
      .find((t) => r.runtime.store.children('tieba', t.id, NOW).length >= 30);
    expect(long).toBeDefined();
    if (!long) return;
    const { text } = await raw(`${base}/p/${long.id}?pn=1`);
    const $ = cheerio.load(text);
    expect($('h3.core_title_txt').attr('title')).toContain(long.title);
    expect($('li.l_reply_num span.red').last().text()).toBe('2');
    const floors = $('div.l_post.j_l_post');
    expect(floors.length).toBe(30);
    const f = JSON.parse(floors.first().attr('data-field') ?? '{}') as {
      content: { post_no: number; thread_id: number; post_id: number };
    };
    expect(f.content.post_no).toBe(1);
    expect(String(f.content.thread_id)).toBe(long.id);
    expect(String(f.content.post_id)).toBe(long.extra.firstPostId);
    const tail = floors.eq(1).find('.post-tail-wrap');
    expect(tail.find('span').first().text()).toMatch(/^IP属地:.+/);
    expect(tail.find('span.tail-info').last().text()).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const page2 = cheerio.load((await raw(`${base}/p/${long.id}?pn=2`)).text);
    expect(page2('div.l_post').length).toBe(r.runtime.store.children('tieba', long.id, NOW).length + 1 - 30);
  });

  it('serves 楼中楼 pages with unpadded lzl_time dates', async () => {
    const floor = r.runtime.store
      .topLevel('tieba', NOW)
      .flatMap((t) => r.runtime.store.children('tieba', t.id, NOW))
      .find((f) => r.runtime.store.children('tieba', f.id, NOW).length > 0);
    expect(floor).toBeDefined();
    if (!floor) return;
    const { text } = await raw(`${base}/p/comment?tid=${floor.threadId}&pid=${floor.id}&fid=1&pn=1`);
    const $ = cheerio.load(`<ul>${text}</ul>`);
    const first = $('li.lzl_single_post').first();
    expect(JSON.parse(first.attr('data-field') ?? '{}')).toHaveProperty('spid');
    expect(first.find('span.lzl_time').text()).toMatch(/^\d{4}-[1-9]\d?-[1-9]\d? \d{2}:\d{2}$/);
    expect(first.find('span.lzl_content_main').text().length).toBeGreaterThan(0);
  });

  it('produces the wappass 302, the 403 百度安全验证 page and a "blocked" body', async () => {
    r.runtime.faults.add([
      { site: 'tieba', kind: 'block', variant: 'wappass', count: 1 },
      { site: 'tieba', kind: 'block', variant: '403', count: 1 },
      { site: 'tieba', kind: 'block', variant: 'blocked', count: 1 },
    ]);
    const a = await raw(`${base}/f?kw=${gbkQuery('联通')}`);
    expect(a.status).toBe(302);
    expect(a.headers.get('location')).toMatch(
      /wappass\.baidu\.com\/static\/captcha\/tuxing\.html\?ak=.*&backurl=/,
    );
    const b = await raw(`${base}/f?kw=${gbkQuery('联通')}`);
    expect(b.status).toBe(403);
    expect(cheerio.load(b.text)('title').text()).toBe('百度安全验证');
    const c = await raw(`${base}/f?kw=${gbkQuery('联通')}`);
    expect(c.text).toBe('blocked');
    expect((await raw(`${base}/f?kw=${gbkQuery('联通')}`)).status).toBe(200);
  });

  it('redirects to wappass when BDUSS is required and missing', async () => {
    r.runtime.requireCookie.tieba = true;
    try {
      expect((await raw(`${base}/p/1`)).status).toBe(302);
      expect(
        (
          await raw(`${base}/p/${r.runtime.store.topLevel('tieba', NOW)[0]?.id}`, {
            headers: { cookie: 'BDUSS=abc' },
          })
        ).status,
      ).toBe(200);
    } finally {
      delete r.runtime.requireCookie.tieba;
    }
  });
});
