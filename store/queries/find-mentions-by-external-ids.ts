import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';

/** The identity and cluster of a mention found by its natural key. */
export interface MentionRef {
  id: number;
  source: string;
  externalId: string;
  clusterId: number | null;
}

/** Mentions by natural key `(source, externalId)`, e.g. the parents of reposts. */
export async function findMentionsByExternalIds(
  db: Db,
  keys: readonly { source: string; externalId: string }[],
): Promise<MentionRef[]> {
  if (keys.length === 0) return [];
  const bySource = new Map<string, string[]>();
  for (const k of keys) bySource.set(k.source, [...(bySource.get(k.source) ?? []), k.externalId]);
  return db
    .select({
      id: mentions.id,
      source: mentions.source,
      externalId: mentions.externalId,
      clusterId: mentions.clusterId,
    })
    .from(mentions)
    .where(
      or(...[...bySource].map(([s, ids]) => and(eq(mentions.source, s), inArray(mentions.externalId, ids)))),
    );
}
