import type { Redis } from 'ioredis';

/**
 * Near-duplicate clusters across worker processes. Each mention's 64-bit SimHash is cut into four
 * 16-bit bands; two hashes within Hamming distance 3 share at least one band. Redis keeps, per band
 * value, a sorted set of `hi:lo:cluster` scored by publication time, and one Lua script looks up and
 * registers a whole batch atomically, so concurrent copies of one text always land in one cluster. The script
 * remembers each mention's answer, so a retried job gets the same cluster.
 */

/**
 * One call places a whole batch, in order (earlier items win ties within the batch). Item i uses
 * KEYS[5i-4..5i] (four band sets and its memo key) and ARGV[7i-6..7i] (hash high and low halves,
 * mention id, forced cluster or '', publication time, window start, TTL); the last ARGV is the
 * largest Hamming distance. Returns the cluster id of each item.
 */
const SCRIPT = `
local function popcount(x)
  local c = 0
  while x ~= 0 do x = bit.band(x, x - 1); c = c + 1 end
  return c
end
local maxd = tonumber(ARGV[#ARGV])
local out = {}
for i = 1, #KEYS / 5 do
  local k = (i - 1) * 5
  local a = (i - 1) * 7
  local found = redis.call('GET', KEYS[k + 5])
  if not found then
    local hi = tonumber(ARGV[a + 1]); local lo = tonumber(ARGV[a + 2])
    found = ARGV[a + 4]
    if found == '' then
      for b = 1, 4 do
        local members = redis.call('ZRANGEBYSCORE', KEYS[k + b], ARGV[a + 6], '+inf')
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
    if found == '' then found = ARGV[a + 3] end
    local member = ARGV[a + 1] .. ':' .. ARGV[a + 2] .. ':' .. found
    for b = 1, 4 do
      redis.call('ZADD', KEYS[k + b], ARGV[a + 5], member)
      redis.call('ZREMRANGEBYSCORE', KEYS[k + b], '-inf', '(' .. ARGV[a + 6])
      redis.call('PEXPIRE', KEYS[k + b], ARGV[a + 7])
    end
    redis.call('SET', KEYS[k + 5], found, 'PX', ARGV[a + 7])
  end
  out[i] = found
end
return out
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

type EvalRedis = Redis & { koubeiClusters(numKeys: number, ...args: string[]): Promise<string[]> };

/** Create the index on a Redis connection (defines the Lua command once per connection). */
export function createClusterIndex(opts: ClusterIndexOptions): ClusterIndex {
  const redis = opts.redis as EvalRedis;
  // The key count varies with the batch, so it is the command's first argument.
  if (typeof redis.koubeiClusters !== 'function') redis.defineCommand('koubeiClusters', { lua: SCRIPT });
  const windowMs = (opts.windowHours ?? 72) * 3_600_000;
  const maxDistance = opts.maxDistance ?? 3;
  const bandKey = (band: number, value: number) => `${opts.prefix}:simhash:${band}:${value.toString(16)}`;
  return {
    async assign(items) {
      if (items.length === 0) return [];
      const keys: string[] = [];
      const args: string[] = [];
      const ttl = String(windowMs + 86_400_000);
      for (const it of items) {
        // The two 32-bit halves as numbers: the bands come from them without BigInt arithmetic.
        const u = BigInt.asUintN(64, it.simhash);
        const hi = Number(u >> 32n);
        const lo = Number(u & 0xffffffffn);
        const published = it.publishedAt.getTime();
        keys.push(
          bandKey(0, lo & 0xffff),
          bandKey(1, lo >>> 16),
          bandKey(2, hi & 0xffff),
          bandKey(3, hi >>> 16),
          `${opts.prefix}:simhash:m:${it.mentionId}`,
        );
        args.push(
          String(hi),
          String(lo),
          String(it.mentionId),
          it.forcedCluster ? String(it.forcedCluster) : '',
          String(published),
          String(published - windowMs),
          ttl,
        );
      }
      const res = await redis.koubeiClusters(keys.length, ...keys, ...args, String(maxDistance));
      return res.map(Number);
    },
  };
}
