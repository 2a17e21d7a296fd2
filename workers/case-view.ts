import { NotFoundError } from '../core/index.ts';
import {
  type CaseEventRow,
  type CaseRow,
  getCaseById,
  listCaseEvents,
  listCaseMentions,
} from '../store/index.ts';
import type { CaseDeps } from './context.ts';
import { foundLate, slaTimers } from './sla-policy.ts';
import { timersLive } from './sla-timers.ts';
import { type SuggestedTemplate, suggestTemplatesFor } from './templates.ts';

/** SLA figures of a case. Durations in ms; null when not applicable yet. */
export interface CaseSla {
  firstResponseDueAt: string;
  /** Time left to the deadline (negative when overdue); null once answered or closed. */
  remainingMs: number | null;
  /** True when the deadline passed without a response (recorded or not yet). */
  breached: boolean;
  /** Found after publication by this much (detectedAt − publishedAt). */
  detectionLagMs: number;
  /** True when the case was found late and its deadline runs from detection (`sla.foundLateHours`). */
  foundLate: boolean;
  /** Publication to first response. */
  firstResponseMs: number | null;
  /** Publication to resolution. */
  resolutionMs: number | null;
  /** The timers of the current deadline and whether each has fired. */
  timers: { kind: string; dueAt: string; fired: boolean }[];
}

/** A case with everything the case page shows. */
export interface CaseView {
  case: CaseRow;
  mentions: Awaited<ReturnType<typeof listCaseMentions>>;
  timeline: CaseEventRow[];
  sla: CaseSla;
}

function slaOf(deps: CaseDeps, c: CaseRow, timeline: CaseEventRow[]): CaseSla {
  const now = Date.now();
  const published = c.publishedAt.getTime();
  const due = c.firstResponseDueAt.getTime();
  const fired = new Set(
    timeline
      .filter((e) => e.dedupeKey?.startsWith('sla-'))
      .map((e) => (e.data as { kind?: string } | null)?.kind),
  );
  return {
    firstResponseDueAt: c.firstResponseDueAt.toISOString(),
    remainingMs: timersLive(c) ? due - now : null,
    breached:
      c.breachedAt !== null ||
      (c.firstRespondedAt ? c.firstRespondedAt.getTime() > due : timersLive(c) && now > due),
    detectionLagMs: c.detectedAt.getTime() - published,
    foundLate: foundLate(deps.config.sla, c),
    firstResponseMs: c.firstRespondedAt ? c.firstRespondedAt.getTime() - published : null,
    resolutionMs: c.resolvedAt ? c.resolvedAt.getTime() - published : null,
    timers: slaTimers(deps.config.sla, c).map((t) => ({
      kind: t.kind,
      dueAt: new Date(t.dueAt).toISOString(),
      fired: fired.has(t.kind),
    })),
  };
}

/** Load a case view or throw NotFoundError. */
export async function getCaseView(deps: CaseDeps, caseId: number): Promise<CaseView> {
  const c = await getCaseById(deps.db, caseId);
  if (!c) throw new NotFoundError(`case ${caseId} not found`);
  const [mentions, timeline] = await Promise.all([
    listCaseMentions(deps.db, caseId),
    listCaseEvents(deps.db, caseId),
  ]);
  return { case: c, mentions, timeline, sla: slaOf(deps, c, timeline) };
}

/** Filled reply templates for the case's categories, plus the generic one. */
export async function suggestCaseTemplates(deps: CaseDeps, caseId: number): Promise<SuggestedTemplate[]> {
  const c = await getCaseById(deps.db, caseId);
  if (!c) throw new NotFoundError(`case ${caseId} not found`);
  const mentions = await listCaseMentions(deps.db, caseId);
  const primary = mentions.find((m) => m.id === c.primaryMentionId) ?? mentions[0];
  const brand = deps.config.brands.find((b) => b.name === c.brand);
  return suggestTemplatesFor({
    caseId: c.id,
    nickname: primary?.authorName ?? null,
    region: c.region,
    categories: c.categories,
    keywords: primary?.keywords ?? [],
    hotline: brand?.hotlines[0] ?? null,
  });
}
