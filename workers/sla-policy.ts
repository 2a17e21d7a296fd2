import type { Priority, SlaConfig } from '../core/index.ts';
import type { SlaKind } from './types.ts';

/**
 * The first-response SLA, as pure functions of the case. The clock starts when the mention was
 * published (as the public sees it), not when we found it. All durations are multiplied by
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

/** The first-response deadline: publication + allowed time. */
export function firstResponseDueAt(sla: SlaConfig, priority: string, publishedAt: Date): Date {
  return new Date(publishedAt.getTime() + allowedMs(sla, priority));
}

/** One SLA timer: what fires when. */
export interface SlaTimer {
  kind: SlaKind;
  dueAt: number;
}

/**
 * The timers of a case, earliest first: reminders at each configured fraction of the allowed time,
 * escalation at `escalateAfterHours / firstResponseHours` of it (20 of 24 h by default, so a P1 with
 * 4 h escalates after 3 h 20 min), and the breach at the deadline.
 */
export function slaTimers(sla: SlaConfig, c: { publishedAt: Date; firstResponseDueAt: Date }): SlaTimer[] {
  const start = c.publishedAt.getTime();
  const due = c.firstResponseDueAt.getTime();
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
