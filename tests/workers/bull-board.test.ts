import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { createBullBoardRouter, createQueues, QUEUE_NAMES } from '../../workers/index.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';

describe('Bull Board router', () => {
  const prefix = uniquePrefix('wb');
  const redis = testRedis(prefix);
  const queues = createQueues({ redisUrl: testRedisUrl(), prefix });
  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
  });

  it('serves the five queues under the mount path', async () => {
    const app = express();
    app.use('/admin/queues', createBullBoardRouter(queues));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/queues`;
      const res = await fetch(`${base}/api/queues`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { queues: { name: string }[] };
      expect(body.queues.map((q) => q.name).sort()).toEqual([...QUEUE_NAMES].sort());
      expect((await fetch(`${base}/`)).status).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
