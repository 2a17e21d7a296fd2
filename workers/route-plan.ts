import type { JoinReason, MentionRow } from '../store/index.ts';

/**
 * The routing decision for one batch, made in memory after a single database lookup. Mentions are
 * taken in publication order; each joins the open case the database names for it, else a case
 * opened earlier in this batch that it is linked to (repost, cluster, thread author), else opens
 * a case of its own. Links are indexed as mentions are placed, so a copy-paste wave inside one
 * batch lands in one case, exactly as if the mentions were routed one by one.
 */

/** Where a mention goes: a case opened in this batch (by index) or an existing case. */
export type RouteTarget = { kind: 'new'; index: number } | { kind: 'existing'; caseId: number };

/** A case to open: its first mention and every batch mention that joins it (the first included). */
export interface PlannedCase {
  primary: MentionRow;
  members: { m: MentionRow; reason: JoinReason | 'opened' }[];
}

/** The plan of one route job. */
export interface RoutePlan {
  newCases: PlannedCase[];
  /** Existing case id → the mentions joining it. */
  joins: Map<number, { m: MentionRow; reason: JoinReason }[]>;
}

type Keyed = Pick<
  MentionRow,
  'id' | 'source' | 'externalId' | 'clusterId' | 'parentExternalId' | 'threadId' | 'authorId'
>;

/** Keys a placed mention offers to later ones. */
function offeredKeys(m: Keyed): string[] {
  const keys = [`e:${m.source}:${m.externalId}`, `c:${m.clusterId ?? m.id}`];
  if (m.parentExternalId) keys.push(`p:${m.source}:${m.parentExternalId}`);
  if (m.threadId && m.authorId) keys.push(`t:${m.source}:${m.threadId}:${m.authorId}`);
  return keys;
}

/** Keys a mention looks for, strongest link first. */
function wantedKeys(m: Keyed): [string, JoinReason][] {
  const keys: [string, JoinReason][] = [];
  if (m.parentExternalId) keys.push([`e:${m.source}:${m.parentExternalId}`, 'repost']);
  keys.push([`p:${m.source}:${m.externalId}`, 'repost'], [`c:${m.clusterId ?? m.id}`, 'cluster']);
  if (m.threadId && m.authorId) keys.push([`t:${m.source}:${m.threadId}:${m.authorId}`, 'thread_author']);
  return keys;
}

/** Advisory-lock keys of a mention: everything that could link it to a case. */
export function routeLockKeys(m: Keyed): string[] {
  const keys = [`c:${m.clusterId ?? m.id}`, `e:${m.source}:${m.externalId}`];
  if (m.parentExternalId) keys.push(`e:${m.source}:${m.parentExternalId}`);
  if (m.threadId && m.authorId) keys.push(`t:${m.source}:${m.threadId}:${m.authorId}`);
  return keys;
}

/**
 * Plan the batch. `rows` must not contain mentions that belong to a case already. Mentions published
 * before `openCutoff` may join a case but never open one.
 */
export function planRoute(
  rows: readonly MentionRow[],
  found: ReadonlyMap<number, { caseId: number; reason: JoinReason }>,
  openCutoff: Date = new Date(0),
): RoutePlan {
  const plan: RoutePlan = { newCases: [], joins: new Map() };
  const index = new Map<string, RouteTarget>();
  const ordered = [...rows].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime() || a.id - b.id);
  for (const m of ordered) {
    const db = found.get(m.id);
    const local = db ? undefined : wantedKeys(m).find(([k]) => index.has(k));
    let target: RouteTarget;
    if (db) {
      target = { kind: 'existing', caseId: db.caseId };
      plan.joins.set(db.caseId, [...(plan.joins.get(db.caseId) ?? []), { m, reason: db.reason }]);
    } else if (local) {
      target = index.get(local[0]) as RouteTarget;
      if (target.kind === 'existing') plan.joins.get(target.caseId)?.push({ m, reason: local[1] });
      else plan.newCases[target.index]?.members.push({ m, reason: local[1] });
    } else if (m.publishedAt < openCutoff) {
      continue; // history: past any response window
    } else {
      target = { kind: 'new', index: plan.newCases.length };
      plan.newCases.push({ primary: m, members: [{ m, reason: 'opened' }] });
    }
    for (const k of offeredKeys(m)) if (!index.has(k)) index.set(k, target);
  }
  return plan;
}
