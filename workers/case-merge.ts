import { ConflictError, ValidationError } from '../core/index.ts';
import { type CaseRow, type Db, moveCaseMentions, updateCase } from '../store/index.ts';
import { applyCaseEffects, type CaseChange } from './case-effects.ts';
import { ACTIVE_STATUSES, assertNotMerged } from './case-lifecycle.ts';
import { appendEvents, lockCase } from './case-mutate.ts';
import type { CaseDeps } from './context.ts';
import { higherPriority } from './sla-policy.ts';
import type { Actor } from './types.ts';

/**
 * Merge: the source's mentions move to the target, the source closes with `merged_into_id`, and the
 * target takes the more urgent priority, the earlier publication and the earlier deadline. Both rows
 * are locked in id order (no deadlock with a merge the other way). The source's timers are
 * cancelled; the target's move if its deadline did.
 */

function targetPatch(source: CaseRow, target: CaseRow) {
  const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);
  return {
    priority: higherPriority(target.priority, source.priority),
    risk: Math.max(target.risk, source.risk),
    publishedAt: earlier(target.publishedAt, source.publishedAt),
    firstResponseDueAt: earlier(target.firstResponseDueAt, source.firstResponseDueAt),
    categories: [...new Set([...target.categories, ...source.categories])],
  };
}

async function mergeTx(
  tx: Db,
  sourceId: number,
  targetId: number,
  actor: Actor,
): Promise<[CaseChange, CaseChange]> {
  const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
  const a = await lockCase(tx, first);
  const b = await lockCase(tx, second);
  const [source, target] = a.id === sourceId ? [a, b] : [b, a];
  assertNotMerged(source);
  assertNotMerged(target);
  if (!ACTIVE_STATUSES.includes(target.status))
    throw new ConflictError(`target case ${target.id} is ${target.status}; reopen it before merging into it`);
  const moved = await moveCaseMentions(tx, source.id, target.id);
  const now = new Date();
  const sourceAfter =
    (await updateCase(tx, source.id, { mergedIntoId: target.id, status: 'closed', closedAt: now })) ?? source;
  const targetAfter = (await updateCase(tx, target.id, targetPatch(source, target))) ?? target;
  const sourceEvents = await appendEvents(tx, source.id, actor, [
    {
      type: 'merge',
      before: { status: source.status },
      after: { status: 'closed', mergedIntoId: target.id },
      data: { into: target.id, mentions: moved },
    },
  ]);
  const targetEvents = await appendEvents(tx, target.id, actor, [
    {
      type: 'merge',
      before: { priority: target.priority, firstResponseDueAt: target.firstResponseDueAt.toISOString() },
      after: {
        priority: targetAfter.priority,
        firstResponseDueAt: targetAfter.firstResponseDueAt.toISOString(),
      },
      data: { from: source.id, mentions: moved },
    },
  ]);
  return [
    { before: source, after: sourceAfter, events: sourceEvents },
    { before: target, after: targetAfter, events: targetEvents },
  ];
}

/** Merge `sourceId` into `targetId`; returns the target. */
export async function mergeCases(
  deps: CaseDeps,
  sourceId: number,
  targetId: number,
  actor: Actor,
): Promise<CaseRow> {
  if (sourceId === targetId) throw new ValidationError('a case cannot be merged into itself');
  const changes = await deps.db.transaction((tx) => mergeTx(tx, sourceId, targetId, actor));
  for (const change of changes) await applyCaseEffects(deps, change);
  return changes[1].after;
}
