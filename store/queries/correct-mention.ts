import { eq, sql } from 'drizzle-orm';
import { NotFoundError } from '../../core/index.ts';
import type { Db } from '../db.ts';
import { auditLog, mentionCorrections, mentions } from '../schema/index.ts';
import type { SentimentLabel } from './mention-filter-sql.ts';

/** An analyst's correction. At least one field is set. */
export interface MentionCorrection {
  mentionId: number;
  userId: number | null;
  /** Actor for the audit log, e.g. `user:3`. */
  actorType: string;
  actorId: string | null;
  sentiment?: SentimentLabel;
  categories?: string[];
}

type Change = { field: string; before: unknown; after: unknown };

function changesOf(row: { sentiment: string | null; categories: string[] }, c: MentionCorrection): Change[] {
  const out: Change[] = [];
  if (c.sentiment !== undefined) out.push({ field: 'sentiment', before: row.sentiment, after: c.sentiment });
  if (c.categories !== undefined)
    out.push({ field: 'categories', before: row.categories, after: c.categories });
  return out;
}

/**
 * Apply an analyst correction: update the mention (marking it `corrected`), store one
 * mention_corrections row per field as training data, and audit it, in one transaction.
 * Throws NotFoundError for an unknown mention.
 */
export async function correctMention(db: Db, c: MentionCorrection): Promise<Change[]> {
  return await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ sentiment: mentions.sentiment, categories: mentions.categories })
      .from(mentions)
      .where(eq(mentions.id, c.mentionId))
      .for('update');
    if (!row) throw new NotFoundError(`mention ${c.mentionId} does not exist`);
    const changes = changesOf(row, c);
    await tx
      .update(mentions)
      .set({
        corrected: true,
        updatedAt: sql`now()`,
        ...(c.sentiment !== undefined ? { sentiment: c.sentiment } : {}),
        ...(c.categories !== undefined ? { categories: c.categories } : {}),
      })
      .where(eq(mentions.id, c.mentionId));
    for (const ch of changes) {
      await tx.insert(mentionCorrections).values({
        mentionId: c.mentionId,
        userId: c.userId,
        field: ch.field,
        before: ch.before,
        after: ch.after,
      });
    }
    await tx.insert(auditLog).values({
      actorType: c.actorType,
      actorId: c.actorId,
      action: 'mention.correct',
      target: `mention:${c.mentionId}`,
      before: Object.fromEntries(changes.map((ch) => [ch.field, ch.before])),
      after: Object.fromEntries(changes.map((ch) => [ch.field, ch.after])),
    });
    return changes;
  });
}
