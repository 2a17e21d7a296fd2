import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.ts';
import { createUser, notifications } from '../../store/index.ts';
import {
  createCaseService,
  dingtalkSign,
  feishuSign,
  type Notification,
  type Pipeline,
  verifyWebhookSignature,
} from '../../workers/index.ts';
import { DB_KINDS, type TestDb } from '../helpers/db.ts';
import { uniquePrefix } from '../helpers/redis.ts';
import { seedCase } from './fixtures/cases.ts';
import { type NotifyEnv, startNotifyEnv, startReceiver } from './fixtures/notify.ts';
import { waitFor } from './fixtures/setup.ts';

/** `/flaky` fails its first request with 500, `/gone` always answers 404. */
const startHooks = () =>
  startReceiver((r, res) => {
    if (r.path === '/gone') res.writeHead(404).end('no such hook');
    else if (r.path === '/flaky' && r.n === 1) res.writeHead(500).end('busy');
    else return false;
    return true;
  });

describe.each(DB_KINDS)('notifications on %s', (kind) => {
  let env: NotifyEnv;
  let t: TestDb;
  let pipeline: Pipeline;
  let config: NotifyEnv['config'];
  let rx: Awaited<ReturnType<typeof startHooks>>;
  const secret = 'webhook-secret-123';

  beforeAll(async () => {
    rx = await startHooks();
    env = await startNotifyEnv(kind, uniquePrefix(`wn${kind}`), [
      { id: 'hook', kind: 'webhook', url: `${rx.base}/hook`, secret },
      { id: 'wecom', kind: 'wecom', url: `${rx.base}/wecom?key=k` },
      { id: 'ding', kind: 'dingtalk', url: `${rx.base}/ding?access_token=t`, secret: 'SECding' },
      { id: 'lark', kind: 'feishu', url: `${rx.base}/lark`, secret: 'lark-secret' },
      { id: 'mail', kind: 'email', url: 'smtp://127.0.0.1:1', to: ['pr@example.com'] },
      { id: 'flaky', kind: 'webhook', url: `${rx.base}/flaky`, events: ['case.breached'] },
      { id: 'gone', kind: 'webhook', url: `${rx.base}/gone`, events: ['case.breached'] },
      { id: 'urgent-south', kind: 'webhook', url: `${rx.base}/urgent`, priorities: ['P1'], teams: ['south'] },
    ]);
    ({ t, pipeline, config } = env);
  });
  afterAll(async () => {
    await env.close();
    await new Promise((r) => rx.server.close(r));
  });

  const note = (key: string, event: Notification['event'] = 'case.opened'): Notification => ({
    event,
    key,
    title: '【P2 新工单】#1 联通宽带又断网了',
    lines: ['品牌：中国联通', '摘要：联通宽带又断网了'],
    caseId: 1,
  });
  const at = (path: string, key: string) => rx.got.filter((r) => r.path === path && r.body.includes(key));

  it('signs and formats each robot and the generic webhook, one message per channel', async () => {
    const key = `case.opened-${kind}-a`;
    await pipeline.queues.enqueueNotification(note(key));
    await pipeline.queues.enqueueNotification(note(key));
    await waitFor(async () =>
      ['/hook', '/wecom', '/ding', '/lark'].every(
        (p) => at(p, '联通宽带').length > 0 && rx.got.some((r) => r.path === p),
      ),
    );
    const hook = at('/hook', key)[0];
    if (!hook) throw new Error('webhook not called');
    const sig = {
      secret,
      body: hook.body,
      timestamp: String(hook.headers['x-koubei-timestamp']),
      signature: String(hook.headers['x-koubei-signature']),
    };
    expect(verifyWebhookSignature(sig)).toBe(true);
    expect(verifyWebhookSignature({ ...sig, body: `${hook.body} ` })).toBe(false);
    expect(verifyWebhookSignature({ ...sig, secret: 'wrong' })).toBe(false);
    expect(verifyWebhookSignature({ ...sig, now: Date.now() + 301_000 })).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({ event: 'case.opened', key, caseId: 1 });
    const ding = rx.got.find((r) => r.path === '/ding');
    const ts = Number(ding?.query.get('timestamp'));
    expect(ding?.query.get('access_token')).toBe('t');
    expect(ding?.query.get('sign')).toBe(dingtalkSign('SECding', ts));
    expect(JSON.parse(ding?.body ?? '{}')).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: expect.stringContaining('新工单') },
    });
    const lark = JSON.parse(rx.got.find((r) => r.path === '/lark')?.body ?? '{}') as {
      timestamp: string;
      sign: string;
      msg_type: string;
    };
    expect(lark.msg_type).toBe('interactive');
    expect(lark.sign).toBe(feishuSign('lark-secret', Number(lark.timestamp)));
    expect(JSON.parse(rx.got.find((r) => r.path === '/wecom')?.body ?? '{}')).toMatchObject({
      msgtype: 'markdown',
    });
    // The row is claimed ('sending') before the attempt; wait for the attempt's outcome.
    const mail = await waitFor(async () => {
      const [r] = await t.db
        .select()
        .from(notifications)
        .where(eq(notifications.dedupeKey, `${key}|mail`));
      return r && r.status !== 'sending' ? r : undefined;
    });
    // An email channel without a sender address cannot work: it fails at once, with the reason.
    expect(mail.status).toBe('failed');
    expect(mail.lastError).toMatch(/from=addr/);
    // A second send job for a channel that already has it sends nothing.
    await pipeline.queues.notify.add(
      'send',
      { type: 'send', notification: note(key), channelId: 'hook' },
      { jobId: `dup-${kind}` },
    );
    await waitFor(async () => (await pipeline.queues.notify.getJob(`dup-${kind}`))?.finishedOn);
    expect(at('/hook', key)).toHaveLength(1);
    const rows = await t.db.select().from(notifications).where(eq(notifications.channelId, 'hook'));
    expect(rows.filter((r) => r.dedupeKey === `${key}|hook`)).toMatchObject([{ status: 'sent' }]);
  });

  it('retries a failing channel with backoff and dead-letters a 4xx at once', async () => {
    const key = `case.breached-${kind}-b`;
    await pipeline.queues.enqueueNotification(note(key, 'case.breached'));
    const row = await waitFor(async () => {
      const [r] = await t.db
        .select()
        .from(notifications)
        .where(eq(notifications.dedupeKey, `${key}|flaky`));
      return r?.status === 'sent' ? r : undefined;
    });
    expect(row.attempts).toBe(2);
    expect(at('/flaky', key)).toHaveLength(2);
    const dead = await waitFor(async () =>
      (await pipeline.queues.listDeadLetters('notify')).find((d) => d.failedReason.includes('HTTP 404')),
    );
    expect(dead.attemptsMade).toBe(1);
  });

  it('sends a channel only the priorities and teams it asked for', async () => {
    const send = (key: string, priority: string, team: string | null) =>
      pipeline.queues.enqueueNotification({ ...note(key), data: { priority, team } });
    await send(`case.opened-${kind}-p1s`, 'P1', 'south');
    await send(`case.opened-${kind}-p2s`, 'P2', 'south');
    await send(`case.opened-${kind}-p1n`, 'P1', 'network');
    await send(`case.opened-${kind}-p1x`, 'P1', null);
    // Every one was dispatched (the webhook has all four), and the one for /urgent arrived there.
    await waitFor(
      async () =>
        ['p1s', 'p2s', 'p1n', 'p1x'].every((k) => at('/hook', `${kind}-${k}`).length > 0) &&
        at('/urgent', `${kind}-p1s`).length > 0,
    );
    const urgent = rx.got
      .filter((r) => r.path === '/urgent')
      .map((r) => (JSON.parse(r.body) as { key: string }).key);
    expect(urgent).toEqual([`case.opened-${kind}-p1s`]);
  });

  it('notifies case changes from the case service', async () => {
    const user =
      (await createUser(t.db, {
        username: `u-${kind}`,
        passwordHash: 'x',
        role: 'pr_agent',
        displayName: '小李',
      })) ?? 0;
    const service = createCaseService({ db: t.db, queues: pipeline.queues, config, logger: silentLogger() });
    const caseId = await seedCase(t.db);
    await service.assign(caseId, user, { type: 'user', id: '0' });
    const msg = await waitFor(async () =>
      rx.got.find(
        (r) =>
          r.path === '/hook' && r.body.includes('"case.assigned"') && r.body.includes(`"caseId":${caseId}`),
      ),
    );
    expect(JSON.parse(msg.body)).toMatchObject({ data: { assignee: '小李', assigneeId: user } });
  });
});
