import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  crawlSource,
  memoryCrawlState,
  memoryHostRateLimiter,
  rateKey,
  redisHostRateLimiter,
} from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { testRedis, uniquePrefix } from '../helpers/redis.ts';
import { collector, FAST, replicaSource, startTestReplicas } from './helpers.ts';

/** When each of `n` concurrent acquisitions was granted, in ms since the start. */
async function grants(acquire: () => Promise<void>, n: number): Promise<number[]> {
  const t0 = performance.now();
  return Promise.all(Array.from({ length: n }, () => acquire().then(() => performance.now() - t0)));
}

describe('per-site request rate across crawl runs', () => {
  const prefix = uniquePrefix('rate');
  const { redis, cleanup } = testRedis(prefix);
  let rep: RunningReplicas;
  beforeAll(async () => {
    rep = await startTestReplicas();
  });
  afterAll(async () => {
    await rep.close();
    await cleanup();
  });

  it('keys a site by host, and a local replica by its site path as well', () => {
    expect(
      rateKey({ replica: false, baseUrl: 'https://weibo.com/' }, 'https://weibo.com/ajax/x?page=2'),
    ).toBe('weibo.com');
    expect(
      rateKey(
        { replica: true, baseUrl: 'http://127.0.0.1:4000/tieba' },
        'http://127.0.0.1:4000/tieba/f?kw=x',
      ),
    ).toBe('127.0.0.1:4000/tieba');
  });

  it('spaces the requests of one process, whoever makes them', async () => {
    const limiter = memoryHostRateLimiter();
    const times = await grants(() => limiter.acquire('a.example', 600), 4);
    // 600 a minute is one every 100 ms: the fourth waits for three intervals.
    expect(Math.max(...times)).toBeGreaterThanOrEqual(290);
    const other = await grants(() => limiter.acquire('b.example', 600), 1);
    expect(other[0]).toBeLessThan(100);
  });

  it('spaces the requests of several processes through Redis', async () => {
    const a = redisHostRateLimiter(redis, prefix);
    const b = redisHostRateLimiter(redis.duplicate(), prefix);
    const times = await grants(() => a.acquire('shared.example', 1200), 3);
    const both = await grants(async () => {
      await Promise.all([a.acquire('shared.example', 1200), b.acquire('shared.example', 1200)]);
    }, 3);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(90);
    // Six more reservations at 50 ms each, after the three above: the last waits about 0.3 s.
    expect(Math.max(...both)).toBeGreaterThanOrEqual(240);
    const ttl = await redis.pttl(`${prefix}:host-rate:shared.example`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThan(2000);
  });

  it('makes two runs on one site share its rate', async () => {
    const limiter = memoryHostRateLimiter();
    const run = (query: string) =>
      crawlSource({
        ...FAST,
        source: replicaSource(rep, 'weibo', {
          id: query === '联通' ? 'weibo-a' : 'weibo-b',
          queries: [query],
          maxRequestsPerMinute: 300,
          maxPagesPerRun: 2,
        }),
        sink: collector().sink,
        state: memoryCrawlState(),
        comments: false,
        hostRateLimiter: limiter,
      });
    const t0 = performance.now();
    const [x, y] = await Promise.all([run('联通'), run('移动')]);
    const elapsed = performance.now() - t0;
    const pages = (x?.pages ?? 0) + (y?.pages ?? 0);
    expect(pages).toBeGreaterThanOrEqual(3);
    // 300 a minute is one every 200 ms for the site, not for each run.
    expect(elapsed).toBeGreaterThanOrEqual((pages - 1) * 200 - 20);
  });
});
