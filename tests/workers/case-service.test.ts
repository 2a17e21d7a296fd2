import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, silentLogger } from '../../core/index.ts';
import { caseEvents, caseMentions, createUser } from '../../store/index.ts';
import {
  type CaseEventMessage,
  type CaseService,
  createCaseService,
  createQueues,
  type Queues,
} from '../../workers/index.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { seedCase } from './fixtures/cases.ts';
import { nextTimerId, testConfig, waitFor } from './fixtures/setup.ts';

describe.each(DB_KINDS)('case service on %s', (kind) => {
  let t: TestDb;
  let queues: Queues;
  let service: CaseService;
  let agent: number;
  let other: number;
  const prefix = uniquePrefix(`wc${kind}`);
  const redis = testRedis(prefix);
  const config = testConfig();
  const admin = { type: 'user' as const, id: '0' };

  beforeAll(async () => {
    t = await createTestDb(kind);
    queues = createQueues({ redisUrl: testRedisUrl(), prefix });
    service = createCaseService({ db: t.db, queues, config, logger: silentLogger() });
    agent =
      (await createUser(t.db, { username: 'agent', passwordHash: 'x', role: 'pr_agent', team: 'south' })) ??
      0;
    other = (await createUser(t.db, { username: 'other', passwordHash: 'x', role: 'pr_agent' })) ?? 0;
  });
  afterAll(async () => {
    await queues.close();
    await redis.cleanup();
    await t.cleanup();
  });

  const types = async (caseId: number) => (await service.getCase(caseId)).timeline.map((e) => e.type);

  it('walks the lifecycle, recording who did what before and after', async () => {
    const id = await seedCase(t.db);
    const me = { type: 'user' as const, id: String(agent) };
    expect(await service.assign(id, agent, admin)).toMatchObject({
      status: 'assigned',
      assigneeId: agent,
      team: 'south',
    });
    expect((await service.transition(id, 'in_progress', me)).status).toBe('in_progress');
    await service.comment(id, '已电话联系用户', me);
    const responded = await service.recordResponse(
      id,
      { channel: 'weibo_reply', text: '您好，已私信您', url: 'https://weibo.com/1' },
      me,
    );
    expect(responded.status).toBe('responded');
    expect(responded.firstRespondedAt).not.toBeNull();
    const resolved = await service.transition(id, 'resolved', me, '装维已修复');
    expect(resolved.resolvedAt).not.toBeNull();
    await service.transition(id, 'closed', me);
    const reopened = await service.reopen(id, me);
    expect(reopened).toMatchObject({ status: 'assigned', resolvedAt: null, closedAt: null });
    expect(await types(id)).toEqual([
      'opened',
      'assign',
      'status',
      'comment',
      'response',
      'status',
      'status',
      'status',
    ]);
    const view = await service.getCase(id);
    const response = view.timeline.find((e) => e.type === 'response');
    expect(response).toMatchObject({
      actorType: 'user',
      actorId: String(agent),
      before: { status: 'in_progress' },
      after: { status: 'responded' },
    });
    expect(response?.data).toMatchObject({
      channel: 'weibo_reply',
      text: '您好，已私信您',
      first: true,
      withinSla: true,
    });
    expect(view.timeline.at(-1)?.data).toMatchObject({ reopen: true });
    expect(view.mentions).toHaveLength(1);
    expect(view.sla.firstResponseMs).toBeGreaterThanOrEqual(0);
  });

  it('rejects invalid transitions with a clear message and changes nothing', async () => {
    const id = await seedCase(t.db);
    await expect(service.transition(id, 'resolved', admin)).rejects.toThrow(
      /cannot move case \d+ from new to resolved; allowed from new: assigned, in_progress, closed/,
    );
    await expect(service.transition(id, 'assigned', admin)).rejects.toThrow(/no assignee/);
    await service.transition(id, 'in_progress', admin);
    await expect(service.transition(id, 'responded', admin)).rejects.toThrow(/no recorded response/);
    await expect(service.transition(id, 'in_progress', admin)).rejects.toBeInstanceOf(ConflictError);
    await expect(service.reopen(id, admin)).rejects.toThrow(/only resolved or closed/);
    await expect(service.transition(id, 'bogus' as 'new', admin)).rejects.toThrow(/unknown case status/);
    await expect(service.claim(id, { type: 'api_key', id: 'k1' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(service.getCase(999_999)).rejects.toThrow(/not found/);
    // Only case workers (admin, PR lead, PR agent) can hold a case; the API offers no one else either.
    const viewer = await createUser(t.db, { username: `viewer-${kind}`, passwordHash: 'x', role: 'viewer' });
    await expect(service.assign(id, viewer ?? 0, admin)).rejects.toThrow(/viewer.*does not work cases/);
    expect(await types(id)).toEqual(['opened', 'status']);
  });

  it('claims, unassigns and moves SLA timers with the case', async () => {
    const id = await seedCase(t.db);
    const pending = nextTimerId(config, (await service.getCase(id)).case);
    await service.assign(id, other, admin);
    expect(await queues.sla.getJob(pending)).toBeDefined();
    await expect(service.claim(id, { type: 'user', id: String(agent) })).rejects.toThrow(/assigned to user/);
    expect((await service.assign(id, null, admin)).status).toBe('new');
    expect(await service.claim(id, { type: 'user', id: String(agent) })).toMatchObject({
      status: 'in_progress',
      assigneeId: agent,
    });
    await service.recordResponse(id, { channel: 'private_message', text: '已处理' }, admin);
    expect(await queues.sla.getJob(pending)).toBeUndefined();
  });

  it('merges cases: mentions move, the source closes, the target takes the earlier deadline', async () => {
    const target = await seedCase(t.db, { dueInMs: 86_400_000 });
    const source = await seedCase(t.db, { dueInMs: 3_600_000, priority: 'P1' });
    const merged = await service.merge(source, target, admin);
    expect(merged.priority).toBe('P1');
    expect((await service.getCase(target)).mentions).toHaveLength(2);
    const src = await service.getCase(source);
    expect(src.case).toMatchObject({ status: 'closed', mergedIntoId: target });
    expect(merged.firstResponseDueAt.getTime()).toBe(src.case.firstResponseDueAt.getTime());
    expect(await queues.sla.getJob(nextTimerId(config, src.case))).toBeUndefined();
    expect(await queues.sla.getJob(nextTimerId(config, merged))).toBeDefined();
    await expect(service.comment(source, 'x', admin)).rejects.toThrow(/merged into case/);
    await expect(service.merge(target, target, admin)).rejects.toThrow(/itself/);
    const rows = await t.db.select().from(caseMentions).where(eq(caseMentions.caseId, source));
    expect(rows).toHaveLength(0);
  });

  it('runs bulk actions case by case and reports each outcome', async () => {
    const a = await seedCase(t.db);
    const b = await seedCase(t.db);
    const assigned = await service.bulkAssign([a, b, 999_999], agent, admin);
    expect(assigned.map((r) => r.ok)).toEqual([true, true, false]);
    const moved = await service.bulkTransition([a, b], 'resolved', admin);
    expect(moved.every((r) => !r.ok && r.error.name === 'ConflictError')).toBe(true);
    expect((await service.bulkTransition([a, b], 'in_progress', admin)).every((r) => r.ok)).toBe(true);
  });

  it('suggests filled templates for the case categories, then the generic one', async () => {
    const id = await seedCase(t.db, {
      categories: ['broadband', 'billing'],
      region: '广东',
      authorName: '小明',
    });
    const tpls = await service.suggestTemplates(id);
    expect(tpls.map((x) => x.category)).toEqual(['broadband', 'billing', 'generic']);
    const first = tpls[0];
    expect(first?.text).toMatch(/^@小明 您好/);
    expect(first?.text).toContain(`KB${String(id).padStart(6, '0')}`);
    expect(first?.text).toContain('广东');
    expect(first?.text).toContain('私信');
    expect(first?.text).not.toMatch(/\{[^}]+\}/);
    expect(first?.template).toContain('{工单号}');
  });

  it('publishes case events to subscribers and keeps the trail append-only', async () => {
    const got: CaseEventMessage[] = [];
    const unsubscribe = await service.subscribeCaseEvents((m) => got.push(m));
    const id = await seedCase(t.db);
    await service.comment(id, '关注中', admin);
    await waitFor(async () => got.some((m) => m.caseId === id && m.type === 'comment'));
    expect(got.find((m) => m.caseId === id)).toMatchObject({ kind: 'case.changed', status: 'new' });
    await unsubscribe();
    await expect(
      t.db.update(caseEvents).set({ type: 'x' }).where(eq(caseEvents.caseId, id)),
    ).rejects.toThrow();
  });
});
