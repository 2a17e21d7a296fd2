import type { Db } from '../db.ts';
import { mentions } from '../schema/index.ts';
import { idIn } from './id-list-sql.ts';
import type { MentionRow } from './get-mentions-by-ids.ts';

/** What the analyze stage reads of a mention. */
export type MentionForAnalysis = Pick<
  MentionRow,
  | 'id'
  | 'source'
  | 'title'
  | 'text'
  | 'parentExternalId'
  | 'publishedAt'
  | 'crawledAt'
  | 'authorFollowers'
  | 'reposts'
  | 'comments'
  | 'likes'
  | 'analyzedAt'
  | 'brandSentiments'
>;

const columns = {
  id: mentions.id,
  source: mentions.source,
  title: mentions.title,
  text: mentions.text,
  parentExternalId: mentions.parentExternalId,
  publishedAt: mentions.publishedAt,
  crawledAt: mentions.crawledAt,
  authorFollowers: mentions.authorFollowers,
  reposts: mentions.reposts,
  comments: mentions.comments,
  likes: mentions.likes,
  analyzedAt: mentions.analyzedAt,
  brandSentiments: mentions.brandSentiments,
};

/**
 * The analyze stage's view of mentions by id, in ascending id order (missing ids skipped): the
 * columns it reads and no more, since mapping all of a mention's columns for every row of a batch
 * was a large share of the stage's work.
 */
export async function getMentionsForAnalysis(db: Db, ids: readonly number[]): Promise<MentionForAnalysis[]> {
  if (ids.length === 0) return [];
  return db.select(columns).from(mentions).where(idIn(mentions.id, ids)).orderBy(mentions.id);
}
