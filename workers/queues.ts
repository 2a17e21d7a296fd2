import { type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import {
  ConflictError,
  createRedisConnection,
  type Logger,
  NotFoundError,
  queuesSchema,
  silentLogger,
} from '../core/index.ts';
import { type CaseEventBus, createCaseEventBus } from './case-event-bus.ts';
import { digestKeys, jobId, mentionKey } from './job-ids.ts';
import { rawMentionKey } from './mention-input.ts';
import {
  type CaseEventMessage,
  type IngestJobData,
  type MentionIdsJobData,
  type Notification,
  type NotifyJobData,
  QUEUE_NAMES,
  type QueueName,
  type SlaJobData,
} from './types.ts';

/** Options for {@link createQueues}. */
export interface CreateQueuesOptions {
  redisUrl: string;
  /** BullMQ key prefix; every Redis key of the pipeline starts with it. Default `koubei`. */
  prefix?: string;
  /** Attempts and backoff (`config.queues`). Default: the config defaults (8 attempts, 1000 ms doubling). */
  queuesConfig?: { attempts: number; backoffMs: number };
  /** Mentions per ingest job (bigger batches cost fewer queries per mention). Default 250. */
  batchSize?: number;
  /** Logger. Default silent. */
  logger?: Logger;
}

/** A job in the dead-letter (failed) state. */
export interface DeadLetter {
  queue: QueueName;
  jobId: string;
  name: string;
  /** Why it failed, as thrown by the last attempt. */
  failedReason: string;
  attemptsMade: number;
  /** ISO time of the failure, or null. */
  failedAt: string | null;
  data: unknown;
}

/** Typed queue handles and the producer side of the pipeline. */
export interface Queues {
  prefix: string;
  ingest: Queue<IngestJobData>;
  analyze: Queue<MentionIdsJobData>;
  route: Queue<MentionIdsJobData>;
  sla: Queue<SlaJobData>;
  notify: Queue<NotifyJobData>;
  /** The queues by name, in pipeline order. */
  all(): { name: QueueName; queue: Queue }[];
  /** Default job options (attempts, exponential backoff, retention). */
  jobOptions: JobsOptions;
  /** The crawler's sink: batch mentions into idempotent ingest jobs. */
  enqueueMentions(batch: readonly unknown[]): Promise<{ jobs: number; mentions: number }>;
  /** Send a notification to every channel subscribed to its event (once per key and channel). */
  enqueueNotification(n: Notification): Promise<void>;
  /** Failed jobs, newest first. Default: all queues, 50 jobs. */
  listDeadLetters(queue?: QueueName, limit?: number): Promise<DeadLetter[]>;
  /** Move a dead-lettered job back to waiting with fresh attempts. */
  retryDeadLetter(queue: QueueName, jobId: string): Promise<void>;
  /** Broadcast a case event to every subscriber (SSE streams) on this Redis and prefix. */
  publishCaseEvent(msg: CaseEventMessage): Promise<void>;
  /** Broadcast several case events in one round trip. */
  publishCaseEvents(msgs: readonly CaseEventMessage[]): Promise<void>;
  /** Receive case events; resolves once subscribed, with an unsubscribe function. */
  subscribeCaseEvents(handler: (msg: CaseEventMessage) => void): Promise<() => Promise<void>>;
  /** The shared producer connection (also used for round-robin counters and the SimHash index). */
  redis: Redis;
  close(): Promise<void>;
}

/** Split crawled mentions into ingest jobs; job ids come from the mentions' natural keys. */
function ingestJobs(
  batch: readonly unknown[],
  size: number,
): { name: string; data: IngestJobData; opts: { jobId: string } }[] {
  const keyed: { key: string; m: unknown }[] = [];
  const jobs: { name: string; data: IngestJobData; opts: { jobId: string } }[] = [];
  for (const m of batch) {
    const k = rawMentionKey(m);
    if (k) keyed.push({ key: mentionKey(k.source, k.externalId), m });
    // Without a natural key it can only dead-letter; give it its own job so the reason is visible.
    else
      jobs.push({
        name: 'mentions',
        data: { mentions: [m] },
        opts: { jobId: jobId('ingest', 'bad', digestKeys([JSON.stringify(m) ?? 'undefined'])) },
      });
  }
  for (let i = 0; i < keyed.length; i += size) {
    const chunk = keyed.slice(i, i + size);
    const first = rawMentionKey(chunk[0]?.m);
    const id =
      chunk.length === 1 && first
        ? jobId('ingest', first.source, first.externalId)
        : jobId('ingest', 'b', digestKeys(chunk.map((c) => c.key)));
    jobs.push({ name: 'mentions', data: { mentions: chunk.map((c) => c.m) }, opts: { jobId: id } });
  }
  return jobs;
}

async function deadLetters(
  queues: { name: QueueName; queue: Queue }[],
  limit: number,
): Promise<DeadLetter[]> {
  const lists = await Promise.all(
    queues.map(async ({ name, queue }) =>
      (await queue.getFailed(0, limit - 1)).map((j) => ({
        queue: name,
        jobId: j.id ?? '',
        name: j.name,
        failedReason: j.failedReason ?? '',
        attemptsMade: j.attemptsMade,
        failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
        finishedOn: j.finishedOn ?? 0,
        data: j.data as unknown,
      })),
    ),
  );
  return lists
    .flat()
    .sort((a, b) => b.finishedOn - a.finishedOn)
    .slice(0, limit)
    .map(({ finishedOn: _f, ...rest }) => rest);
}

/** Create the five queues on one Redis connection. Producers only: no job is processed here. */
export function createQueues(opts: CreateQueuesOptions): Queues {
  const prefix = opts.prefix ?? 'koubei';
  const logger = opts.logger ?? silentLogger();
  const tuning = opts.queuesConfig ?? queuesSchema.parse({});
  const redis = createRedisConnection(opts.redisUrl, { name: `${prefix}-producer`, logger });
  const jobOptions: JobsOptions = {
    attempts: tuning.attempts,
    backoff: { type: 'exponential', delay: tuning.backoffMs },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };
  const make = <T>(name: QueueName) => {
    const queue = new Queue<T>(name, { connection: redis, prefix, defaultJobOptions: jobOptions });
    // Without a listener an 'error' (e.g. Redis closing during shutdown) would crash the process.
    queue.on('error', (err) => logger.warn({ queue: name, err: err.message }, 'queue error'));
    return queue;
  };
  const q = {
    ingest: make<IngestJobData>('ingest'),
    analyze: make<MentionIdsJobData>('analyze'),
    route: make<MentionIdsJobData>('route'),
    sla: make<SlaJobData>('sla'),
    notify: make<NotifyJobData>('notify'),
  };
  const all = () => QUEUE_NAMES.map((name) => ({ name, queue: q[name] as Queue }));
  const bus: CaseEventBus = createCaseEventBus({
    redis,
    redisUrl: opts.redisUrl,
    channel: `${prefix}:case-events`,
    logger,
  });
  return {
    prefix,
    ...q,
    all,
    jobOptions,
    redis,
    async enqueueMentions(batch) {
      const jobs = ingestJobs(batch, Math.max(1, opts.batchSize ?? 250));
      if (jobs.length) await q.ingest.addBulk(jobs);
      return { jobs: jobs.length, mentions: batch.length };
    },
    async enqueueNotification(n) {
      await q.notify.add(
        'dispatch',
        { type: 'dispatch', notification: n },
        { jobId: jobId('notify', n.key) },
      );
    },
    async listDeadLetters(queue, limit = 50) {
      return deadLetters(queue ? all().filter((x) => x.name === queue) : all(), Math.max(1, limit));
    },
    async retryDeadLetter(queue, id) {
      const job = await q[queue].getJob(id);
      if (!job) throw new NotFoundError(`no job ${id} in queue ${queue}`);
      const state = await job.getState();
      if (state !== 'failed')
        throw new ConflictError(`job ${id} in queue ${queue} is ${state}, not dead-lettered`);
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    },
    publishCaseEvent: (msg) => bus.publish(msg),
    publishCaseEvents: (msgs) => bus.publishMany(msgs),
    subscribeCaseEvents: (handler) => bus.subscribe(handler),
    async close() {
      await bus.close();
      await Promise.all(all().map(({ queue }) => queue.close()));
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
