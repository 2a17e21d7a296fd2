import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, ConflictError, slaSchema, TransientError, ValidationError } from '../../core/index.ts';
import type { MentionRow } from '../../store/index.ts';
import { isInputFailure, isTransientFailure } from '../../workers/failures.ts';
import { digestKeys, encodeKey, jobId } from '../../workers/job-ids.ts';
import { planRoute } from '../../workers/route-plan.ts';
import { slaJobId } from '../../workers/job-ids.ts';
import { firstResponseDueAt, foundLate, priorityFromRisk, slaTimers } from '../../workers/sla-policy.ts';
import { channelTakes } from '../../workers/notify-worker.ts';
import { timerJobs } from '../../workers/sla-timers.ts';
import { RESPONSE_TEMPLATES, suggestTemplatesFor } from '../../workers/templates.ts';

describe('job ids', () => {
  it('never contain ":" and never collide across component boundaries', () => {
    expect(jobId('ingest', 'weibo', 'comment:123')).toBe('ingest-weibo-comment%3A123');
    expect(encodeKey('帖子 1')).toBe('%E5%B8%96%E5%AD%90%201');
    expect(jobId('x', 'a-b', 'c')).not.toBe(jobId('x', 'a', 'b-c'));
    expect(digestKeys(['b', 'a'])).toBe(digestKeys(['a', 'b']));
    expect(digestKeys(['a', 'b'])).not.toContain('-');
  });
});

describe('which channels take a notification', () => {
  const events = ['case.opened', 'alert.raised'] as const;
  const n = (priority?: string, team?: string | null) => ({
    event: 'case.opened' as const,
    caseId: 1,
    data: { priority, team },
  });
  it('filters cases by priority and team, never alerts', () => {
    const urgent = { events: [...events], priorities: ['P1' as const, 'P2' as const] };
    expect(channelTakes(urgent, n('P1'))).toBe(true);
    expect(channelTakes(urgent, n('P3'))).toBe(false);
    const south = { events: [...events], teams: ['south', 'shared'] };
    expect(channelTakes(south, n('P4', 'south'))).toBe(true);
    expect(channelTakes(south, n('P4', null))).toBe(true);
    expect(channelTakes(south, n('P4', 'network'))).toBe(false);
    expect(channelTakes({ ...urgent, ...south }, { event: 'alert.raised' })).toBe(true);
    expect(channelTakes({ events: ['case.breached'] }, n('P1'))).toBe(false);
    expect(channelTakes({ events: [...events] }, n())).toBe(true);
  });
});

describe('SLA policy', () => {
  const sla = slaSchema.parse({ byPriority: { P1: 4 } });
  const publishedAt = new Date('2024-11-19T00:00:00Z');
  const hours = (t: number) => (t - publishedAt.getTime()) / 3_600_000;

  it('puts the deadline 24 h after publication, with per-priority overrides', () => {
    expect(hours(firstResponseDueAt(sla, 'P3', publishedAt).getTime())).toBe(24);
    expect(hours(firstResponseDueAt(sla, 'P1', publishedAt).getTime())).toBe(4);
    const scaled = slaSchema.parse({ timeScale: 1 / 3600 });
    expect(firstResponseDueAt(scaled, 'P3', publishedAt).getTime() - publishedAt.getTime()).toBe(24_000);
  });

  it('orders reminders at 50 % and 80 %, escalation at 20 h and the breach at 24 h', () => {
    const timers = slaTimers(sla, {
      priority: 'P2',
      publishedAt,
      firstResponseDueAt: firstResponseDueAt(sla, 'P2', publishedAt),
    });
    expect(timers.map((t) => [t.kind, hours(t.dueAt)])).toEqual([
      ['reminder50', 12],
      ['reminder80', 19.2],
      ['escalation', 20],
      ['breach', 24],
    ]);
  });

  it('keeps one timer pending: the next to come, past-due ones at once, each timer naming its successor', () => {
    const c = (ageHours: number) => {
      const published = new Date(publishedAt.getTime() - ageHours * 3_600_000);
      return {
        id: 7,
        priority: 'P2',
        publishedAt: published,
        firstResponseDueAt: firstResponseDueAt(sla, 'P2', published),
      };
    };
    const now = publishedAt.getTime();
    const plan = (jobs: ReturnType<typeof timerJobs>) => jobs.map((j) => [j.name, j.opts.delay / 3_600_000]);
    expect(plan(timerJobs(sla, c(0), undefined, now))).toEqual([['reminder50', 12]]);
    const fresh = c(0);
    const [r50] = slaTimers(sla, fresh);
    if (!r50) throw new Error('no timers');
    // Fired late, past the escalation's time too: the 80 % reminder is stale and dropped.
    expect(plan(timerJobs(sla, fresh, undefined, now + 20.5 * 3_600_000, r50))).toEqual([
      ['escalation', 0],
      ['breach', 3.5],
    ]);
    expect(plan(timerJobs(sla, fresh, undefined, now + 12 * 3_600_000, r50))).toEqual([['reminder80', 7.2]]);
    // 21 h old at opening: the escalation fires now, the breach waits; no reminders.
    expect(plan(timerJobs(sla, c(21), undefined, now))).toEqual([
      ['escalation', 0],
      ['breach', 3],
    ]);
    const old = c(21);
    const esc = slaTimers(sla, old).find((t) => t.kind === 'escalation');
    if (!esc) throw new Error('no escalation');
    expect(plan(timerJobs(sla, old, new Set([slaJobId(7, esc.kind, esc.dueAt)]), now))).toEqual([
      ['breach', 3],
    ]);
    // A timer of another deadline (the case moved) starts no chain; the breach ends it.
    expect(timerJobs(sla, old, undefined, now, { kind: 'escalation', dueAt: esc.dueAt + 1 })).toEqual([]);
    const breach = slaTimers(sla, old).at(-1);
    if (!breach) throw new Error('no breach');
    expect(timerJobs(sla, old, undefined, now, breach)).toEqual([]);
  });

  it('gives a case found late its own time from detection, with the timers spread over it', () => {
    const found = (ageHours: number, priority = 'P2', policy = sla) => {
      const detectedAt = new Date(publishedAt.getTime() + ageHours * 3_600_000);
      const c = {
        priority,
        publishedAt,
        firstResponseDueAt: firstResponseDueAt(policy, priority, publishedAt, detectedAt),
      };
      return {
        c,
        late: foundLate(policy, c),
        timers: slaTimers(policy, c).map((t) => [t.kind, hours(t.dueAt)]),
      };
    };
    const ON_TIME = [
      ['reminder50', 12],
      ['reminder80', 19.2],
      ['escalation', 20],
      ['breach', 24],
    ];
    // Found 10 h after publication: the usual 24 h from publication.
    expect(found(10)).toMatchObject({
      late: false,
      timers: ON_TIME,
    });
    // Found at 30 h (past the deadline) or at 22 h (2 h left): due 4 h after detection.
    expect(found(30)).toMatchObject({
      late: true,
      timers: [
        ['reminder50', 32],
        ['reminder80', 33.2],
        ['escalation', 30 + (4 * 20) / 24],
        ['breach', 34],
      ],
    });
    expect(hours(found(22).c.firstResponseDueAt.getTime())).toBe(26);
    // Never more than the priority's own time: a P1 (4 h) found at 5 h is due at 9 h.
    expect(hours(found(5, 'P1').c.firstResponseDueAt.getTime())).toBe(9);
    // Off: the deadline stays at publication + 24 h, already past.
    const off = slaSchema.parse({ foundLateHours: 0 });
    expect(found(30, 'P2', off)).toMatchObject({
      late: false,
      timers: ON_TIME,
    });
    // Opened at detection, a found-late case has one timer pending and none firing at once.
    const late = { id: 8, ...found(30).c };
    const now = publishedAt.getTime() + 30 * 3_600_000;
    expect(timerJobs(sla, late, undefined, now).map((j) => [j.name, j.opts.delay / 3_600_000])).toEqual([
      ['reminder50', 2],
    ]);
  });

  it('maps risk to priorities at the documented thresholds', () => {
    expect([95, 80, 79, 60, 59, 45, 40, 39, 0].map(priorityFromRisk)).toEqual([
      'P1',
      'P1',
      'P2',
      'P2',
      'P3',
      'P3',
      'P3',
      'P4',
      'P4',
    ]);
  });
});

describe('route plan', () => {
  let id = 0;
  const row = (over: Partial<MentionRow>): MentionRow =>
    ({
      id: ++id,
      source: 'weibo',
      externalId: `e${id}`,
      clusterId: id,
      parentExternalId: null,
      threadId: null,
      authorId: null,
      publishedAt: new Date(id * 1000),
      ...over,
    }) as MentionRow;

  it('puts a wave, its reposts and a thread follow-up of one batch into one new case', () => {
    const a = row({ clusterId: 100, threadId: 't', authorId: 'u' });
    const copy = row({ clusterId: 100 });
    const repost = row({ clusterId: 555, parentExternalId: a.externalId });
    const followUp = row({ clusterId: 777, threadId: 't', authorId: 'u' });
    const other = row({ clusterId: 999 });
    const plan = planRoute([other, followUp, repost, copy, a].reverse(), new Map());
    expect(plan.newCases.map((c) => c.members.map((m) => [m.m.id, m.reason]))).toEqual([
      [
        [a.id, 'opened'],
        [copy.id, 'cluster'],
        [repost.id, 'repost'],
        [followUp.id, 'thread_author'],
      ],
      [[other.id, 'opened']],
    ]);
  });

  it('sends a mention the database links to an open case there, and its copies after it', () => {
    const m = row({ clusterId: 300 });
    const copy = row({ clusterId: 300 });
    const plan = planRoute([m, copy], new Map([[m.id, { caseId: 42, reason: 'thread_author' as const }]]));
    expect(plan.newCases).toEqual([]);
    expect(plan.joins.get(42)?.map((x) => [x.m.id, x.reason])).toEqual([
      [m.id, 'thread_author'],
      [copy.id, 'cluster'],
    ]);
  });

  it('opens no case for history older than the cutoff, but lets it join an open case', () => {
    const old = row({ clusterId: 400, publishedAt: new Date('2026-01-01T00:00:00Z') });
    const oldLinked = row({ clusterId: 401, publishedAt: new Date('2026-01-01T00:00:00Z') });
    const fresh = row({ clusterId: 402, publishedAt: new Date('2026-12-01T00:00:00Z') });
    const cutoff = new Date('2026-11-28T00:00:00Z');
    const plan = planRoute(
      [old, oldLinked, fresh],
      new Map([[oldLinked.id, { caseId: 7, reason: 'cluster' as const }]]),
      cutoff,
    );
    expect(plan.newCases.map((c) => c.primary.id)).toEqual([fresh.id]);
    expect(plan.joins.get(7)?.map((x) => x.m.id)).toEqual([oldLinked.id]);
  });
});

describe('failure classification', () => {
  it('retries connection trouble and deadlocks, dead-letters bad input', () => {
    expect(isTransientFailure(new TransientError('down'))).toBe(true);
    expect(
      isTransientFailure(
        new Error('query failed', { cause: Object.assign(new Error('x'), { code: '57P01' }) }),
      ),
    ).toBe(true);
    expect(isTransientFailure(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isTransientFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isTransientFailure(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isInputFailure(new ValidationError('bad'))).toBe(true);
    expect(isInputFailure(new ConflictError('no'))).toBe(true);
    expect(isInputFailure(new Error('boom'))).toBe(false);
  });
});

describe('response templates', () => {
  it('cover every complaint category plus a generic one, each polite, private-channel and 24 h minded', () => {
    expect(RESPONSE_TEMPLATES.map((t) => t.category).sort()).toEqual([...CATEGORY_IDS, 'generic'].sort());
    for (const t of RESPONSE_TEMPLATES) {
      expect(t.text).toMatch(/您好/);
      expect(t.text).toMatch(/私信/);
      expect(t.text).toContain('{工单号}');
    }
  });

  it('fill unknown facts with neutral wording', () => {
    const [generic] = suggestTemplatesFor({
      caseId: 7,
      nickname: null,
      region: null,
      categories: [],
      keywords: [],
      hotline: null,
    });
    expect(generic?.category).toBe('generic');
    expect(generic?.text).toMatch(/^您好/);
    expect(generic?.text).toContain('KB000007');
    expect(generic?.text).not.toMatch(/\{[^}]+\}/);
  });
});
