import * as cheerio from 'cheerio';
import { type Browser, chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/index.ts';
import type { RunningReplicas } from '../../../crawler/replicas/index.ts';
import { raw, start } from './helpers.ts';

let r: RunningReplicas;
let browser: Browser;

beforeAll(async () => {
  r = await start();
  browser = await chromium.launch({ executablePath: loadConfig({ file: {} }).env.CHROMIUM_PATH });
});
afterAll(async () => {
  await browser.close();
  await r.close();
});

describe('s.weibo.com search page (browser route)', () => {
  it('shows no cards to plain HTTP but renders the s.weibo.com card skeleton in Chromium', async () => {
    const url = `${r.browserSearchUrl}?q=${encodeURIComponent('联通')}&typeall=1&suball=1`;
    expect(cheerio.load((await raw(url)).text)('div.card-wrap').length).toBe(0);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    const cards = page.locator('div.card-wrap[mid]');
    expect(await cards.count()).toBe(10);
    const first = cards.first();
    expect(await first.getAttribute('mid')).toMatch(/^\d{16}$/);
    expect(await first.locator('div.content > div.info a[nick-name]').count()).toBe(1);
    expect(await first.locator('p.txt[node-type="feed_list_content"]').textContent()).toContain('联通');
    expect(await first.locator('div.from > a').first().getAttribute('href')).toMatch(
      /^\/\/weibo\.com\/\d+\/\w+\?refer_flag=/,
    );
    expect(await first.locator('a[action-type="feed_list_forward"]').textContent()).toMatch(/转发/);
    expect(await page.locator('a.next').getAttribute('href')).toMatch(/page=2$/);
    expect(errors).toEqual([]);
    await page.goto(`${r.browserSearchUrl}?q=${encodeURIComponent('不存在的关键词xyz')}`);
    expect(await page.locator('div.card.card-no-result').count()).toBe(1);
    await page.close();
  });
});
