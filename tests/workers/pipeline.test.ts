import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.ts';
import { caseEvents, caseMentions, cases, createUser, mentions } from '../../store/index.ts';
import { type Pipeline, startPipeline } from '../../workers/index.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { mention, testConfig, waitFor } from './fixtures/setup.ts';

describe.each(DB_KINDS)('pipeline on %s', (kind) => {
  let t: TestDb;
  let pipeline: Pipeline;
  const prefix = uniquePrefix(`wp${kind}`);
  const redis = testRedis(prefix);
  const config = testConfig({
    routing: {
      teams: [{ id: 'gd-broadband', lead: 'lead1', members: [] }],
      rules: [{ categories: ['broadband'], regions: ['广东'], team: 'gd-broadband' }],
    },
  });

  let bystander = 0;
  beforeAll(async () => {
    t = await createTestDb(kind);
    // On the team but not a case worker, and first in the round-robin's id order: never picked.
    bystander =
      (await createUser(t.db, {
        username: 'brand_mgr',
        passwordHash: 'x',
        role: 'brand_manager',
        team: 'gd-broadband',
      })) ?? 0;
    for (const u of ['agent_a', 'agent_b'])
      await createUser(t.db, { username: u, passwordHash: 'x', role: 'pr_agent', team: 'gd-broadband' });
    pipeline = await startPipeline({
      config,
      logger: silentLogger(),
      db: t.db,
      redisUrl: testRedisUrl(),
      prefix,
    });
  });
  afterAll(async () => {
    await pipeline.stop();
    await redis.cleanup();
    await t.cleanup();
  });

  const caseOf = async (mentionId: number) =>
    (
      await t.db
        .select({ caseId: caseMentions.caseId })
        .from(caseMentions)
        .where(eq(caseMentions.mentionId, mentionId))
    )[0]?.caseId;
  const mentionId = async (externalId: string) =>
    (await t.db.select({ id: mentions.id }).from(mentions).where(eq(mentions.externalId, externalId)))[0]?.id;
  const routed = (externalId: string) =>
    waitFor(async () => {
      const id = await mentionId(externalId);
      return id === undefined ? undefined : caseOf(id);
    });

  it('stores a duplicate delivery once and opens one case, assigned round-robin by the routing rules', async () => {
    const m = mention({ text: '联通宽带又断网了，打10010客服也没用，气死了，我的手机13812345678' });
    await pipeline.queues.enqueueMentions([m, m]);
    await pipeline.queues.enqueueMentions([m]);
    await pipeline.queues.enqueueMentions([mention(), m]);
    const caseId = await routed(m.externalId);
    const rows = await t.db.select().from(mentions).where(eq(mentions.externalId, m.externalId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).toContain('138****5678');
    expect(rows[0]?.text).not.toContain('13812345678');
    expect(rows[0]?.piiHashes).toHaveLength(1);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(c).toMatchObject({
      team: 'gd-broadband',
      status: 'assigned',
      brand: '中国联通',
      primaryMentionId: rows[0]?.id,
    });
    expect(c?.assigneeId).not.toBeNull();
    expect(c?.assigneeId).not.toBe(bystander);
    expect(c?.firstResponseDueAt.getTime()).toBe((c?.publishedAt.getTime() ?? 0) + 24 * 3_600_000);
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.type).sort()).toEqual(['assign', 'opened']);
    expect(events.find((e) => e.type === 'opened')?.data).toMatchObject({ detectionLagMs: 0 });
  });

  it('merges a copy-paste wave and reposts of it into one case', async () => {
    const text = '联通乱扣费！每个月多扣二十块钱的增值业务，我从来没订过，客服推来推去，必须曝光';
    const original = mention({ text, region: '北京' });
    await pipeline.queues.enqueueMentions([original]);
    const caseId = await routed(original.externalId);
    const wave = [
      mention({ text: `${text}！！！` }),
      mention({ text: `${text}😡😡` }),
      mention({ text: text.replace(/，/g, ',') }),
      mention({ text: `转发微博：${text}，大家评评理`, parentExternalId: original.externalId }),
    ];
    await pipeline.queues.enqueueMentions(wave);
    for (const w of wave) expect(await routed(w.externalId)).toBe(caseId);
    const n = await t.db.select({ n: count() }).from(caseMentions).where(eq(caseMentions.caseId, caseId));
    expect(n[0]?.n).toBe(5);
    const reasons = (await t.db.select().from(caseMentions).where(eq(caseMentions.caseId, caseId)))
      .map((r) => r.reason)
      .sort();
    expect(reasons).toEqual(['cluster', 'cluster', 'cluster', 'opened', 'repost']);
  });

  it('joins a later post by the same author in the same thread', async () => {
    const first = mention({
      text: '联通信号太差了，在家打电话一直断线',
      threadId: 'thread-9',
      author: { id: 'same', name: '老王', followers: 10, verified: false },
    });
    await pipeline.queues.enqueueMentions([first]);
    const caseId = await routed(first.externalId);
    const later = mention({
      text: '补充一下：联通客服说三天修好，结果一周了还是没信号，骗子',
      threadId: 'thread-9',
      author: { id: 'same', name: '老王', followers: 10, verified: false },
    });
    await pipeline.queues.enqueueMentions([later]);
    expect(await routed(later.externalId)).toBe(caseId);
  });

  it('an old post joining an open case is context: it does not pull the deadline back', async () => {
    const author = { id: 'thread-owner', name: '小李', followers: 10, verified: false };
    const first = mention({
      text: '联通宽带又掉线了，修了三次还是不行，烦死了',
      threadId: 'thread-old',
      author,
    });
    await pipeline.queues.enqueueMentions([first]);
    const caseId = await routed(first.externalId);
    const [before] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    // Found only now: the thread's opening post from months ago (a first crawl reaching history).
    const opening = mention({
      text: '联通宽带经常掉线，报修了也没用，大家有遇到吗',
      threadId: 'thread-old',
      author,
      publishedAt: new Date(Date.now() - 120 * 24 * 3_600_000),
    });
    await pipeline.queues.enqueueMentions([opening]);
    expect(await routed(opening.externalId)).toBe(caseId);
    const [after] = await t.db.select().from(cases).where(eq(cases.id, caseId));
    expect(after?.firstResponseDueAt.getTime()).toBe(before?.firstResponseDueAt.getTime());
    expect(after?.publishedAt.getTime()).toBe(before?.publishedAt.getTime());
  });

  it('an earlier post of the last days joining moves the clock back, but leaves the found-late time', async () => {
    const author = { id: 'thread-owner-2', name: '小赵', followers: 10, verified: false };
    const first = mention({ text: '联通光猫又坏了，换了两次还是掉线，服了', threadId: 'thread-30h', author });
    await pipeline.queues.enqueueMentions([first]);
    const caseId = await routed(first.externalId);
    // The thread's opening post, 30 h old: past a 24 h deadline, yet within the cutoff, so it counts.
    const openedAt = new Date(Date.now() - 30 * 3_600_000);
    const opening = mention({
      text: '联通光猫质量太差，装好一个月就坏，报修等了好几天',
      threadId: 'thread-30h',
      author,
      publishedAt: openedAt,
    });
    await pipeline.queues.enqueueMentions([opening]);
    expect(await routed(opening.externalId)).toBe(caseId);
    const after = await waitFor(async () => {
      const [c] = await t.db.select().from(cases).where(eq(cases.id, caseId));
      return c?.publishedAt.getTime() === openedAt.getTime() ? c : undefined;
    });
    // Due 4 h (sla.foundLateHours) after the case was found, not 6 h ago.
    expect(after.firstResponseDueAt.getTime() - after.detectedAt.getTime()).toBe(4 * 3_600_000);
  });

  it('opens no case for praise or for competitors, and uses the shared queue without a matching rule', async () => {
    const praise = mention({ text: '联通客服小姐姐很耐心，问题解决了，点赞' });
    const rival = mention({ text: '电信宽带太慢了，垃圾' });
    const shared = mention({ text: '联通的套餐流量明明没用完却提示超额，气死了', region: '四川' });
    await pipeline.queues.enqueueMentions([praise, rival, shared]);
    const sharedCase = await routed(shared.externalId);
    const [c] = await t.db.select().from(cases).where(eq(cases.id, sharedCase));
    expect(c).toMatchObject({ team: null, assigneeId: null, status: 'new' });
    await waitFor(async () => {
      const rows = await t.db
        .select()
        .from(mentions)
        .where(sql`${mentions.externalId} in (${praise.externalId}, ${rival.externalId})`);
      return rows.length === 2 && rows.every((r) => r.analyzedAt !== null);
    });
    for (const m of [praise, rival])
      expect(await caseOf((await mentionId(m.externalId)) ?? 0)).toBeUndefined();
  });

  it('dead-letters malformed input at once with its reason, and retries it on request', async () => {
    await pipeline.queues.enqueueMentions([
      { source: 'weibo', externalId: 'bad:1', text: 'x', publishedAt: 'not a date' },
    ]);
    const dead = await waitFor(async () =>
      (await pipeline.queues.listDeadLetters('ingest', 10)).find(
        (d) => d.data && JSON.stringify(d.data).includes('bad:1'),
      ),
    );
    expect(dead.failedReason).toMatch(/publishedAt/);
    expect(dead.attemptsMade).toBe(1);
    expect(dead.jobId).not.toContain(':');
    await pipeline.queues.retryDeadLetter('ingest', dead.jobId);
    await waitFor(async () => {
      const again = (await pipeline.queues.listDeadLetters('ingest', 10)).find((d) => d.jobId === dead.jobId);
      return again && again.attemptsMade === 1 && (again.failedAt ?? '') >= (dead.failedAt ?? '')
        ? again
        : undefined;
    });
    await expect(pipeline.queues.retryDeadLetter('ingest', 'no-such-job')).rejects.toThrow(/no job/);
  });
});
