import { z } from 'zod';
import { QUEUE_NAMES } from '../../workers/index.ts';

export const sourceParams = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a source id like weibo-main'),
});

export const sourceHealth = z.object({
  id: z.string(),
  kind: z.string(),
  enabled: z.boolean(),
  /** ok, stale (no success within 3 intervals), blocked, error, disabled, or never (not run yet). */
  status: z.enum(['ok', 'stale', 'blocked', 'error', 'disabled', 'never']),
  /** Seconds since the last successful run, or null. */
  freshnessSeconds: z.number().nullable(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastError: z.string().nullable(),
  blockedUntil: z.string().nullable(),
  blockSignal: z.string().nullable(),
  itemsLastRun: z.number(),
  pagesLastRun: z.number(),
  config: z.record(z.string(), z.unknown()),
});

export const sourceList = z.object({ items: z.array(sourceHealth) });
export const sourcePatch = z.strictObject({ enabled: z.boolean() });
export const crawlResult = z.object({ queued: z.boolean(), jobId: z.string().nullable() });

export const queueEnum = z.enum(QUEUE_NAMES);
export const deadLetterQuery = z.strictObject({
  queue: queueEnum.optional(),
  /** 1–200. Default 50. */
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const deadLetterList = z.object({
  items: z.array(
    z.object({
      queue: z.string(),
      jobId: z.string(),
      name: z.string(),
      failedReason: z.string(),
      attemptsMade: z.number(),
      failedAt: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
});
export const deadLetterParams = z.strictObject({ queue: queueEnum, jobId: z.string().min(1).max(500) });
