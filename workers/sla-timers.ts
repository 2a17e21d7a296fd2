import type { SlaConfig } from '../core/index.ts';
import { type CaseRow, type Db, listCaseEventDedupeKeys, listUnrespondedOpenCases } from '../store/index.ts';
import { slaJobId } from './job-ids.ts';
import type { Queues } from './queues.ts';
import type { SlaJobData } from './types.ts';
import { slaTimers } from './sla-policy.ts';

/**
 * SLA timers are BullMQ delayed jobs with deterministic ids (case, kind, due time): scheduling twice
 * is a no-op, they survive restarts in Redis, and a moved deadline gets new ids while the old jobs
 * are removed. The timer processor re-checks the case in the database anyway, so a timer that could
 * not be removed (Redis down at that moment) fires as a no-op.
 */

type TimerCase = Pick<CaseRow, 'id' | 'publishedAt' | 'firstResponseDueAt'>;

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
 * The case's timer jobs. Past-due timers fire at once; a past-due reminder is dropped when a later
 * timer is past due too (no 50 % reminder for a breached case).
 */
export function timerJobs(
  sla: SlaConfig,
  c: TimerCase,
  skipKeys?: ReadonlySet<string>,
  now = Date.now(),
): TimerJob[] {
  const timers = slaTimers(sla, c);
  return timers
    .filter(
      (t, i) => !(t.kind.startsWith('reminder') && (timers[i + 1]?.dueAt ?? Number.POSITIVE_INFINITY) <= now),
    )
    .map((t) => ({ t, id: slaJobId(c.id, t.kind, t.dueAt) }))
    .filter((j) => !skipKeys?.has(j.id))
    .map(({ t, id }) => ({
      name: t.kind,
      data: { caseId: c.id, kind: t.kind, dueAt: t.dueAt },
      opts: { jobId: id, delay: Math.max(0, t.dueAt - now) },
    }));
}

/** The job ids of the case's timers for its current deadline. */
export function timerJobIds(sla: SlaConfig, c: TimerCase): string[] {
  return slaTimers(sla, c).map((t) => slaJobId(c.id, t.kind, t.dueAt));
}

/** Add the case's timers; returns how many were added (existing ids are no-ops in BullMQ). */
export async function scheduleCaseTimers(
  queues: Queues,
  sla: SlaConfig,
  c: TimerCase,
  skipKeys?: ReadonlySet<string>,
): Promise<number> {
  const jobs = timerJobs(sla, c, skipKeys);
  if (jobs.length) await queues.sla.addBulk(jobs);
  return jobs.length;
}

/** Remove pending timer jobs (a running one finishes as a no-op). */
export async function removeTimerJobs(queues: Queues, ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => queues.sla.remove(id).catch(() => 0)));
}

/**
 * Make Redis agree with the database: every open, unanswered case gets its timers (those that have
 * not fired). Run at start-up, so timers lost with Redis data come back and overdue ones fire now.
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
