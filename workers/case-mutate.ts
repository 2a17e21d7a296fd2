import { NotFoundError } from '../core/index.ts';
import {
  appendCaseEvent,
  type CaseEventRow,
  type CasePatch,
  type CaseRow,
  type Db,
  getCaseForUpdate,
  type NewCaseEvent,
  updateCase,
} from '../store/index.ts';
import { applyCaseEffects } from './case-effects.ts';
import { assertNotMerged } from './case-lifecycle.ts';
import type { CaseDeps } from './context.ts';
import type { Actor } from './types.ts';

/** An event to append, without the case and actor (the mutation adds them). */
export type PlannedEvent = Omit<NewCaseEvent, 'caseId' | 'actorType' | 'actorId'>;

/** What an action decides, given the locked case: fields to set and events to append. */
export interface MutationPlan {
  patch: CasePatch;
  events: PlannedEvent[];
}

/** Append planned events with the actor. */
export async function appendEvents(
  tx: Db,
  caseId: number,
  actor: Actor,
  events: PlannedEvent[],
): Promise<CaseEventRow[]> {
  const rows: CaseEventRow[] = [];
  for (const e of events) {
    const row = await appendCaseEvent(tx, { ...e, caseId, actorType: actor.type, actorId: actor.id });
    if (row) rows.push(row);
  }
  return rows;
}

/** Lock a case for the transaction or throw NotFoundError. */
export async function lockCase(tx: Db, caseId: number): Promise<CaseRow> {
  const c = await getCaseForUpdate(tx, caseId);
  if (!c) throw new NotFoundError(`case ${caseId} not found`);
  return c;
}

/**
 * Run one case action: lock the row (merged cases refuse every action), let `plan` decide (it throws to refuse), update the row and
 * append the events in the same transaction, then run the side effects (timers, SSE, notifications).
 * A plan with no events changes nothing.
 */
export async function mutateCase(
  deps: CaseDeps,
  caseId: number,
  actor: Actor,
  plan: (c: CaseRow, tx: Db) => Promise<MutationPlan | null> | MutationPlan | null,
): Promise<CaseRow> {
  const change = await deps.db.transaction(async (tx) => {
    const before = await lockCase(tx, caseId);
    assertNotMerged(before);
    const p = await plan(before, tx);
    if (!p || p.events.length === 0) return { before, after: before, events: [] as CaseEventRow[] };
    const after = (await updateCase(tx, caseId, p.patch)) ?? before;
    return { before, after, events: await appendEvents(tx, caseId, actor, p.events) };
  });
  if (change.events.length) await applyCaseEffects(deps, change);
  return change.after;
}
