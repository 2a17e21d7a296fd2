import { type CaseEventRow, type CaseRow, getUsersByIds } from '../store/index.ts';
import { teamLead } from './assignment.ts';
import type { CaseDeps } from './context.ts';
import { caseNotification, notifyEventOf } from './notify-messages.ts';
import {
  addTimerJobs,
  removeTimerJobs,
  type TimerJob,
  timerJobIds,
  timerJobs,
  timersLive,
} from './sla-timers.ts';
import type { CaseEventMessage } from './types.ts';

/**
 * What follows a committed case change, outside the transaction: move or cancel SLA timers, tell
 * SSE subscribers, queue notifications. Each step is idempotent (deterministic job ids, dedupe
 * keys), so a retried job may run them again safely; a failure is logged, never undoes the change.
 */

/** One committed change: the row before (null when just opened), after, and the events appended. */
export interface CaseChange {
  before: CaseRow | null;
  after: CaseRow;
  events: CaseEventRow[];
}

const ALERT_TYPES = new Set(['reminder', 'escalation', 'breach']);

/** The timer jobs to remove and to add so that timers match the case after the change. */
export function timerPlan(
  deps: CaseDeps,
  before: CaseRow | null,
  after: CaseRow,
): { remove: string[]; add: TimerJob[] } {
  const sla = deps.config.sla;
  const wasLive = before !== null && timersLive(before);
  const isLive = timersLive(after);
  const moved =
    before !== null &&
    (before.firstResponseDueAt.getTime() !== after.firstResponseDueAt.getTime() ||
      before.publishedAt.getTime() !== after.publishedAt.getTime());
  const remove = wasLive && before && (!isLive || moved) ? timerJobIds(sla, before) : [];
  const add =
    isLive && (!wasLive || moved || before?.assigneeId !== after.assigneeId) ? timerJobs(sla, after) : [];
  return { remove, add };
}

async function syncTimers(deps: CaseDeps, changes: readonly CaseChange[]): Promise<void> {
  const plans = changes.map((c) => timerPlan(deps, c.before, c.after));
  await removeTimerJobs(
    deps.queues,
    plans.flatMap((p) => p.remove),
  );
  await addTimerJobs(
    deps.queues,
    plans.flatMap((p) => p.add),
  );
}

function message(c: CaseRow, e: CaseEventRow): CaseEventMessage {
  return {
    kind: e.type === 'opened' ? 'case.opened' : ALERT_TYPES.has(e.type) ? 'alert' : 'case.changed',
    caseId: c.id,
    type: e.type,
    at: e.at.toISOString(),
    status: c.status,
    priority: c.priority,
    assigneeId: c.assigneeId,
    data: { eventId: e.id, ...((e.data as Record<string, unknown> | null) ?? {}) },
  };
}

async function notifyAll(deps: CaseDeps, c: CaseRow, events: CaseEventRow[]): Promise<void> {
  const wanted = events.map((e) => ({ e, event: notifyEventOf(e, c) })).filter((x) => x.event !== null);
  if (wanted.length === 0 || deps.config.notifications.channels.length === 0) return;
  const [user] = c.assigneeId === null ? [] : await getUsersByIds(deps.db, [c.assigneeId]);
  const names = {
    assignee: user ? (user.displayName ?? user.username) : null,
    lead: teamLead(deps.config.routing, c.team),
  };
  for (const { e, event } of wanted) {
    if (event) await deps.queues.enqueueNotification(caseNotification(event, c, e, names));
  }
}

/**
 * Run the after-commit steps of one or more changes (batched: one Redis round trip for all timers
 * and one for all SSE messages). Each step runs even when an earlier one failed. With `strict`
 * (pipeline jobs, which retry) the first failure is thrown afterwards; otherwise (the case service,
 * whose change is committed already) it is logged and start-up reconciliation repairs timers.
 */
export async function applyCaseEffects(
  deps: CaseDeps,
  change: CaseChange | readonly CaseChange[],
  strict = false,
): Promise<void> {
  const changes = Array.isArray(change) ? (change as readonly CaseChange[]) : [change as CaseChange];
  if (changes.length === 0) return;
  let failure: unknown;
  const steps: [string, () => Promise<unknown>][] = [
    ['timers', () => syncTimers(deps, changes)],
    [
      'publish',
      () => deps.queues.publishCaseEvents(changes.flatMap((c) => c.events.map((e) => message(c.after, e)))),
    ],
    ['notify', () => Promise.all(changes.map((c) => notifyAll(deps, c.after, c.events)))],
  ];
  for (const [name, run] of steps) {
    try {
      await run();
    } catch (err) {
      failure ??= err;
      deps.logger.warn(
        { err, caseIds: changes.map((c) => c.after.id), step: name },
        'case side effect failed',
      );
    }
  }
  if (strict && failure) throw failure;
}
