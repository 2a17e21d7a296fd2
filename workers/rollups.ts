import type { Redis } from 'ioredis';
import type { Logger } from '../core/index.ts';
import { applyRollupHours, type Db, rollupHourOf } from '../store/index.ts';

/** The Redis set of UTC hours whose analytics rollups are stale. */
export function rollupDirtyKey(prefix: string): string {
  return `${prefix}:rollup-dirty`;
}

/**
 * Mark the hours these publication times fall in as stale. The analyze stage calls it for every
 * batch (a cheap SADD); the flusher recomputes each hour once however many batches touched it, so
 * rollups cost the pipeline almost nothing.
 */
export async function markRollupHours(
  redis: Redis,
  prefix: string,
  published: readonly Date[],
): Promise<void> {
  const hours = [...new Set(published.map(rollupHourOf))];
  if (hours.length) await redis.sadd(rollupDirtyKey(prefix), ...hours);
}

/** Options for {@link startRollupFlusher}. */
export interface RollupFlusherOptions {
  db: Db;
  redis: Redis;
  prefix: string;
  logger: Logger;
  /** Pause between flushes when nothing is pending, in milliseconds. Default 1000. */
  intervalMs?: number;
  /**
   * The longest share of time spent flushing, from 0 to 1: after a flush that took T ms the next
   * waits at least T × (1 − share) / share. A busy hour is recomputed from its rows, so without this
   * the current hour's flush would grow with its volume and take the database from the pipeline.
   * Default 0.1.
   */
  maxDutyShare?: number;
  /** Hours recomputed per transaction. Default 200. */
  batch?: number;
}

/**
 * Recompute stale rollup hours in the background. Hours are taken with SPOP, so several worker
 * processes share the work without doing an hour twice; a failed batch is put back. The set lives
 * in Redis, so stale hours survive a restart (only a kill during one transaction can drop that
 * batch's hours; `rebuildMentionRollups` repairs everything).
 */
export function startRollupFlusher(opts: RollupFlusherOptions): {
  flush(): Promise<number>;
  stop(): Promise<void>;
} {
  const key = rollupDirtyKey(opts.prefix);
  const batch = opts.batch ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<number> = Promise.resolve(0);

  const flushOnce = async (): Promise<number> => {
    const hours = await opts.redis.spop(key, batch);
    if (hours.length === 0) return 0;
    try {
      await applyRollupHours(opts.db, hours);
      return hours.length;
    } catch (err) {
      await opts.redis.sadd(key, ...hours);
      throw err;
    }
  };
  const flush = async (): Promise<number> => {
    let total = 0;
    for (let n = batch; n === batch && !stopped; total += n) n = await flushOnce();
    return total;
  };
  const share = Math.min(1, Math.max(0.01, opts.maxDutyShare ?? 0.1));
  let tookMs = 0;
  const loop = () => {
    const started = performance.now();
    current = flush().catch((err: unknown) => {
      opts.logger.warn({ err: (err as Error).message }, 'rollup flush failed; will retry');
      return 0;
    });
    void current.then(() => {
      tookMs = performance.now() - started;
      const wait = Math.max(opts.intervalMs ?? 1000, (tookMs * (1 - share)) / share);
      if (!stopped) timer = setTimeout(loop, wait);
    });
  };
  loop();
  return {
    flush: () => current.then(flush),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
