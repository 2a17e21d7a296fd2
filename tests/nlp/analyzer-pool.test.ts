import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'node:worker_threads';
import { TransientError, ValidationError } from '../../core/index.ts';
import {
  type AnalyzeItem,
  type BatchAnalyzer,
  createAnalyzer,
  createAnalyzerPool,
  inProcessBatchAnalyzer,
} from '../../nlp/index.ts';

const SALT = 'pool-test-salt';
const ITEMS: AnalyzeItem[] = [
  { text: '联通宽带又断网了，打10010半天没人接，气死了！！！' },
  { text: '从联通转到移动，信号好多了[哈哈]', meta: { followers: 12_000 } },
  { text: '<p>电信诈骗又来了，大家小心 13812345678</p>', meta: { html: true } },
  { text: '中国电信发布2025年第三季度业绩公告。' },
  { text: '' },
];

describe('analyzer pool (worker threads)', () => {
  let pool: BatchAnalyzer;
  beforeAll(async () => {
    pool = await createAnalyzerPool({ threads: 2, piiSalt: SALT });
  }, 60_000);
  afterAll(async () => {
    await pool.close();
  });

  it('gives exactly what the analyzer gives on the calling thread, in input order', async () => {
    const local = await inProcessBatchAnalyzer(createAnalyzer({ piiSalt: SALT })).analyzeMany(ITEMS);
    const threaded = await pool.analyzeMany(ITEMS);
    expect(threaded).toEqual(local);
    expect(threaded[2]?.text).not.toContain('13812345678');
    expect(threaded[1]?.brands).toEqual(expect.arrayContaining(['中国联通', '中国移动']));
  });

  it('spreads concurrent batches over the threads and answers each one', async () => {
    const batches = Array.from({ length: 8 }, (_, i) =>
      Array.from({ length: 50 }, (_v, k) => ({ text: `联通${i}号套餐第${k}次乱扣费，投诉无门` })),
    );
    const out = await Promise.all(batches.map((b) => pool.analyzeMany(b)));
    expect(out.map((o) => o.length)).toEqual(batches.map((b) => b.length));
    for (const o of out) for (const a of o) expect(a.sentiment.label).toBe('neg');
  });

  it('rejects a batch with a bad item with a ValidationError naming it', async () => {
    const bad = [{ text: '好' }, { text: 42 as unknown as string }];
    await expect(pool.analyzeMany(bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(pool.analyzeMany(bad)).rejects.toThrow(/item 1: text must be a string/);
  });

  it('finishes the batches in flight when closed, then refuses new ones', async () => {
    const own = await createAnalyzerPool({ threads: 1, piiSalt: SALT });
    const inFlight = own.analyzeMany(ITEMS);
    await own.close();
    expect(await inFlight).toHaveLength(ITEMS.length);
    await expect(own.analyzeMany(ITEMS)).rejects.toThrow(/closed/);
  }, 60_000);

  it('fails the batches of a thread that dies as retryable, and answers the next batch on a new thread', async () => {
    const started: Worker[] = [];
    const own = await createAnalyzerPool({ threads: 1, piiSalt: SALT, onThread: (w) => started.push(w) });
    try {
      expect(started).toHaveLength(1);
      const big = Array.from({ length: 2000 }, (_, k) => ({ text: `联通第${k}次断网，客服不管` }));
      const doomed = own.analyzeMany(big);
      await started[0]?.terminate();
      await expect(doomed).rejects.toBeInstanceOf(TransientError);
      await expect(doomed).rejects.toThrow(/analyzer thread exited/);
      const after = await own.analyzeMany(ITEMS);
      expect(after).toHaveLength(ITEMS.length);
      expect(after[0]?.sentiment.label).toBe('neg');
      expect(started).toHaveLength(2);
      expect(started[1]?.threadId).not.toBe(-1);
    } finally {
      await own.close();
    }
  }, 60_000);
});
