import type { Job } from 'bullmq';
import { ValidationError } from '../core/index.ts';
import {
  addCaseMentions,
  appendCaseEvents,
  type Db,
  findOpenCasesForMentions,
  getCaseById,
  getCasesForUpdate,
  getCaseMemberships,
  getMentionsByIds,
  insertCases,
  type JoinReason,
  listCaseEvents,
  lockAdvisoryKeys,
  type CaseRow,
  type MentionRow,
  type NewCase,
  type NewCaseEvent,
  updateCase,
} from '../store/index.ts';
import { type AgentCache, matchTeam, pickAssignee } from './assignment.ts';
import { applyCaseEffects, type CaseChange } from './case-effects.ts';
import { isRouteCandidate, type StageContext } from './context.ts';
import { type PlannedCase, planRoute, routeLockKeys } from './route-plan.ts';
import { firstResponseDueAt, higherPriority, priorityFromRisk } from './sla-policy.ts';
import type { MentionIdsJobData } from './types.ts';

/**
 * Route: each mention negative toward our brand joins an open case (a repost or reply of one of its
 * mentions, the same SimHash cluster, or the same author in the same thread) or opens one. One
 * transaction per job holds advisory locks on the mentions' cluster, thread-author and repost keys,
 * so concurrent workers and duplicate executions serialise: one case per conversation, always.
 * The batch is decided in memory (route-plan.ts) and written with multi-row statements.
 */

const ROUTE_ACTOR = { actorType: 'system', actorId: 'route' } as const;

/** Mentions published before this open no case (`routing.openCaseMaxAgeHours`). */
function openCutoff(ctx: StageContext): number {
  return Date.now() - ctx.config.routing.openCaseMaxAgeHours * 3_600_000;
}

/**
 * When the response clock of a case starts: its earliest member, counting only members young enough
 * to open a case themselves. An old post that joins (the original of a thread, last spring's news)
 * is context; it must not make a new case overdue by months. `fallback` when no member counts.
 */
function clockStart(ctx: StageContext, members: readonly { m: MentionRow }[], fallback: number): Date {
  const cutoff = openCutoff(ctx);
  const times = members.map((x) => x.m.publishedAt.getTime()).filter((t) => t >= cutoff);
  return new Date(Math.min(fallback, ...times));
}

function caseTitle(m: MentionRow): string {
  return (m.title || m.text).replace(/\s+/g, ' ').trim().slice(0, 60) || `${m.source} ${m.externalId}`;
}

async function newCaseRow(ctx: StageContext, tx: Db, pc: PlannedCase, agents: AgentCache): Promise<NewCase> {
  const m = pc.primary;
  const risk = Math.max(...pc.members.map((x) => x.m.risk ?? 0));
  const publishedAt = clockStart(ctx, pc.members, m.publishedAt.getTime());
  const priority = priorityFromRisk(risk);
  const team = matchTeam(ctx.config.routing, m.categories, m.region);
  const assigneeOpts = {
    db: tx,
    redis: ctx.queues.redis,
    prefix: ctx.queues.prefix,
    routing: ctx.config.routing,
  };
  const assigneeId = team ? await pickAssignee(assigneeOpts, team, agents) : null;
  return {
    status: assigneeId === null ? 'new' : 'assigned',
    priority,
    brand:
      m.brandSentiments.find((b) => b.label === 'neg' && ctx.ownBrands.has(b.brand))?.brand ??
      m.brands[0] ??
      '',
    title: caseTitle(m),
    primaryMentionId: m.id,
    team,
    assigneeId,
    risk,
    categories: m.categories,
    region: m.region,
    clusterId: m.clusterId ?? m.id,
    publishedAt,
    detectedAt: m.crawledAt,
    firstResponseDueAt: firstResponseDueAt(ctx.config.sla, priority, publishedAt, m.crawledAt),
  };
}

function openedEvents(c: NewCase & { id: number }, pc: PlannedCase): NewCaseEvent[] {
  const m = pc.primary;
  const events: NewCaseEvent[] = [
    {
      caseId: c.id,
      ...ROUTE_ACTOR,
      type: 'opened',
      after: { status: c.status, priority: c.priority, team: c.team, assigneeId: c.assigneeId },
      data: {
        mentionId: m.id,
        risk: m.risk,
        detectionLagMs: m.crawledAt.getTime() - m.publishedAt.getTime(),
        firstResponseDueAt: c.firstResponseDueAt.toISOString(),
      },
      dedupeKey: `opened-${c.id}`,
    },
  ];
  if (c.assigneeId !== null && c.assigneeId !== undefined) {
    events.push({
      caseId: c.id,
      ...ROUTE_ACTOR,
      type: 'assign',
      before: { assigneeId: null, status: 'new' },
      after: { assigneeId: c.assigneeId, status: 'assigned', team: c.team },
      dedupeKey: `opened-assign-${c.id}`,
    });
  }
  for (const x of pc.members.slice(1)) {
    events.push({
      caseId: c.id,
      ...ROUTE_ACTOR,
      type: 'mention_added',
      data: { mentionId: x.m.id, reason: x.reason, risk: x.m.risk },
      dedupeKey: `mention-added-${x.m.id}`,
    });
  }
  return events;
}

async function openCases(ctx: StageContext, tx: Db, planned: PlannedCase[]): Promise<CaseChange[]> {
  const agents: AgentCache = new Map();
  const values: NewCase[] = [];
  for (const pc of planned) values.push(await newCaseRow(ctx, tx, pc, agents));
  const rows = new Map((await insertCases(tx, values)).map((c) => [c.primaryMentionId, c]));
  const opened = planned.flatMap((pc) => {
    const c = rows.get(pc.primary.id);
    return c ? [{ c, pc }] : [];
  });
  await addCaseMentions(
    tx,
    opened.flatMap(({ c, pc }) =>
      pc.members.map((x) => ({ caseId: c.id, mentionId: x.m.id, reason: x.reason })),
    ),
  );
  const events = await appendCaseEvents(
    tx,
    opened.flatMap(({ c, pc }) => openedEvents(c, pc)),
  );
  return opened.map(({ c }) => ({ before: null, after: c, events: events.filter((e) => e.caseId === c.id) }));
}

type Joining = { m: MentionRow; reason: JoinReason }[];

/** The case after `added` joined it: risk, priority and the original's time only move one way. */
async function raiseCase(
  ctx: StageContext,
  tx: Db,
  before: CaseRow,
  added: Joining,
): Promise<{ after: CaseRow; events: NewCaseEvent[] }> {
  const caseId = before.id;
  const events: NewCaseEvent[] = added.map((x) => ({
    caseId,
    ...ROUTE_ACTOR,
    type: 'mention_added',
    data: { mentionId: x.m.id, reason: x.reason, risk: x.m.risk },
    dedupeKey: `mention-added-${x.m.id}`,
  }));
  const risk = Math.max(before.risk, ...added.map((x) => x.m.risk ?? 0));
  const priority = higherPriority(before.priority, priorityFromRisk(risk));
  const publishedAt = clockStart(ctx, added, before.publishedAt.getTime());
  let after = before;
  if (
    risk !== before.risk ||
    priority !== before.priority ||
    publishedAt.getTime() !== before.publishedAt.getTime()
  ) {
    // A more urgent priority or an earlier original can only bring the deadline forward.
    const due = Math.min(
      before.firstResponseDueAt.getTime(),
      firstResponseDueAt(ctx.config.sla, priority, publishedAt, before.detectedAt).getTime(),
    );
    after =
      (await updateCase(tx, caseId, { priority, publishedAt, risk, firstResponseDueAt: new Date(due) })) ??
      before;
  }
  if (priority !== before.priority) {
    events.push({
      caseId,
      ...ROUTE_ACTOR,
      type: 'priority',
      before: { priority: before.priority, firstResponseDueAt: before.firstResponseDueAt.toISOString() },
      after: { priority, firstResponseDueAt: after.firstResponseDueAt.toISOString() },
      dedupeKey: `priority-${caseId}-${added[0]?.m.id}`,
    });
  }
  return { after, events };
}

/**
 * Mentions joining open cases: the cases are locked, the mentions attached and the events appended
 * with one statement each for the whole job (a backlog job joins dozens of cases); only a case whose
 * risk, priority or original time moves gets its own update.
 */
async function joinCases(ctx: StageContext, tx: Db, joins: Map<number, Joining>): Promise<CaseChange[]> {
  const befores = await getCasesForUpdate(tx, [...joins.keys()]);
  const attached = await addCaseMentions(
    tx,
    befores.flatMap((c) =>
      (joins.get(c.id) ?? []).map((x) => ({ caseId: c.id, mentionId: x.m.id, reason: x.reason })),
    ),
  );
  const raised: { before: CaseRow; after: CaseRow; planned: NewCaseEvent[] }[] = [];
  for (const before of befores) {
    const added = (joins.get(before.id) ?? []).filter((x) => attached.has(x.m.id));
    if (added.length === 0) continue;
    const { after, events } = await raiseCase(ctx, tx, before, added);
    raised.push({ before, after, planned: events });
  }
  const events = await appendCaseEvents(
    tx,
    raised.flatMap((r) => r.planned),
  );
  return raised.map(({ before, after }) => ({
    before,
    after,
    events: events.filter((e) => e.caseId === before.id),
  }));
}

/** A retry may find cases it opened before crashing: redo their side effects (all idempotent). */
async function replayOpened(ctx: StageContext, caseIds: number[]): Promise<void> {
  const changes: CaseChange[] = [];
  for (const id of caseIds) {
    const c = await getCaseById(ctx.db, id);
    if (!c) continue;
    const events = (await listCaseEvents(ctx.db, id)).filter((e) => e.dedupeKey?.startsWith('opened'));
    changes.push({ before: null, after: c, events });
  }
  await applyCaseEffects(ctx, changes, true);
}

async function routeTx(
  ctx: StageContext,
  tx: Db,
  rows: MentionRow[],
  retry: boolean,
): Promise<{ changes: CaseChange[]; replay: number[] }> {
  await lockAdvisoryKeys(tx, rows.flatMap(routeLockKeys));
  const members = new Map(
    (
      await getCaseMemberships(
        tx,
        rows.map((m) => m.id),
      )
    ).map((x) => [x.mentionId, x]),
  );
  const replay = retry ? [...members.values()].filter((x) => x.primary).map((x) => x.caseId) : [];
  const fresh = rows.filter((m) => !members.has(m.id));
  const plan = planRoute(fresh, await findOpenCasesForMentions(tx, fresh), new Date(openCutoff(ctx)));
  const changes = await openCases(ctx, tx, plan.newCases);
  changes.push(...(await joinCases(ctx, tx, plan.joins)));
  return { changes, replay };
}

/** Process one route job. */
export async function processRoute(
  ctx: StageContext,
  job: Job<MentionIdsJobData>,
): Promise<{ opened: number; joined: number }> {
  const ids = job.data?.mentionIds;
  if (!Array.isArray(ids) || ids.length === 0) throw new ValidationError('route job without mention ids');
  const rows = (await getMentionsByIds(ctx.db, ids)).filter((m) => isRouteCandidate(m, ctx.ownBrands));
  if (rows.length === 0) return { opened: 0, joined: 0 };
  const { changes, replay } = await ctx.db.transaction((tx) =>
    routeTx(ctx, tx, rows, job.attemptsStarted > 1),
  );
  await applyCaseEffects(ctx, changes, true);
  await replayOpened(ctx, replay);
  return {
    opened: changes.filter((c) => c.before === null).length,
    joined: changes.filter((c) => c.before !== null).length,
  };
}
