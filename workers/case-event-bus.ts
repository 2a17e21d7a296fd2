import type { Redis } from 'ioredis';
import { createRedisConnection, type Logger } from '../core/index.ts';
import type { CaseEventMessage } from './types.ts';

/** Redis pub/sub for case events, so an API process sees what worker processes do. */
export interface CaseEventBus {
  publish(msg: CaseEventMessage): Promise<void>;
  /** Publish several messages in one round trip. */
  publishMany(msgs: readonly CaseEventMessage[]): Promise<void>;
  /** Resolves once subscribed; the returned function unsubscribes. */
  subscribe(handler: (msg: CaseEventMessage) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Options for {@link createCaseEventBus}. */
export interface CaseEventBusOptions {
  /** Connection used for PUBLISH. */
  redis: Redis;
  /** URL for the lazily created subscriber connection. */
  redisUrl: string;
  /** Channel name, e.g. `koubei:case-events`. */
  channel: string;
  logger: Logger;
}

/** Create the bus. The subscriber connection is opened on the first subscribe and shared. */
export function createCaseEventBus(opts: CaseEventBusOptions): CaseEventBus {
  const handlers = new Set<(msg: CaseEventMessage) => void>();
  let sub: Redis | undefined;
  let ready: Promise<unknown> | undefined;
  const ensure = (): Promise<unknown> => {
    if (ready) return ready;
    sub = createRedisConnection(opts.redisUrl, { name: 'koubei-case-events', logger: opts.logger });
    sub.on('message', (_channel: string, text: string) => {
      let msg: CaseEventMessage;
      try {
        msg = JSON.parse(text) as CaseEventMessage;
      } catch {
        return;
      }
      for (const h of handlers) {
        try {
          h(msg);
        } catch (err) {
          opts.logger.warn({ err }, 'case event handler failed');
        }
      }
    });
    // ioredis re-subscribes by itself after a reconnect.
    ready = sub.subscribe(opts.channel);
    return ready;
  };
  return {
    async publish(msg) {
      await opts.redis.publish(opts.channel, JSON.stringify(msg));
    },
    async publishMany(msgs) {
      if (msgs.length === 0) return;
      const p = opts.redis.pipeline();
      for (const m of msgs) p.publish(opts.channel, JSON.stringify(m));
      await p.exec();
    },
    async subscribe(handler) {
      handlers.add(handler);
      await ensure();
      return async () => {
        handlers.delete(handler);
      };
    },
    async close() {
      handlers.clear();
      if (sub) await sub.quit().catch(() => sub?.disconnect());
    },
  };
}
