import {
  CASE_WORKER_ROLES,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../core/index.ts';
import { type CaseRow, type CaseStatus, type Db, getUsersByIds } from '../store/index.ts';
import { ACTIVE_STATUSES, isReopen, planTransition } from './case-lifecycle.ts';
import { mergeCases } from './case-merge.ts';
import { type MutationPlan, mutateCase } from './case-mutate.ts';
import { type CaseView, getCaseView, suggestCaseTemplates } from './case-view.ts';
import type { CaseDeps } from './context.ts';
import type { SuggestedTemplate } from './templates.ts';
import type { Actor, CaseEventMessage } from './types.ts';

/** A public response as recorded by an agent (sending it to the platform is out of scope). */
export interface ResponseInput {
  /** Where it was posted: `weibo_reply`, `private_message`, `phone`… */
  channel: string;
  text: string;
  url?: string;
}

/** The outcome of one case in a bulk action. */
export type BulkResult =
  | { caseId: number; ok: true; case: CaseRow }
  | { caseId: number; ok: false; error: { name: string; message: string } };

/** Case actions for the API and the dashboard; works without any BullMQ worker running. */
export interface CaseService {
  assign(caseId: number, assigneeId: number | null, actor: Actor): Promise<CaseRow>;
  /** The acting user takes the case and starts work on it. */
  claim(caseId: number, actor: Actor): Promise<CaseRow>;
  transition(caseId: number, to: CaseStatus, actor: Actor, note?: string): Promise<CaseRow>;
  comment(caseId: number, text: string, actor: Actor): Promise<CaseRow>;
  /** Record a response; the first one stops the SLA clock. */
  recordResponse(caseId: number, response: ResponseInput, actor: Actor): Promise<CaseRow>;
  /** Move the source's mentions into the target and close the source. */
  merge(sourceCaseId: number, targetCaseId: number, actor: Actor): Promise<CaseRow>;
  /** Reopen a resolved or closed case. Default target: assigned when it has an assignee, else in_progress. */
  reopen(caseId: number, actor: Actor, to?: 'in_progress' | 'assigned', note?: string): Promise<CaseRow>;
  bulkAssign(caseIds: number[], assigneeId: number | null, actor: Actor): Promise<BulkResult[]>;
  /** {@link CaseService.claim} for each case: a case someone else holds fails instead of being taken over. */
  bulkClaim(caseIds: number[], actor: Actor): Promise<BulkResult[]>;
  bulkTransition(caseIds: number[], to: CaseStatus, actor: Actor, note?: string): Promise<BulkResult[]>;
  /** The case with its mentions, timeline and SLA figures. */
  getCase(caseId: number): Promise<CaseView>;
  suggestTemplates(caseId: number): Promise<SuggestedTemplate[]>;
  /** Case events as they happen, from every process on this Redis (for SSE). */
  subscribeCaseEvents(handler: (msg: CaseEventMessage) => void): Promise<() => Promise<void>>;
}

const MAX_TEXT = 5_000;

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim())
    throw new ValidationError(`${field} must not be empty`, [{ path: field, message: 'required' }]);
  if (value.length > MAX_TEXT)
    throw new ValidationError(`${field} is longer than ${MAX_TEXT} characters`, [
      { path: field, message: 'too long' },
    ]);
  return value.trim();
}

async function requireAssignee(db: Db, id: number): Promise<{ id: number; team: string | null }> {
  const [u] = await getUsersByIds(db, [id]);
  if (!u) throw new NotFoundError(`user ${id} not found`);
  if (u.disabled) throw new ConflictError(`user ${u.username} is disabled`);
  if (!(CASE_WORKER_ROLES as readonly string[]).includes(u.role))
    throw new ConflictError(`user ${u.username} (${u.role}) does not work cases`);
  return u;
}

function assignPlan(c: CaseRow, user: { id: number; team: string | null } | null): MutationPlan | null {
  const assigneeId = user?.id ?? null;
  if (c.assigneeId === assigneeId) return null;
  let status = c.status;
  if (assigneeId !== null && status === 'new') status = 'assigned';
  if (assigneeId === null && status === 'assigned') status = 'new';
  return {
    patch: { assigneeId, status, ...(c.team === null && user?.team ? { team: user.team } : {}) },
    events: [
      {
        type: 'assign',
        before: { assigneeId: c.assigneeId, status: c.status },
        after: { assigneeId, status },
      },
    ],
  };
}

function responsePlan(c: CaseRow, r: ResponseInput): MutationPlan {
  if (!ACTIVE_STATUSES.includes(c.status))
    throw new ConflictError(`case ${c.id} is ${c.status}; reopen it before recording a response`);
  const now = new Date();
  const first = c.firstRespondedAt === null;
  const status: CaseStatus = 'responded';
  const data = {
    channel: requireText(r.channel, 'channel'),
    text: requireText(r.text, 'text'),
    url: r.url ?? null,
    first,
    ...(first
      ? { responseMs: now.getTime() - c.publishedAt.getTime(), withinSla: now <= c.firstResponseDueAt }
      : {}),
  };
  return {
    patch: { status, ...(first ? { firstRespondedAt: now } : {}) },
    events: [{ type: 'response', before: { status: c.status }, after: { status }, data }],
  };
}

function userId(actor: Actor): number {
  const id = Number(actor.id);
  if (actor.type !== 'user' || !Number.isInteger(id))
    throw new ForbiddenError('only a signed-in user can claim a case');
  return id;
}

async function bulk(ids: number[], run: (id: number) => Promise<CaseRow>): Promise<BulkResult[]> {
  const out: BulkResult[] = [];
  for (const caseId of ids) {
    try {
      out.push({ caseId, ok: true, case: await run(caseId) });
    } catch (err) {
      const e = err as Error;
      out.push({ caseId, ok: false, error: { name: e.name, message: e.message } });
    }
  }
  return out;
}

function transitionPlan(c: CaseRow, to: CaseStatus, note?: string): MutationPlan {
  const patch = planTransition(c, to, new Date());
  const data = {
    ...(note ? { note: requireText(note, 'note') } : {}),
    ...(isReopen(c.status, to) ? { reopen: true } : {}),
  };
  return { patch, events: [{ type: 'status', before: { status: c.status }, after: { status: to }, data }] };
}

function claimPlan(c: CaseRow, user: { id: number; team: string | null }): MutationPlan {
  if (c.assigneeId !== null && c.assigneeId !== user.id) {
    throw new ConflictError(`case ${c.id} is assigned to user ${c.assigneeId}`);
  }
  if (c.status !== 'new' && c.status !== 'assigned') {
    throw new ConflictError(`case ${c.id} is ${c.status}; only new or assigned cases can be claimed`);
  }
  return {
    patch: {
      assigneeId: user.id,
      status: 'in_progress',
      ...(c.team === null && user.team ? { team: user.team } : {}),
    },
    events: [
      {
        type: 'assign',
        before: { assigneeId: c.assigneeId, status: c.status },
        after: { assigneeId: user.id, status: 'in_progress' },
        data: { claim: true },
      },
    ],
  };
}

function reopenPlan(c: CaseRow, to?: 'in_progress' | 'assigned', note?: string): MutationPlan {
  if (c.status !== 'resolved' && c.status !== 'closed') {
    throw new ConflictError(`case ${c.id} is ${c.status}; only resolved or closed cases reopen`);
  }
  return transitionPlan(c, to ?? (c.assigneeId === null ? 'in_progress' : 'assigned'), note);
}

/** Create the case service. */
export function createCaseService(deps: CaseDeps): CaseService {
  const transition = (caseId: number, to: CaseStatus, actor: Actor, note?: string) =>
    mutateCase(deps, caseId, actor, (c) => transitionPlan(c, to, note));
  const assign = async (caseId: number, assigneeId: number | null, actor: Actor) => {
    const user = assigneeId === null ? null : await requireAssignee(deps.db, assigneeId);
    return mutateCase(deps, caseId, actor, (c) => assignPlan(c, user));
  };
  const claim = async (caseId: number, actor: Actor) => {
    const user = await requireAssignee(deps.db, userId(actor));
    return mutateCase(deps, caseId, actor, (c) => claimPlan(c, user));
  };
  return {
    assign,
    claim,
    transition,
    comment: (caseId, text, actor) =>
      mutateCase(deps, caseId, actor, () => ({
        patch: {},
        events: [{ type: 'comment', data: { text: requireText(text, 'text') } }],
      })),
    recordResponse: (caseId, response, actor) =>
      mutateCase(deps, caseId, actor, (c) => responsePlan(c, response)),
    merge: (source, target, actor) => mergeCases(deps, source, target, actor),
    reopen: (caseId, actor, to, note) => mutateCase(deps, caseId, actor, (c) => reopenPlan(c, to, note)),
    bulkAssign: (ids, assigneeId, actor) => bulk(ids, (id) => assign(id, assigneeId, actor)),
    bulkClaim: (ids, actor) => bulk(ids, (id) => claim(id, actor)),
    bulkTransition: (ids, to, actor, note) => bulk(ids, (id) => transition(id, to, actor, note)),
    getCase: (caseId) => getCaseView(deps, caseId),
    suggestTemplates: (caseId) => suggestCaseTemplates(deps, caseId),
    subscribeCaseEvents: (handler) => deps.queues.subscribeCaseEvents(handler),
  };
}
