import type { Priority, SlaConfig } from '../core/index.ts';
import type { SlaKind } from './types.ts';

/**
 * The first-response SLA, as pure functions of the case. The clock starts when the mention was
 * published (as the public sees it), not when we found it, except that a case found late still gets
 * `foundLateHours` from its detection. All durations are multiplied by
 * `sla.timeScale`, which tests use to turn hours into seconds; nothing else is faked.
 */

const HOUR_MS = 3_600_000;

/** Risk thresholds of the priorities (inclusive lower bounds); below P3 is P4. */
export const PRIORITY_THRESHOLDS = { P1: 80, P2: 60, P3: 40 } as const;

/** Priority from the nlp risk score (0–100). */
export function priorityFromRisk(risk: number): Priority {
  if (risk >= PRIORITY_THRESHOLDS.P1) return 'P1';
  if (risk >= PRIORITY_THRESHOLDS.P2) return 'P2';
  if (risk >= PRIORITY_THRESHOLDS.P3) return 'P3';
  return 'P4';
}

/** The more urgent of two priorities. */
export function higherPriority(a: string, b: string): string {
  return a <= b ? a : b;
}

/** Allowed time to first response for a priority, in (scaled) ms. */
export function allowedMs(sla: SlaConfig, priority: string): number {
  const hours = sla.byPriority[priority as Priority] ?? sla.firstResponseHours;
  return hours * HOUR_MS * sla.timeScale;
}

/** What a found-late case still gets from detection: `foundLateHours`, at most the allowed time (scaled ms). */
export function foundLateMs(sla: SlaConfig, priority: string): number {
  return Math.min(sla.foundLateHours * HOUR_MS * sla.timeScale, allowedMs(sla, priority));
}

/**
 * The first-response deadline: publication + allowed time, but never sooner than
 * {@link foundLateMs} after `detectedAt`, when given. A complaint we found late is still answered in
 * reasonable time, and its deadline is one the team can meet.
 */
export function firstResponseDueAt(
  sla: SlaConfig,
  priority: string,
  publishedAt: Date,
  detectedAt?: Date,
): Date {
  const due = publishedAt.getTime() + allowedMs(sla, priority);
  const grace = foundLateMs(sla, priority);
  return new Date(detectedAt && grace > 0 ? Math.max(due, detectedAt.getTime() + grace) : due);
}

/** The case fields the SLA policy reads. */
export type SlaCase = { priority: string; publishedAt: Date; firstResponseDueAt: Date };

/** True when the deadline runs from detection (see {@link firstResponseDueAt}): the case was found late. */
export function foundLate(sla: SlaConfig, c: SlaCase): boolean {
  return c.firstResponseDueAt.getTime() - c.publishedAt.getTime() > allowedMs(sla, c.priority);
}

/** One SLA timer: what fires when. */
export interface SlaTimer {
  kind: SlaKind;
  dueAt: number;
}

/**
 * The timers of a case, earliest first: reminders at each configured fraction of the allowed time,
 * escalation at `escalateAfterHours / firstResponseHours` of it (20 of 24 h by default, so a P1 with
 * 4 h escalates after 3 h 20 min), and the breach at the deadline. A case found late has them at the
 * same fractions of its time from detection.
 */
export function slaTimers(sla: SlaConfig, c: SlaCase): SlaTimer[] {
  const due = c.firstResponseDueAt.getTime();
  const start = foundLate(sla, c) ? due - foundLateMs(sla, c.priority) : c.publishedAt.getTime();
  const span = Math.max(0, due - start);
  const at = (fraction: number) => Math.round(start + span * fraction);
  const timers: SlaTimer[] = sla.reminders.map((f) => ({
    kind: `reminder${Math.round(f * 100)}` as SlaKind,
    dueAt: at(f),
  }));
  const escalateFraction = sla.escalateAfterHours / sla.firstResponseHours;
  if (escalateFraction < 1) timers.push({ kind: 'escalation', dueAt: at(escalateFraction) });
  timers.push({ kind: 'breach', dueAt: due });
  return timers.sort((a, b) => a.dueAt - b.dueAt);
}

/** The case event type a timer records. */
export function slaEventType(kind: SlaKind): 'reminder' | 'escalation' | 'breach' {
  return kind === 'escalation' || kind === 'breach' ? kind : 'reminder';
}
