import type { Redis } from 'ioredis';

/**
 * Near-duplicate clusters across worker processes. Each mention's 64-bit SimHash is cut into four
 * 16-bit bands; two hashes within Hamming distance 3 share at least one band. Redis keeps, per band
 * value, a sorted set of `hi:lo:cluster` scored by publication time, and one Lua script looks up and
 * registers atomically, so concurrent copies of one text always land in one cluster. The script
 * remembers each mention's answer, so a retried job gets the same cluster.
 */

const SCRIPT = `
local function popcount(x)
  local c = 0
  while x ~= 0 do x = bit.band(x, x - 1); c = c + 1 end
  return c
end
local known = redis.call('GET', KEYS[5])
if known then return known end
local hi = tonumber(ARGV[1]); local lo = tonumber(ARGV[2])
local found = ARGV[4]
local maxd = tonumber(ARGV[8])
if found == '' then
  for i = 1, 4 do
    local members = redis.call('ZRANGEBYSCORE', KEYS[i], ARGV[6], '+inf')
    for _, m in ipairs(members) do
      local h2, l2, c = string.match(m, '^(%d+):(%d+):(%d+)$')
      if h2 and popcount(bit.bxor(hi, tonumber(h2))) + popcount(bit.bxor(lo, tonumber(l2))) <= maxd then
        found = c
        break
      end
    end
    if found ~= '' then break end
  end
end
if found == '' then found = ARGV[3] end
local member = ARGV[1] .. ':' .. ARGV[2] .. ':' .. found
for i = 1, 4 do
  redis.call('ZADD', KEYS[i], ARGV[5], member)
  redis.call('ZREMRANGEBYSCORE', KEYS[i], '-inf', '(' .. ARGV[6])
  redis.call('PEXPIRE', KEYS[i], ARGV[7])
end
redis.call('SET', KEYS[5], found, 'PX', ARGV[7])
return found
`;

/** Options for {@link createClusterIndex}. */
export interface ClusterIndexOptions {
  redis: Redis;
  /** Key prefix (the BullMQ prefix). */
  prefix: string;
  /** Only mentions published this many hours before (or after) count as near-duplicates. Default 72. */
  windowHours?: number;
  /** Largest Hamming distance of a near-duplicate. Default 3. */
  maxDistance?: number;
}

/** One mention to place in a cluster. */
export interface ClusterInput {
  mentionId: number;
  simhash: bigint;
  publishedAt: Date;
  /** The cluster to join regardless of the hash (a repost's parent cluster). Default: by hash. */
  forcedCluster?: number | null;
}

/** The SimHash cluster index. */
export interface ClusterIndex {
  /** The cluster id (the id of the cluster's first mention) for each input, in order. */
  assign(items: readonly ClusterInput[]): Promise<number[]>;
}

type EvalRedis = Redis & { koubeiCluster?: unknown };

/** Create the index on a Redis connection (defines the Lua command once per connection). */
export function createClusterIndex(opts: ClusterIndexOptions): ClusterIndex {
  const redis = opts.redis as EvalRedis;
  if (typeof redis.koubeiCluster !== 'function')
    redis.defineCommand('koubeiCluster', { numberOfKeys: 5, lua: SCRIPT });
  const windowMs = (opts.windowHours ?? 72) * 3_600_000;
  const maxDistance = opts.maxDistance ?? 3;
  const key = (band: number, value: bigint) => `${opts.prefix}:simhash:${band}:${value.toString(16)}`;
  return {
    async assign(items) {
      if (items.length === 0) return [];
      // One pipeline, one write for the batch. Redis runs the scripts in order, so earlier items win
      // ties within a batch.
      const pipe = redis.pipeline() as ReturnType<Redis['pipeline']> & {
        koubeiCluster(...args: (string | number)[]): unknown;
      };
      for (const it of items) {
        const u = BigInt.asUintN(64, it.simhash);
        const published = it.publishedAt.getTime();
        pipe.koubeiCluster(
          key(0, u & 0xffffn),
          key(1, (u >> 16n) & 0xffffn),
          key(2, (u >> 32n) & 0xffffn),
          key(3, (u >> 48n) & 0xffffn),
          `${opts.prefix}:simhash:m:${it.mentionId}`,
          String(u >> 32n),
          String(u & 0xffffffffn),
          String(it.mentionId),
          it.forcedCluster ? String(it.forcedCluster) : '',
          String(published),
          String(published - windowMs),
          String(windowMs + 86_400_000),
          String(maxDistance),
        );
      }
      const replies = (await pipe.exec()) ?? [];
      return replies.map(([err, res]) => {
        if (err) throw err;
        return Number(res);
      });
    },
  };
}
