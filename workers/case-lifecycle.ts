import { ConflictError, ValidationError } from '../core/index.ts';
import { CASE_STATUSES, type CasePatch, type CaseRow, type CaseStatus } from '../store/index.ts';

/**
 * The case lifecycle: new → assigned → in_progress → responded → resolved → closed. Any open case
 * may be closed (dismissed as noise); resolved and closed cases reopen to in_progress or assigned.
 * `assigned` needs an assignee (use assign), `responded` needs a recorded response (use
 * recordResponse), and `resolved` comes only after a response, so the SLA clock always has a stop.
 */
export const TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['assigned', 'in_progress', 'closed'],
  assigned: ['in_progress', 'closed'],
  in_progress: ['assigned', 'responded', 'closed'],
  responded: ['in_progress', 'resolved', 'closed'],
  resolved: ['closed', 'in_progress', 'assigned'],
  closed: ['in_progress', 'assigned'],
};

/** Statuses that still take mentions and responses. */
export const ACTIVE_STATUSES: readonly CaseStatus[] = ['new', 'assigned', 'in_progress', 'responded'];

/** True for a status name. */
export function isCaseStatus(s: unknown): s is CaseStatus {
  return typeof s === 'string' && (CASE_STATUSES as readonly string[]).includes(s);
}

/** Throw ConflictError when a merged case is acted on. */
export function assertNotMerged(c: CaseRow): void {
  if (c.mergedIntoId !== null)
    throw new ConflictError(`case ${c.id} was merged into case ${c.mergedIntoId}; act on that case`);
}

/** True when the move reopens a finished case. */
export function isReopen(from: CaseStatus, to: CaseStatus): boolean {
  return (from === 'resolved' || from === 'closed') && (to === 'in_progress' || to === 'assigned');
}

/** Check a status change and return the fields it sets; throws ConflictError with the reason. */
export function planTransition(c: CaseRow, to: unknown, now: Date): CasePatch {
  if (!isCaseStatus(to))
    throw new ValidationError(`unknown case status "${String(to)}"; use one of ${CASE_STATUSES.join(', ')}`);
  const from = c.status;
  if (from === to) throw new ConflictError(`case ${c.id} is already ${to}`);
  const allowed = TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw new ConflictError(
      `cannot move case ${c.id} from ${from} to ${to}; allowed from ${from}: ${allowed.join(', ')}`,
    );
  }
  if (to === 'assigned' && c.assigneeId === null)
    throw new ConflictError(`case ${c.id} has no assignee; assign someone instead`);
  if (to === 'responded' && c.firstRespondedAt === null) {
    throw new ConflictError(`case ${c.id} has no recorded response; record the response instead`);
  }
  const patch: CasePatch = { status: to };
  if (to === 'resolved') patch.resolvedAt = now;
  if (to === 'closed') patch.closedAt = now;
  if (isReopen(from, to)) Object.assign(patch, { resolvedAt: null, closedAt: null });
  return patch;
}
