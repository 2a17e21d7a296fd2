import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/index.ts';
import { caseEvents, cases } from '../../store/index.ts';
import {
  createCaseService,
  createQueues,
  type Pipeline,
  slaJobId,
  startPipeline,
} from '../../workers/index.ts';
import { createTestDb, DB_KINDS, type TestDb } from '../helpers/db.ts';
import { testRedis, testRedisUrl, uniquePrefix } from '../helpers/redis.ts';
import { caseOf, distinctNegativeText, mention, nextTimerId, testConfig, waitFor } from './fixtures/setup.ts';

// 24 h become 6 s: reminders at 3 s and 4.8 s, escalation at 5 s (20 h), breach at 6 s.
const SCALE = 1 / 14_400;
const HOUR = 3_600_000 * SCALE;

describe.each(DB_KINDS)('SLA timers on %s', (kind) => {
  let t: TestDb;
  const prefix = uniquePrefix(`ws${kind}`);
  const redis = testRedis(prefix);
  const config = testConfig({ sla: { timeScale: SCALE } });
  const start = () =>
    startPipeline({ config, logger: silentLogger(), db: t.db, redisUrl: testRedisUrl(), prefix });

  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => {
    await redis.cleanup();
    await t.cleanup();
  });

  let n = 0;
  const openCase = async (p: Pipeline, over: Parameters<typeof mention>[0] = {}) => {
    // Distinct texts, so no test's mention joins another test's case.
    n += 1;
    const m = mention({ text: distinctNegativeText(n), ...over });
    await p.queues.enqueueMentions([m]);
    return waitFor(() => caseOf(t.db, m.externalId));
  };
  const timeline = (caseId: number) =>
    t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
  const slaEvents = async (caseId: number) =>
    (await timeline(caseId)).filter((e) => ['reminder', 'escalation', 'breach'].includes(e.type));
  /** Waits for the case's four timers and checks they fired in order. */
  const allFourFired = async (caseId: number) => {
    const fired = await waitFor(async () => {
      const evs = await slaEvents(caseId);
      return evs.length === 4 ? evs : undefined;
    }, 15_000);
    expect(fired.map((e) => (e.data as { kind: string }).kind)).toEqual([
      'reminder50',
      'reminder80',
      'escalation',
      'breach',
    ]);
    return fired;
  };

  it('fires reminders, escalation and the breach in order, each once, at the scaled 24 h', async () => {
    const p = await start();
    try {
      const caseId = await openCase(p);
      const fired = await allFourFired(caseId);
      const [c] = await t.db.select().from(cases).where(eq(cases.id, caseId));
      if (!c) throw new Error('case missing');
      expect(c.firstResponseDueAt.getTime() - c.publishedAt.getTime()).toBeCloseTo(24 * HOUR, 0);
      expect(c.breachedAt?.getTime()).toBeGreaterThanOrEqual(c.firstResponseDueAt.getTime());
      expect(c.escalatedAt?.getTime()).toBeGreaterThanOrEqual(c.publishedAt.getTime() + 20 * HOUR - 1);
      for (const e of fired)
        expect(e.at.getTime()).toBeGreaterThanOrEqual(Date.parse((e.data as { dueAt: string }).dueAt));
      // The same timer delivered again under another job id records nothing.
      const breach = fired[3]?.data as { kind: string; dueAt: string };
      await p.queues.sla.add(
        'breach',
        { caseId, kind: 'breach', dueAt: Date.parse(breach.dueAt) },
        { jobId: 'sla-duplicate-delivery' },
      );
      await waitFor(async () => (await p.queues.sla.getJob('sla-duplicate-delivery'))?.finishedOn);
      expect(await slaEvents(caseId)).toHaveLength(4);
    } finally {
      await p.stop();
    }
  });

  it('gives a case found past its deadline its own time from detection, its timers spread over it', async () => {
    // 24 h from detection here (6 s), so the first timer has room however slowly the case opens.
    const lateConfig = testConfig({ sla: { timeScale: SCALE, foundLateHours: 24 } });
    const p = await startPipeline({
      config: lateConfig,
      logger: silentLogger(),
      db: t.db,
      redisUrl: testRedisUrl(),
      prefix,
    });
    try {
      const detected = Date.now();
      const caseId = await openCase(p, {
        publishedAt: new Date(detected - 30 * HOUR),
        crawledAt: new Date(detected),
      });
      const [c] = await t.db.select().from(cases).where(eq(cases.id, caseId));
      if (!c) throw new Error('case missing');
      expect(c.firstResponseDueAt.getTime() - c.detectedAt.getTime()).toBeCloseTo(24 * HOUR, 0);
      const fired = await allFourFired(caseId);
      // Nothing fired at opening: each timer waited for its fraction of the time from detection.
      expect(fired[0]?.at.getTime()).toBeGreaterThanOrEqual(c.detectedAt.getTime() + 12 * HOUR);
      const view = await createCaseService({
        db: t.db,
        queues: p.queues,
        config: lateConfig,
        logger: silentLogger(),
      }).getCase(caseId);
      expect(view.sla).toMatchObject({ foundLate: true, breached: true });
      expect(view.sla.detectionLagMs).toBeCloseTo(30 * HOUR, -1);
    } finally {
      await p.stop();
    }
  });

  it('stops the clock at the first response and removes the pending timers', async () => {
    const p = await start();
    try {
      const caseId = await openCase(p);
      const [c] = await t.db.select().from(cases).where(eq(cases.id, caseId));
      if (!c) throw new Error('case missing');
      // One timer pending per case: the 50 % reminder, which schedules the next when it fires.
      const pending = nextTimerId(config, c);
      expect(pending).toBe(slaJobId(caseId, 'reminder50', c.publishedAt.getTime() + 12 * HOUR));
      const delayed = await p.queues.sla.getDelayed();
      expect(delayed.filter((j) => j.data.caseId === caseId).map((j) => j.id)).toEqual([pending]);
      const service = createCaseService({ db: t.db, queues: p.queues, config, logger: silentLogger() });
      await service.recordResponse(
        caseId,
        { channel: 'weibo_reply', text: '您好，已私信您' },
        { type: 'user', id: '1' },
      );
      expect(await p.queues.sla.getJob(pending)).toBeUndefined();
      await new Promise((r) => setTimeout(r, 24 * HOUR + 500));
      expect(await slaEvents(caseId)).toEqual([]);
      const view = await service.getCase(caseId);
      expect(view.sla.firstResponseMs).toBeGreaterThanOrEqual(0);
      expect(view.sla.breached).toBe(false);
      expect(view.case.status).toBe('responded');
    } finally {
      await p.stop();
    }
  });

  it('keeps timers across a worker restart and fires overdue ones at start', async () => {
    const first = await start();
    const caseId = await openCase(first);
    await first.stop();
    // Down past the 50 % and 80 % reminders: they are skipped as stale, escalation and breach still fire.
    await new Promise((r) => setTimeout(r, 24 * HOUR + 300));
    const second = await start();
    try {
      // Both are overdue at start and fire concurrently: wait for both, then check each fired once.
      const fired = await waitFor(async () => {
        const evs = await slaEvents(caseId);
        const types = new Set(evs.map((e) => e.type));
        return types.has('breach') && types.has('escalation') ? evs : undefined;
      });
      expect(fired.filter((e) => e.type === 'breach')).toHaveLength(1);
      expect(fired.filter((e) => e.type === 'escalation')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('restores timers lost from Redis from the database at start', async () => {
    const first = await start();
    // Found 4 h after publication, so due at publication + 24 h: overdue by 6 h.
    const caseId = await openCase(first, {
      publishedAt: new Date(Date.now() - 30 * HOUR),
      crawledAt: new Date(Date.now() - 26 * HOUR),
    });
    await first.stop();
    const queues = createQueues({ redisUrl: testRedisUrl(), prefix });
    await queues.sla.obliterate({ force: true });
    await queues.close();
    const second = await start();
    try {
      const fired = await waitFor(async () => {
        const evs = await slaEvents(caseId);
        return evs.length >= 2 ? evs : undefined;
      });
      // A moment more, so a duplicate would show.
      await new Promise((r) => setTimeout(r, 300));
      expect((await slaEvents(caseId)).map((e) => e.type).sort()).toEqual(['breach', 'escalation']);
      expect(fired.map((e) => e.type).sort()).toEqual(['breach', 'escalation']);
    } finally {
      await second.stop();
    }
  });
});
