import type { BrandConfig, Config } from '../../core/index.ts';
import { type Db, getSettings, putSetting, syncBrands } from '../../store/index.ts';
import { effectiveConfig as runningConfig } from '../../workers/index.ts';
import type { AuthContext } from './auth-service.ts';

/** Settings keys admins edit; each overrides the config file's section of the same name. */
export const SETTING_KEYS = ['brands', 'sla', 'routing', 'notifications'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Shown instead of a channel secret; sending it back keeps the stored secret. */
export const SECRET_MASK = '[set]';

type Channel = { id: string; secret?: string | undefined } & Record<string, unknown>;

function maskChannels(channels: Channel[]): Channel[] {
  return channels.map((c) => (c.secret ? { ...c, secret: SECRET_MASK } : c));
}

/**
 * The effective configuration, as the pipeline runs it (workers' `effectiveConfig`: admin settings
 * over the config file, validated), with channel secrets masked and the overridden sections named.
 */
export async function effectiveConfig(db: Db, config: Config) {
  const [stored, eff] = await Promise.all([getSettings(db), runningConfig(db, config)]);
  return {
    brands: eff.brands,
    sla: eff.sla,
    routing: eff.routing,
    notifications: { channels: maskChannels(eff.notifications.channels as Channel[]) },
    overridden: SETTING_KEYS.filter((k) => stored.has(k)),
  };
}

/** Store one section (validated by the caller with the core schema), audited. */
export async function saveSetting(db: Db, key: SettingKey, value: unknown, auth: AuthContext): Promise<void> {
  await putSetting(db, { key, value, userId: auth.userId, actorType: auth.actorType, actorId: auth.actorId });
}

/** Replace the brands: the brands tables (used by analysis) and the setting (audited). */
export async function saveBrands(db: Db, brands: BrandConfig[], auth: AuthContext): Promise<void> {
  await syncBrands(db, brands);
  await saveSetting(db, 'brands', brands, auth);
}

/** Keep stored secrets for channels sent back with the mask. */
export async function unmaskChannels(db: Db, config: Config, channels: Channel[]): Promise<Channel[]> {
  const s = await getSettings(db);
  const prev = ((s.get('notifications') as { channels: Channel[] } | undefined) ?? config.notifications)
    .channels as Channel[];
  return channels.map((c) => {
    if (c.secret !== SECRET_MASK) return c;
    const old = prev.find((p) => p.id === c.id)?.secret;
    const { secret: _s, ...rest } = c;
    return old ? { ...rest, secret: old } : rest;
  });
}
