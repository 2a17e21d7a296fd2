import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CRAWL_QUEUE,
  type CrawlJobData,
  memoryCrawlState,
  runBackfill,
  scheduleCrawls,
  startCrawlWorker,
} from '../../crawler/index.ts';
import type { RunningReplicas } from '../../crawler/replicas/index.ts';
import { testRedis, uniquePrefix } from '../helpers/redis.ts';
import { collector, FAST, matchingPosts, NOW, replicaSource, startTestReplicas } from './helpers.ts';

describe('crawl scheduling (BullMQ) and backfill', () => {
  let rep: RunningReplicas;
  const prefix = uniquePrefix('crawl');
  const { redis, cleanup } = testRedis(prefix);
  beforeAll(async () => {
    rep = await startTestReplicas();
  });
  afterAll(async () => {
    await rep.close();
    await cleanup();
  });

  it('keeps one job scheduler per enabled source and target, and removes stale ones', async () => {
    const weibo = replicaSource(rep, 'weibo', { queries: ['联通', '移动'], intervalSeconds: 60 });
    const discuz = replicaSource(rep, 'discuz', { boards: ['12'], intervalSeconds: 120 });
    const off = replicaSource(rep, 'tieba', { queries: ['联通'], enabled: false });
    const first = await scheduleCrawls({ connection: redis, prefix, sources: [weibo, discuz, off] });
    expect(first.upserted).toHaveLength(3);
    expect(first.upserted.every((id) => !id.includes(':'))).toBe(true);
    const queue = new Queue<CrawlJobData>(CRAWL_QUEUE, { connection: redis, prefix });
    const schedulers = await queue.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.every).sort()).toEqual([120_000, 60_000, 60_000]);
    const again = await scheduleCrawls({ connection: redis, prefix, sources: [weibo] });
    expect(again.upserted).toHaveLength(2);
    expect(again.removed).toHaveLength(1);
    await scheduleCrawls({ connection: redis, prefix, sources: [] });
    expect(await queue.getJobSchedulers(0, -1)).toEqual([]);
    // Removing a scheduler leaves its next job queued: clear them before the worker test.
    await queue.obliterate({ force: true });
    await queue.close();
  });

  it('a crawl worker runs crawlSource for each job and skips unknown sources', async () => {
    const source = replicaSource(rep, 'weibo', { queries: ['联通'] });
    const got = collector();
    const worker = startCrawlWorker({
      connection: redis.duplicate(),
      prefix,
      sources: [source],
      sink: got.sink,
      crawl: { ...FAST, state: memoryCrawlState(), comments: false },
    });
    const queue = new Queue<CrawlJobData>(CRAWL_QUEUE, { connection: redis, prefix });
    const events = new QueueEvents(CRAWL_QUEUE, { connection: redis.duplicate(), prefix });
    await events.waitUntilReady();
    const job = await queue.add('crawl', { sourceId: source.id, target: '联通' });
    const result = (await job.waitUntilFinished(events, 30_000)) as { status: string; items: number };
    expect(result).toMatchObject({ status: 'ok' });
    expect(result.items).toBe(got.all.length);
    expect(got.all.length).toBeGreaterThan(10);
    const stale = await queue.add('crawl', { sourceId: 'gone', target: 'x' });
    expect(await stale.waitUntilFinished(events, 30_000)).toMatchObject({ status: 'skipped' });
    await worker.close();
    await events.close();
    await queue.close();
  });

  it('runBackfill pages back to `since`, reporting progress', async () => {
    const since = new Date(NOW - 6 * 3_600_000);
    const got = collector();
    const progress: number[] = [];
    const res = await runBackfill({
      source: replicaSource(rep, 'weibo', { id: 'weibo-backfill', queries: ['联通'] }),
      query: '联通',
      since,
      sink: got.sink,
      now: () => new Date(NOW),
      onProgress: (p) => progress.push(p.pages),
    });
    expect(res.status).toBe('ok');
    const wanted = matchingPosts(rep, 'weibo', '联通').filter((p) => p.publishedAt >= since.getTime());
    for (const p of wanted) expect(got.byId.has(p.id)).toBe(true);
    const all = matchingPosts(rep, 'weibo', '联通');
    expect(res.targets[0]?.listPages).toBeLessThan(Math.ceil(all.length / 10));
    expect(progress.length).toBeGreaterThan(0);
  });
});
