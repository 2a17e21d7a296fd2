import type { Redis } from 'ioredis';
import type { SourceConfig } from '../../core/index.ts';

/**
 * Spaces the requests to one site across crawl runs. Crawlee's `maxRequestsPerMinute` holds within
 * one run, but two jobs of the same source (one per query) or two sources on one site run side by
 * side and would each take the full rate. Each request reserves the site's next free slot, one
 * interval after the previous reservation, and waits for it.
 */
export interface HostRateLimiter {
  /** Wait for the next slot of `key` at `perMinute` requests a minute. Resolves when the request may go. */
  acquire(key: string, perMinute: number): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A limiter for the runs in this process. */
export function memoryHostRateLimiter(): HostRateLimiter {
  const next = new Map<string, number>();
  return {
    async acquire(key, perMinute) {
      const now = Date.now();
      // Forget sites idle for a while, so the map stays as small as the set of active sites.
      if (next.size > 1000) for (const [k, at] of next) if (at < now) next.delete(k);
      const at = Math.max(now, next.get(key) ?? 0);
      next.set(key, at + 60_000 / perMinute);
      if (at > now) await sleep(at - now);
    },
  };
}

/** Reserve the next slot: returns how many milliseconds to wait. Redis's clock, so every process agrees. */
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local at = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
local after = at + tonumber(ARGV[1])
redis.call('SET', KEYS[1], tostring(after), 'PX', math.ceil(after - now) + 1000)
return math.floor(at - now)
`;

/** A limiter shared by every process on one Redis (keys `<prefix>:host-rate:<key>`). */
export function redisHostRateLimiter(redis: Redis, prefix = 'koubei'): HostRateLimiter {
  return {
    async acquire(key, perMinute) {
      const wait = Number(
        await redis.eval(RESERVE, 1, `${prefix}:host-rate:${key}`, String(60_000 / perMinute)),
      );
      if (wait > 0) await sleep(wait);
    },
  };
}

/** The limiter crawl runs share when none is given: one per process. */
export const processHostRateLimiter: HostRateLimiter = memoryHostRateLimiter();

/**
 * What a request is limited by: its host. Local replicas all listen on one loopback host, each site
 * under its own path, so for a replica the site's first path segment is part of the key.
 */
export function rateKey(source: Pick<SourceConfig, 'replica' | 'baseUrl'>, url: string): string {
  const u = new URL(url);
  if (!source.replica) return u.host;
  const site = new URL(source.baseUrl).pathname.split('/')[1] ?? '';
  return `${u.host}/${site}`;
}
