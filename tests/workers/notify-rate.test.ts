import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../store/index.ts';
import {
  acquireSendSlot,
  channelWindows,
  type Notification,
  type Pipeline,
  pauseChannel,
  throttleMs,
} from '../../workers/index.ts';
import { DB_KINDS, type TestDb } from '../helpers/db.ts';
import { testRedis, uniquePrefix } from '../helpers/redis.ts';
import { type NotifyEnv, startNotifyEnv, startReceiver } from './fixtures/notify.ts';
import { waitFor } from './fixtures/setup.ts';

describe('channel rate windows', () => {
  it('uses the robots’ documented limits unless the channel sets its own', () => {
    expect(channelWindows({ kind: 'dingtalk' })).toEqual([{ max: 20, windowMs: 60_000 }]);
    expect(channelWindows({ kind: 'webhook' })).toEqual([]);
    expect(channelWindows({ kind: 'email' })).toEqual([]);
    // Feishu's own limit replaces its per-minute one and keeps its 5 a second.
    expect(channelWindows({ kind: 'feishu', rateLimit: { max: 30, windowSeconds: 60 } })).toEqual([
      { max: 30, windowMs: 60_000 },
      { max: 5, windowMs: 1_000 },
    ]);
    expect(throttleMs({ kind: 'dingtalk' })).toBe(600_000);
    expect(throttleMs({ kind: 'wecom' })).toBe(60_000);
    expect(throttleMs({ kind: 'wecom', throttleSeconds: 2 })).toBe(2_000);
  });
});

describe('send slots in Redis', () => {
  const prefix = uniquePrefix('nr');
  const r = testRedis(prefix);
  afterAll(() => r.cleanup());

  it('lets a burst through up to the limit, then hands out slots in order, one window later', async () => {
    const w = [{ max: 3, windowMs: 1_000 }];
    const first = await Promise.all([1, 2, 3].map(() => acquireSendSlot(r.redis, prefix, 'a', w)));
    expect(first.map((s) => s.waitMs)).toEqual([0, 0, 0]);
    const fourth = await acquireSendSlot(r.redis, prefix, 'a', w);
    const fifth = await acquireSendSlot(r.redis, prefix, 'a', w);
    // A window and its 250 ms of slack after the first three.
    expect(fourth.waitMs).toBeGreaterThan(1_000);
    expect(fourth.waitMs).toBeLessThanOrEqual(1_250);
    expect(fifth.slot).toBeGreaterThanOrEqual(fourth.slot);
    // Another channel has its own window.
    expect((await acquireSendSlot(r.redis, prefix, 'b', w)).waitMs).toBe(0);
    // Too early, a reserved slot is not yet good; once it has come it is, without a new reservation.
    expect((await acquireSendSlot(r.redis, prefix, 'a', w, fourth.slot)).waitMs).toBeGreaterThan(0);
    await new Promise((ok) => setTimeout(ok, fourth.waitMs + 20));
    expect((await acquireSendSlot(r.redis, prefix, 'a', w, fourth.slot)).waitMs).toBe(0);
  });

  it('holds every slot of a paused channel, and a shorter pause never cuts a longer one', async () => {
    const w = [{ max: 100, windowMs: 60_000 }];
    await pauseChannel(r.redis, prefix, 'c', 5_000);
    await pauseChannel(r.redis, prefix, 'c', 100);
    const s = await acquireSendSlot(r.redis, prefix, 'c', w);
    expect(s.waitMs).toBeGreaterThan(4_500);
    // A slot reserved before the pause is not good while it lasts.
    expect((await acquireSendSlot(r.redis, prefix, 'c', w, s.slot - 10_000)).waitMs).toBeGreaterThan(4_500);
  });
});

/** A robot: `/busy` answers DingTalk's "too fast" to its first call, `/slow` a 429 with Retry-After: 1. */
const startRobot = () =>
  startReceiver((r, res) => {
    if (r.path === '/busy' && r.n === 1)
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errcode: 130101, errmsg: 'send too fast' }));
    else if (r.path === '/slow' && r.n === 1) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
    else return false;
    return true;
  });

describe.each(DB_KINDS)('rate-limited channels on %s', (kind) => {
  let env: NotifyEnv;
  let t: TestDb;
  let pipeline: Pipeline;
  let robot: Awaited<ReturnType<typeof startRobot>>;

  beforeAll(async () => {
    robot = await startRobot();
    env = await startNotifyEnv(kind, uniquePrefix(`nl${kind}`), [
      { id: 'tight', kind: 'webhook', url: `${robot.base}/tight`, rateLimit: { max: 2, windowSeconds: 1 } },
      {
        id: 'busy',
        kind: 'dingtalk',
        url: `${robot.base}/busy`,
        throttleSeconds: 1,
        events: ['case.breached'],
      },
      { id: 'slow', kind: 'webhook', url: `${robot.base}/slow`, events: ['case.escalated'] },
    ]);
    ({ t, pipeline } = env);
  });
  afterAll(async () => {
    await env.close();
    await new Promise((ok) => robot.server.close(ok));
  });

  const note = (key: string, event: Notification['event']): Notification => ({
    event,
    key,
    title: '【P1 工单超时】联通宽带又断网了',
    lines: ['品牌：中国联通'],
    caseId: 1,
  });
  const row = async (dedupeKey: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.dedupeKey, dedupeKey)))[0];

  it('delivers a burst in full, never more than the limit in one window, without using attempts', async () => {
    const keys = [1, 2, 3, 4, 5].map((i) => `case.opened-${kind}-burst-${i}`);
    for (const key of keys) await pipeline.queues.enqueueNotification(note(key, 'case.opened'));
    const got = await waitFor(async () => {
      const hits = robot.got.filter((g) => g.path === '/tight');
      return hits.length >= 5 ? hits : undefined;
    });
    expect(got).toHaveLength(5);
    for (const key of keys) expect(got.filter((g) => g.body.includes(`"${key}"`))).toHaveLength(1);
    // Any three sends span a window: slots are 1.25 s apart, less what an earlier send lost on its way.
    const at = got.map((g) => g.at).sort((a, b) => a - b);
    for (let i = 2; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 2] ?? 0)).toBeGreaterThanOrEqual(1_000);
    // The robot has them; the last may still be marking its row sent and completing its job.
    const sends = await waitFor(async () => {
      const jobs = await pipeline.queues.notify.getJobs(['completed']);
      const done = jobs.filter((j) => j.data.type === 'send' && j.data.channelId === 'tight');
      return done.length === 5 ? done : undefined;
    });
    for (const key of keys) expect(await row(`${key}|tight`)).toMatchObject({ status: 'sent', attempts: 1 });
    // Waiting for a slot is not a try: each send completed on its first.
    expect(sends.map((j) => j.attemptsMade)).toEqual([1, 1, 1, 1, 1]);
  });

  it('holds a channel that answers "too fast" and sends what waited, once', async () => {
    const [k1, k2] = [`case.breached-${kind}-1`, `case.breached-${kind}-2`];
    await pipeline.queues.enqueueNotification(note(k1, 'case.breached'));
    // Refused and marked failed: by then the channel is on hold.
    await waitFor(async () => (await row(`${k1}|busy`))?.status === 'failed');
    await pipeline.queues.enqueueNotification(note(k2, 'case.breached'));
    const first = await waitFor(async () => {
      const r = await row(`${k1}|busy`);
      return r?.status === 'sent' ? r : undefined;
    });
    expect(first.attempts).toBe(2);
    await waitFor(async () => (await row(`${k2}|busy`))?.status === 'sent');
    const hits = robot.got.filter((g) => g.path === '/busy');
    expect(hits).toHaveLength(3);
    // Both waited out the one-second hold that the refusal started.
    const refused = hits[0]?.at ?? 0;
    for (const h of hits.slice(1)) expect(h.at - refused).toBeGreaterThanOrEqual(950);
  });

  it('waits as long as a 429 says in Retry-After, then sends', async () => {
    const key = `case.escalated-${kind}-1`;
    await pipeline.queues.enqueueNotification(note(key, 'case.escalated'));
    const sent = await waitFor(async () => {
      const r = await row(`${key}|slow`);
      return r?.status === 'sent' ? r : undefined;
    });
    expect(sent.attempts).toBe(2);
    const hits = robot.got.filter((g) => g.path === '/slow');
    expect(hits).toHaveLength(2);
    expect((hits[1]?.at ?? 0) - (hits[0]?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });
});
