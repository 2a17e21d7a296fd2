import type { Job } from 'bullmq';
import { ValidationError } from '../core/index.ts';
import {
  appendCaseEvent,
  type CaseEventRow,
  type CaseRow,
  getCaseEventByDedupeKey,
  getCaseForUpdate,
  updateCase,
} from '../store/index.ts';
import { teamLead } from './assignment.ts';
import { applyCaseEffects } from './case-effects.ts';
import type { StageContext } from './context.ts';
import { slaJobId } from './job-ids.ts';
import { slaEventType, slaTimers } from './sla-policy.ts';
import { scheduleNextTimer, timersLive } from './sla-timers.ts';
import type { SlaJobData } from './types.ts';

/**
 * An SLA timer fires: re-read the case and record the reminder, escalation or breach only if the
 * clock still runs and this timer still belongs to the case's current deadline. The event's dedupe
 * key is the timer's id (case, kind, due time), so a timer that runs twice (retry, duplicate job) records once.
 * A timer of the running clock then schedules the case's next timer.
 */

/** `current`: the case, when the timer belongs to its running clock (so the next timer follows). */
type Outcome =
  | { fired: true; after: CaseRow; event: CaseEventRow }
  | { fired: false; reason: string; current: CaseRow | null };

/** Skips after which the timer was still the case's own: the chain goes on. */
const CHAIN_ON_SKIP = new Set(['already breached', 'already escalated', 'fired before']);

function skipReason(c: CaseRow | null, data: SlaJobData, ctx: StageContext): string | null {
  if (!c) return 'case gone';
  if (!timersLive(c)) return 'clock stopped';
  if (!slaTimers(ctx.config.sla, c).some((t) => t.kind === data.kind && t.dueAt === data.dueAt))
    return 'deadline moved';
  if (data.kind === 'breach' && c.breachedAt) return 'already breached';
  if (data.kind === 'escalation' && c.escalatedAt) return 'already escalated';
  return null;
}

async function fire(ctx: StageContext, job: Job<SlaJobData>): Promise<Outcome> {
  const data = job.data;
  return ctx.db.transaction(async (tx): Promise<Outcome> => {
    const c = await getCaseForUpdate(tx, data.caseId);
    // A retry after the event committed but before its notifications went out: send them now.
    const earlier =
      c && job.attemptsStarted > 1
        ? await getCaseEventByDedupeKey(tx, slaJobId(c.id, data.kind, data.dueAt))
        : null;
    if (c && earlier) return { fired: true, after: c, event: earlier };
    const skip = skipReason(c, data, ctx);
    if (skip || !c)
      return {
        fired: false,
        reason: skip ?? 'case gone',
        current: skip && CHAIN_ON_SKIP.has(skip) ? c : null,
      };
    const firedAt = new Date();
    const type = slaEventType(data.kind);
    const event = await appendCaseEvent(tx, {
      caseId: c.id,
      actorType: 'system',
      actorId: 'sla',
      type,
      data: {
        kind: data.kind,
        dueAt: new Date(data.dueAt).toISOString(),
        lateMs: firedAt.getTime() - data.dueAt,
        assigneeId: c.assigneeId,
        ...(type === 'escalation' ? { lead: teamLead(ctx.config.routing, c.team) } : {}),
      },
      dedupeKey: slaJobId(c.id, data.kind, data.dueAt),
    });
    if (!event) return { fired: false, reason: 'fired before', current: c };
    let after = c;
    if (type === 'escalation') after = (await updateCase(tx, c.id, { escalatedAt: firedAt })) ?? c;
    if (type === 'breach') after = (await updateCase(tx, c.id, { breachedAt: firedAt })) ?? c;
    return { fired: true, after, event };
  });
}

/** Process one SLA timer job. */
export async function processSlaTimer(
  ctx: StageContext,
  job: Job<SlaJobData>,
): Promise<{ fired: boolean; reason?: string }> {
  const d = job.data;
  if (!d || !Number.isInteger(d.caseId) || typeof d.kind !== 'string' || !Number.isFinite(d.dueAt)) {
    throw new ValidationError('malformed SLA timer job');
  }
  const out = await fire(ctx, job);
  // The next timer first: a failure in the notifications below must not end the chain.
  const current = out.fired ? out.after : out.current;
  if (current) await scheduleNextTimer(ctx.queues, ctx.config.sla, current, d);
  if (!out.fired) return { fired: false, reason: out.reason };
  // Timers stay as they are (before = after), so only publish and notify run.
  await applyCaseEffects(ctx, { before: out.after, after: out.after, events: [out.event] }, true);
  return { fired: true };
}
