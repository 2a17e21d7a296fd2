import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { caseMentions, mentions } from '../schema/index.ts';

/**
 * The mentions of a case, oldest publication first, with why each joined. Internal fields stay out
 * (raw payload, PII hashes, SimHash, tokens): this is what the case view shows.
 */
export async function listCaseMentions(db: Db, caseId: number) {
  const rows = await db
    .select({ reason: caseMentions.reason, addedAt: caseMentions.addedAt, mention: mentions })
    .from(caseMentions)
    .innerJoin(mentions, eq(mentions.id, caseMentions.mentionId))
    .where(eq(caseMentions.caseId, caseId))
    .orderBy(asc(mentions.publishedAt), asc(mentions.id));
  return rows.map((r) => {
    const { raw: _raw, piiHashes: _pii, simhash: _simhash, tokens: _tokens, ...mention } = r.mention;
    return { ...mention, reason: r.reason, addedAt: r.addedAt };
  });
}
