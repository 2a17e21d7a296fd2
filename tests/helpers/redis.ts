import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { inject } from 'vitest';
import { createRedisConnection } from '../../core/index.ts';

/** The suite's private redis-server URL. */
export function testRedisUrl(): string {
  return inject('redisUrl');
}

/** A unique key/queue prefix for one test file, so files never see each other's keys. */
export function uniquePrefix(label = 't'): string {
  return `${label}${randomBytes(5).toString('hex')}`;
}

/** A connection to the suite's redis plus a cleanup that deletes every key under `prefix`. */
export function testRedis(prefix: string): { redis: Redis; cleanup(): Promise<void> } {
  const redis = createRedisConnection(testRedisUrl(), { name: `test-${prefix}` });
  return {
    redis,
    async cleanup() {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
