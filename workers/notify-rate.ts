import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { channelSchema } from '../core/index.ts';

type ChannelConfig = z.infer<typeof channelSchema>;

/**
 * Channel rate limits. Group robots refuse a burst (DingTalk and WeCom take 20 messages a minute,
 * and DingTalk then mutes the robot for ten minutes), and a burst is exactly when notifications
 * matter: an incident, or the first crawl after onboarding. So each send reserves a slot in a
 * sliding window kept in Redis, shared by every worker process; a send without a free slot waits
 * in the delayed set for its slot instead of failing. Reservations keep the order of arrival.
 */

/** At most `max` sends in any `windowMs`. */
export interface RateWindow {
  max: number;
  windowMs: number;
}

/** The robots' documented limits, by channel kind. */
const KIND_LIMITS: Partial<Record<ChannelConfig['kind'], RateWindow[]>> = {
  wecom: [{ max: 20, windowMs: 60_000 }],
  dingtalk: [{ max: 20, windowMs: 60_000 }],
  feishu: [
    { max: 100, windowMs: 60_000 },
    { max: 5, windowMs: 1_000 },
  ],
};

/** The windows a channel's sends must fit: its `rateLimit`, else its kind's (a configured limit replaces the per-minute one). */
export function channelWindows(ch: Pick<ChannelConfig, 'kind' | 'rateLimit'>): RateWindow[] {
  const byKind = KIND_LIMITS[ch.kind] ?? [];
  if (!ch.rateLimit) return byKind;
  const own = { max: ch.rateLimit.max, windowMs: Math.round(ch.rateLimit.windowSeconds * 1000) };
  return [own, ...byKind.filter((w) => w.windowMs < 60_000 && w.windowMs !== own.windowMs)];
}

/** How long a channel is held after it answers "too fast" without saying for how long. */
export function throttleMs(ch: Pick<ChannelConfig, 'kind' | 'throttleSeconds'>): number {
  return Math.round((ch.throttleSeconds ?? (ch.kind === 'dingtalk' ? 600 : 60)) * 1000);
}

/**
 * KEYS[1] the reserved send times (a list, oldest first, at most the largest `max`), KEYS[2] the
 * pause end (ms). ARGV[1] the caller's reserved slot (0 for none), then pairs of max and window ms.
 * Times are Redis's clock, so processes on several hosts agree. Returns {slot, now}: the caller
 * sends when slot <= now, and otherwise waits slot - now with the slot reserved for it.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local reserved = tonumber(ARGV[1])
if reserved > 0 and reserved <= now + 250 and paused <= now then return {now, now} end
local slot = math.max(now, paused)
local keep = 0
local len = redis.call('LLEN', KEYS[1])
for i = 2, #ARGV, 2 do
  local max = tonumber(ARGV[i])
  local window = tonumber(ARGV[i + 1])
  if max > keep then keep = max end
  if len >= max then
    local nth = tonumber(redis.call('LINDEX', KEYS[1], -max))
    if nth + window > slot then slot = nth + window end
  end
end
local last = tonumber(redis.call('LINDEX', KEYS[1], -1) or '0')
if last > slot then slot = last end
redis.call('RPUSH', KEYS[1], slot)
redis.call('LTRIM', KEYS[1], -keep, -1)
redis.call('PEXPIRE', KEYS[1], slot - now + 86400000)
return {slot, now}
`;

const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local till = now + tonumber(ARGV[1])
if till > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], till, 'PX', tonumber(ARGV[1]) + 60000)
end
return till
`;

function keys(prefix: string, channelId: string): [string, string] {
  const base = `${prefix}:notify-rate:${channelId}`;
  return [`${base}:sent`, `${base}:paused`];
}

/**
 * Slots are spaced this much wider than the window: a robot counts arrivals, and a send can reach it
 * later than its slot (the database write before the request), so the one a window later may arrive
 * less than a window after it. Over the limit DingTalk mutes the robot for ten minutes.
 */
function slackMs(windowMs: number): number {
  return Math.max(250, Math.round(windowMs * 0.02));
}

/** A send slot: `waitMs` until it comes (0: send now); `slot` names it on a later call. */
export interface SendSlot {
  waitMs: number;
  /** The reserved time on Redis's clock (so processes on several hosts agree). */
  slot: number;
}

/**
 * Reserve the channel's next send slot, or take `reserved` (a `slot` from an earlier call) when it has
 * come and the channel is not paused.
 */
export async function acquireSendSlot(
  redis: Redis,
  prefix: string,
  channelId: string,
  windows: readonly RateWindow[],
  reserved = 0,
): Promise<SendSlot> {
  if (!windows.length) return { waitMs: 0, slot: 0 };
  const args = [String(Math.round(reserved))];
  for (const w of windows) args.push(String(w.max), String(w.windowMs + slackMs(w.windowMs)));
  const [slot, now] = (await redis.eval(ACQUIRE, 2, ...keys(prefix, channelId), ...args)) as [number, number];
  return { waitMs: Math.max(0, slot - now), slot };
}

/** Hold every send of the channel for `ms` from now; a shorter hold never cuts a longer one. */
export async function pauseChannel(
  redis: Redis,
  prefix: string,
  channelId: string,
  ms: number,
): Promise<void> {
  const [, paused] = keys(prefix, channelId);
  await redis.eval(PAUSE, 1, paused, String(Math.max(1, Math.round(ms))));
}
