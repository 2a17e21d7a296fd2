import type { SlaConfig } from '../core/index.ts';
import { type CaseRow, type Db, listCaseEventDedupeKeys, listUnrespondedOpenCases } from '../store/index.ts';
import { slaJobId } from './job-ids.ts';
import type { Queues } from './queues.ts';
import type { SlaJobData } from './types.ts';
import { type SlaTimer, slaTimers } from './sla-policy.ts';

/**
 * SLA timers are BullMQ delayed jobs with deterministic ids (case, kind, due time): scheduling twice
 * is a no-op, they survive restarts in Redis, and a moved deadline gets new ids while the old jobs
 * are removed. A case has one pending timer at a time: each timer, when it fires, schedules the
 * next one (a quarter of the delayed jobs that scheduling all four at once would keep in Redis, and
 * so of the cost of opening a case). The timer processor re-checks the case in the database anyway,
 * so a timer that could not be removed (Redis down at that moment) fires as a no-op.
 */

type TimerCase = Pick<CaseRow, 'id' | 'priority' | 'publishedAt' | 'firstResponseDueAt'>;

/** True while the first-response clock runs. */
export function timersLive(c: Pick<CaseRow, 'status' | 'firstRespondedAt' | 'mergedIntoId'>): boolean {
  return (
    c.firstRespondedAt === null &&
    c.mergedIntoId === null &&
    ['new', 'assigned', 'in_progress'].includes(c.status)
  );
}

/** A delayed SLA job to add. */
export interface TimerJob {
  name: string;
  data: SlaJobData;
  opts: { jobId: string; delay: number };
}

/**
 * The case's timer jobs to add: those past due (they fire at once), then the next one to come. Only
 * timers after `after` (the timer that just fired) and not in `skipKeys` (fired already) count. A
 * past-due reminder is dropped when a later timer is past due too (no 50 % reminder for a breached
 * case). A future timer cannot have run yet, so its id is never taken by a finished job, and a
 * deadline that moves back to an earlier value still gets its timers.
 */
export function timerJobs(
  sla: SlaConfig,
  c: TimerCase,
  skipKeys?: ReadonlySet<string>,
  now = Date.now(),
  after?: Pick<SlaTimer, 'kind' | 'dueAt'>,
): TimerJob[] {
  const timers = slaTimers(sla, c);
  const from = after ? timers.findIndex((t) => t.kind === after.kind && t.dueAt === after.dueAt) + 1 : 0;
  if (after && from === 0) return [];
  const pending = timers
    .map((t, i) => ({ t, i, id: slaJobId(c.id, t.kind, t.dueAt) }))
    .filter(
      ({ t, i, id }) =>
        i >= from &&
        !skipKeys?.has(id) &&
        !(t.kind.startsWith('reminder') && (timers[i + 1]?.dueAt ?? Number.POSITIVE_INFINITY) <= now),
    );
  const due = pending.filter(({ t }) => t.dueAt <= now);
  const next = pending.find(({ t }) => t.dueAt > now);
  return [...due, ...(next ? [next] : [])].map(({ t, id }) => ({
    name: t.kind,
    data: { caseId: c.id, kind: t.kind, dueAt: t.dueAt },
    opts: { jobId: id, delay: Math.max(0, t.dueAt - now) },
  }));
}

/** The job ids of the case's timers for its current deadline. */
export function timerJobIds(sla: SlaConfig, c: TimerCase): string[] {
  return slaTimers(sla, c).map((t) => slaJobId(c.id, t.kind, t.dueAt));
}

/** Add timer jobs in one round trip; returns how many (existing ids are no-ops in BullMQ). */
export async function addTimerJobs(queues: Queues, jobs: readonly TimerJob[]): Promise<number> {
  if (jobs.length) await queues.sla.addBulk([...jobs]);
  return jobs.length;
}

/** Add the case's due and next timers; returns how many were added (existing ids are no-ops in BullMQ). */
export async function scheduleCaseTimers(
  queues: Queues,
  sla: SlaConfig,
  c: TimerCase,
  skipKeys?: ReadonlySet<string>,
): Promise<number> {
  return addTimerJobs(queues, timerJobs(sla, c, skipKeys));
}

/**
 * After a timer of the case's current deadline ran: add the timer that follows it (the chain that
 * keeps one timer pending per case). Nothing when the clock stopped meanwhile.
 */
export async function scheduleNextTimer(
  queues: Queues,
  sla: SlaConfig,
  c: TimerCase & Parameters<typeof timersLive>[0],
  after: Pick<SlaTimer, 'kind' | 'dueAt'>,
): Promise<number> {
  return timersLive(c) ? addTimerJobs(queues, timerJobs(sla, c, undefined, Date.now(), after)) : 0;
}

/** Remove pending timer jobs (a running one finishes as a no-op). */
export async function removeTimerJobs(queues: Queues, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => queues.sla.remove(id).catch(() => 0)));
}

/**
 * Make Redis agree with the database: every open, unanswered case gets its next timer (the first
 * that has not fired). Run at start-up, so timers lost with Redis data come back and overdue ones fire now.
 */
export async function reconcileSlaTimers(db: Db, queues: Queues, sla: SlaConfig): Promise<number> {
  let added = 0;
  for (let after = 0; ; ) {
    const page = await listUnrespondedOpenCases(db, after, 500);
    if (page.length === 0) return added;
    const fired = await listCaseEventDedupeKeys(
      db,
      page.map((c) => c.id),
    );
    for (const c of page) added += await scheduleCaseTimers(queues, sla, c, fired);
    after = page[page.length - 1]?.id ?? after;
  }
}
