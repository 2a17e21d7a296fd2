import { z } from 'zod';
import {
  brandSchema,
  type Config,
  channelSchema,
  type Logger,
  routingSchema,
  slaSchema,
} from '../core/index.ts';
import { type Db, getSettings } from '../store/index.ts';

/** The sections admins edit through the API, each with the schema of its config-file section. */
const SECTIONS = {
  brands: z.array(brandSchema).min(1),
  sla: slaSchema,
  routing: routingSchema,
  notifications: z.strictObject({ channels: z.array(channelSchema).default([]) }),
} as const;
type Section = keyof typeof SECTIONS;

/**
 * The configuration the pipeline and case service run with: the admin's stored settings over the
 * config file, section by section. A stored section that no longer validates (say, after an upgrade
 * tightened a schema) is skipped with a warning, and the file's section applies.
 */
export async function effectiveConfig(db: Db, base: Config, logger?: Logger): Promise<Config> {
  const stored = await getSettings(db);
  const out: Config = { ...base };
  for (const key of Object.keys(SECTIONS) as Section[]) {
    if (!stored.has(key)) continue;
    const parsed = SECTIONS[key].safeParse(stored.get(key));
    if (!parsed.success) {
      logger?.warn(
        { section: key, err: parsed.error.message },
        'stored setting is invalid; using the config file',
      );
      continue;
    }
    Object.assign(out, { [key]: parsed.data });
  }
  return out;
}

/** Options for {@link watchSettings}. */
export interface WatchSettingsOptions {
  db: Db;
  /** The config file's configuration, under the stored settings. */
  base: Config;
  /** Called with the new effective configuration whenever a stored section changes. */
  apply(config: Config): void;
  logger?: Logger;
  /** How often to look, in milliseconds. Default 5000. */
  intervalMs?: number;
}

/**
 * Pick up admins' changes while running: poll the settings (one small table) and call `apply` when
 * the effective configuration changes. Polling rather than a Redis message keeps it correct when a
 * message is missed, such as during a reconnect.
 */
export function watchSettings(opts: WatchSettingsOptions): { stop(): Promise<void> } {
  let last = '';
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      try {
        const next = await effectiveConfig(opts.db, opts.base, opts.logger);
        const key = JSON.stringify([next.brands, next.sla, next.routing, next.notifications]);
        if (last && key !== last) {
          opts.logger?.info('settings changed; applying them');
          opts.apply(next);
        }
        last = key;
      } catch (err) {
        opts.logger?.warn({ err: (err as Error).message }, 'could not read settings; will retry');
      }
    })();
  };
  tick();
  const timer = setInterval(tick, opts.intervalMs ?? 5000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
