import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { BlockedError } from '../core/index.ts';
import { claimNotification, finishNotification } from '../store/index.ts';
import type { CaseDeps } from './context.ts';
import { jobId } from './job-ids.ts';
import { type ChannelConfig, sendToChannel } from './notify-channels.ts';
import { acquireSendSlot, channelWindows, pauseChannel } from './notify-rate.ts';
import { sendEmail } from './notify-smtp.ts';
import type { Notification, NotifyJobData } from './types.ts';

/**
 * Notify: a `dispatch` job fans a notification out to the channels that take it ({@link channelTakes}),
 * one `send` job per channel (job id from the notification key and channel). A send waits for the
 * channel's rate limit (notify-rate.ts), then claims the
 * notifications row (dedupe key `key|channel`) first: once it is `sent`, retries and duplicates
 * send nothing. Delivery is at least once: a crash between the HTTP call and the `sent` mark resends.
 */

/** True when the channel takes this notification: its event, and for a case its priority and team. */
export function channelTakes(
  c: Pick<ChannelConfig, 'events' | 'priorities' | 'teams'>,
  n: Pick<Notification, 'event' | 'caseId' | 'data'>,
): boolean {
  if (!c.events.includes(n.event)) return false;
  if (n.caseId === undefined) return true;
  const priority = n.data?.priority;
  const team = n.data?.team;
  if (c.priorities && !c.priorities.some((p) => p === priority)) return false;
  return !c.teams || c.teams.includes(typeof team === 'string' && team ? team : 'shared');
}

async function dispatch(deps: CaseDeps, n: Notification): Promise<{ channels: number }> {
  const channels = deps.config.notifications.channels.filter((c) => channelTakes(c, n));
  if (channels.length) {
    await deps.queues.notify.addBulk(
      channels.map((c) => ({
        name: 'send',
        data: { type: 'send' as const, notification: n, channelId: c.id },
        opts: { jobId: jobId('notify', n.key, c.id) },
      })),
    );
  }
  return { channels: channels.length };
}

/**
 * Wait for the channel's rate limit: 0 to send now, else the job keeps its reserved slot in its data
 * and a BlockedError moves it to the delayed set until then (no attempt is used up). A slot is only
 * good for the attempt that reserved it, so a retry after a failed send reserves a new one.
 */
async function takeSlot(deps: CaseDeps, job: Job<NotifyJobData>, channel: ChannelConfig): Promise<void> {
  const d = job.data;
  if (d.type !== 'send') return;
  const reserved = d.slot?.attempt === job.attemptsMade ? d.slot.at : 0;
  const { redis, prefix } = deps.queues;
  const { waitMs, slot } = await acquireSendSlot(
    redis,
    prefix,
    channel.id,
    channelWindows(channel),
    reserved,
  );
  if (waitMs <= 0) return;
  await job.updateData({ ...d, slot: { at: slot, attempt: job.attemptsMade } });
  throw new BlockedError(
    `channel ${channel.id}: rate limit reached, waiting ${Math.ceil(waitMs / 1000)} s for a slot`,
    'rate-limit',
    new Date(Date.now() + waitMs),
  );
}

async function send(deps: CaseDeps, job: Job<NotifyJobData>, channelId: string): Promise<{ sent: boolean }> {
  const n = job.data.notification;
  const channel = deps.config.notifications.channels.find((c) => c.id === channelId);
  if (!channel) throw new UnrecoverableError(`unknown notification channel ${channelId}`);
  const dedupeKey = `${n.key}|${channel.id}`;
  await takeSlot(deps, job, channel);
  if (!(await claimNotification(deps.db, { dedupeKey, channelId, event: n.event }))) return { sent: false };
  try {
    await (channel.kind === 'email' ? sendEmail(channel, n) : sendToChannel(channel, n));
  } catch (err) {
    // The robot is muting us: hold the channel's other messages too, not just this one.
    if (err instanceof BlockedError) {
      const { redis, prefix } = deps.queues;
      await pauseChannel(redis, prefix, channel.id, err.blockedUntil.getTime() - Date.now());
    }
    await finishNotification(deps.db, dedupeKey, 'failed', (err as Error).message).catch(() => {});
    throw err;
  }
  await finishNotification(deps.db, dedupeKey, 'sent');
  return { sent: true };
}

/** Process one notify job. */
export async function processNotify(deps: CaseDeps, job: Job<NotifyJobData>): Promise<unknown> {
  const d = job.data;
  if (!d?.notification?.key || !d.notification.event) throw new UnrecoverableError('malformed notify job');
  return d.type === 'send' ? send(deps, job, d.channelId) : dispatch(deps, d.notification);
}
