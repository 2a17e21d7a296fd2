import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSource } from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import {
  collector,
  FAST,
  matchingPosts,
  NOW,
  replicaSource,
  startTestReplicas,
  toMinute,
} from './helpers.ts';

/** What s.weibo.com's relative time text resolves to: "N分钟前"/"N秒前" count back from now, else minutes. */
function shownTime(at: number): number {
  const ago = NOW - at;
  if (ago < 10_000) return NOW;
  if (ago < 60_000) return NOW - Math.floor(ago / 1000) * 1000;
  if (ago < 3_600_000) return NOW - Math.floor(ago / 60_000) * 60_000;
  return toMinute(at);
}

describe('weibo browser adapter (s.weibo.com replica in Chromium)', () => {
  let rep: RunningReplicas;
  const got = collector();
  let pages = 0;
  beforeAll(async () => {
    rep = await startTestReplicas();
    const source = replicaSource(rep, 'weibo', {
      id: 'sweibo',
      browser: true,
      baseUrl: `${rep.baseUrls.weibo}/sweibo`,
      queries: ['联通'],
      maxConcurrency: 2,
    });
    const res = await crawlSource({ ...FAST, source, sink: got.sink });
    expect(res.status).toBe('ok');
    pages = res.pages;
  });
  afterAll(async () => {
    await rep.close();
  });

  it('renders the client-side cards and pages with a.next', () => {
    const expected = matchingPosts(rep, 'weibo', '联通');
    expect(pages).toBe(Math.ceil(expected.length / 10));
    for (const p of expected) expect(got.byId.has(p.id), p.id).toBe(true);
  });

  it('normalizes cards: full text (收起全文 dropped), relative times, counts, author', () => {
    for (const p of matchingPosts(rep, 'weibo', '联通')) {
      const m = got.byId.get(p.id);
      expect(m, p.id).toMatchObject({
        text: p.truth.text,
        author: { id: String(p.author.id), name: p.author.name },
        engagement: { reposts: p.reposts, likes: p.likes },
      });
      expect(m?.publishedAt.getTime()).toBe(shownTime(p.publishedAt));
      expect(m?.url).toMatch(/^https:\/\/weibo\.com\/\d+\/[0-9A-Za-z]+$/);
    }
  });
});
