import type { Job } from 'bullmq';
import { UnrecoverableError } from 'bullmq';
import { claimNotification, finishNotification } from '../store/index.ts';
import type { CaseDeps } from './context.ts';
import { jobId } from './job-ids.ts';
import { sendToChannel } from './notify-channels.ts';
import { sendEmail } from './notify-smtp.ts';
import type { Notification, NotifyJobData } from './types.ts';

/**
 * Notify: a `dispatch` job fans a notification out to the channels subscribed to its event, one
 * `send` job per channel (job id from the notification key and channel). A send claims the
 * notifications row (dedupe key `key|channel`) first: once it is `sent`, retries and duplicates
 * send nothing. Delivery is at least once: a crash between the HTTP call and the `sent` mark resends.
 */

async function dispatch(deps: CaseDeps, n: Notification): Promise<{ channels: number }> {
  const channels = deps.config.notifications.channels.filter((c) => c.events.includes(n.event));
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

async function send(deps: CaseDeps, n: Notification, channelId: string): Promise<{ sent: boolean }> {
  const channel = deps.config.notifications.channels.find((c) => c.id === channelId);
  if (!channel) throw new UnrecoverableError(`unknown notification channel ${channelId}`);
  const dedupeKey = `${n.key}|${channel.id}`;
  if (!(await claimNotification(deps.db, { dedupeKey, channelId, event: n.event }))) return { sent: false };
  try {
    await (channel.kind === 'email' ? sendEmail(channel, n) : sendToChannel(channel, n));
  } catch (err) {
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
  return d.type === 'send' ? send(deps, d.notification, d.channelId) : dispatch(deps, d.notification);
}
