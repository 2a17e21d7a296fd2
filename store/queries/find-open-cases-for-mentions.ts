import { sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db.ts';

/** Why a mention joins an existing case. */
export type JoinReason = 'cluster' | 'repost' | 'thread_author';

/** The facts of a mention that decide which open case it joins. */
export interface MentionRoutingKey {
  id: number;
  source: string;
  externalId: string;
  clusterId: number | null;
  parentExternalId: string | null;
  threadId: string | null;
  authorId: string | null;
}

/**
 * For each mention, in one round trip, the open case it belongs with: one holding the mention's
 * parent (it is a repost or reply) or a repost of it, else a mention of the same SimHash cluster,
 * else a mention by the same author in the same thread; ties go to the oldest case. Mentions
 * without one are absent from the map.
 */
export async function findOpenCasesForMentions(
  db: Db,
  keys: readonly MentionRoutingKey[],
): Promise<Map<number, { caseId: number; reason: JoinReason }>> {
  if (keys.length === 0) return new Map();
  const payload = JSON.stringify(
    keys.map((k) => ({
      id: k.id,
      source: k.source,
      externalId: k.externalId,
      clusterId: k.clusterId,
      parentExternalId: k.parentExternalId,
      threadId: k.threadId,
      authorId: k.authorId,
    })),
  );
  // Two simple statements instead of one clever one: with stale statistics during a burst the
  // planner flattened a joined cases lookup into a loop over every open case.
  const candidates = resultRows<{
    mention_id: string | number;
    case_id: string | number;
    rank: number;
    reason: JoinReason;
  }>(
    await db.execute(sql`
      select q.id as mention_id, k.case_id, k.rank, k.reason
      from jsonb_to_recordset(${payload}::jsonb) as q(
        id bigint, source text, "externalId" text, "clusterId" bigint, "parentExternalId" text, "threadId" text, "authorId" text)
      cross join lateral (
        select cm.case_id, 2 as rank, 'cluster' as reason from case_mentions cm
          where q."clusterId" is not null
            and cm.mention_id = any(array(select id from mentions where cluster_id = q."clusterId"))
        union all
        select cm.case_id, 1, 'repost' from case_mentions cm
          where cm.mention_id = any(array(
            select id from mentions where source = q.source and external_id = q."parentExternalId"
            union all
            select id from mentions
              where source = q.source and parent_external_id = q."externalId" and parent_external_id is not null))
        union all
        select cm.case_id, 3, 'thread_author' from case_mentions cm
          where q."threadId" is not null and q."authorId" is not null
            and cm.mention_id = any(array(
              select id from mentions
                where source = q.source and thread_id = q."threadId" and author_id = q."authorId"
                  and thread_id is not null))
      ) k`),
  );
  if (candidates.length === 0) return new Map();
  const caseIds = JSON.stringify([...new Set(candidates.map((c) => Number(c.case_id)))]);
  const open = new Set(
    resultRows<{ id: string | number }>(
      await db.execute(sql`
        select id from cases where id = any(array(select jsonb_array_elements_text(${caseIds}::jsonb)::bigint))
          and merged_into_id is null and status in ('new', 'assigned', 'in_progress', 'responded')`),
    ).map((r) => Number(r.id)),
  );
  const best = new Map<number, { caseId: number; reason: JoinReason; rank: number }>();
  for (const c of candidates) {
    const caseId = Number(c.case_id);
    if (!open.has(caseId)) continue;
    const mentionId = Number(c.mention_id);
    const cur = best.get(mentionId);
    if (!cur || c.rank < cur.rank || (c.rank === cur.rank && caseId < cur.caseId))
      best.set(mentionId, { caseId, reason: c.reason, rank: c.rank });
  }
  return new Map([...best].map(([id, b]) => [id, { caseId: b.caseId, reason: b.reason }]));
}
