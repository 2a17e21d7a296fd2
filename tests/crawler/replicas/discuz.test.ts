import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningReplicas } from '../../../crawler/replicas/index.ts';
import { gbk, gbkQuery, NOW, raw, start } from './helpers.ts';

let r: RunningReplicas;
let base: string;

beforeAll(async () => {
  r = await start({ discuzFloodSeconds: 15 });
  base = r.baseUrls.discuz;
});
afterAll(async () => {
  await r.close();
});

/** Search with the client IP's flood timer reset, by moving the clock. */
async function search(kw: string, t: number) {
  r.runtime.setClock(t);
  try {
    return await raw(`${base}/search.php?mod=forum&srchtxt=${gbkQuery(kw)}&searchsubmit=yes`);
  } finally {
    r.runtime.setClock(null);
  }
}

describe('discuz replica', () => {
  it('serves GBK forumdisplay pages with sticky and normal threads and span-title dates', async () => {
    const res = await raw(`${base}/forum.php?mod=forumdisplay&fid=12`);
    expect(res.headers.get('content-type')).toMatch(/charset=GBK/i);
    const html = gbk(res.bytes);
    expect(html).toContain('charset=gbk');
    const $ = cheerio.load(html);
    expect($('table#threadlisttableid tbody[id^="stickthread_"]').length).toBe(1);
    expect($('tbody#separatorline').length).toBe(1);
    const rows = $('table#threadlisttableid tbody[id^="normalthread_"]');
    expect(rows.length).toBeGreaterThan(3);
    const title = rows.first().find('th a.s.xst').text();
    const tid = rows.first().attr('id')?.replace('normalthread_', '') ?? '';
    expect(r.runtime.store.get('discuz', tid)?.title).toBe(title);
    expect(rows.first().find('td.by cite a').first().attr('href')).toMatch(/^space-uid-\d+\.html$/);
    const lastDates = rows.toArray().map((row) => $(row).find('td.by').last().find('span[title]'));
    expect(
      lastDates.some((s) => /^\d{4}-\d{1,2}-\d{1,2} \d{2}:\d{2}:\d{2}$/.test(s.attr('title') ?? '')),
    ).toBe(true);
    expect(html).toMatch(/(天前|小时前|分钟前|昨天|前天)/);
  });

  it('serves viewthread pages with authorposton dates and quote blocks', async () => {
    const quoted = r.runtime.store
      .topLevel('discuz', NOW)
      .flatMap((t) => r.runtime.store.children('discuz', t.id, NOW).slice(0, 10))
      .find((p) => p.extra.quoteOf);
    if (!quoted) throw new Error('no quoting reply');
    const page = gbk(
      (await raw(`${base}/forum.php?mod=viewthread&tid=${quoted.threadId}&extra=page%3D1&page=1`)).bytes,
    );
    const $ = cheerio.load(page);
    expect($('span#thread_subject').text()).toBe(r.runtime.store.get('discuz', quoted.threadId ?? '')?.title);
    const post = $(`div#post_${quoted.id}`);
    expect(post.find('td.t_f div.quote > blockquote').length).toBe(1);
    expect(post.find(`em#authorposton${quoted.id}`).text()).toMatch(/^发表于 /);
    const body = post.find(`td#postmessage_${quoted.id}`).clone();
    body.find('div.quote, i.pstatus').remove();
    expect(body.text().trim()).toBe(quoted.text);
    const rewrite = gbk((await raw(`${base}/thread-${quoted.threadId}-1-1.html`)).bytes);
    expect(cheerio.load(rewrite)(`div#post_${quoted.id}`).length).toBe(1);
  });

  it('redirects a GBK search to searchid results, then rate-limits with the messagetext flood page', async () => {
    const first = await search('联通', NOW + 1_000_000);
    expect(first.status).toBe(302);
    const location = first.headers.get('location') ?? '';
    expect(location).toMatch(
      /^search\.php\?mod=forum&searchid=\d+&orderby=lastpost&ascdesc=desc&searchsubmit=yes&kw=%C1%AA%CD%A8$/,
    );
    const results = cheerio.load(gbk((await raw(`${base}/${location}`)).bytes));
    const items = results('div#threadlist li.pbw');
    expect(items.length).toBeGreaterThan(0);
    expect(items.first().find('h3.xs3 a strong font[color="#ff0000"]').text()).toBe('联通');
    expect(items.first().find('p.xg1').text()).toMatch(/^\d+ 个回复 - \d+ 次查看$/);
    const flood = await search('联通', NOW + 1_005_000);
    expect(cheerio.load(gbk(flood.bytes))('div#messagetext').text()).toContain(
      '抱歉，您在 15 秒内只能进行一次搜索',
    );
    const expired = await raw(
      `${base}/search.php?mod=forum&searchid=99999&orderby=lastpost&ascdesc=desc&searchsubmit=yes`,
    );
    expect(gbk(expired.bytes)).toContain('指定的搜索不存在或已过期');
  });

  it('accepts a POSTed GBK search form', async () => {
    r.runtime.setClock(NOW + 2_000_000);
    try {
      const res = await raw(`${base}/search.php?mod=forum`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `formhash=8f3c2a1b&srchtxt=${gbkQuery('宽带')}&searchsubmit=yes`,
      });
      expect(res.status).toBe(302);
    } finally {
      r.runtime.setClock(null);
    }
  });
});
