import { type Db, upsertMentions } from '../store/index.ts';
import type { MentionSink } from './engine/types.ts';

/** A sink that upserts each batch into the mentions table (until the ingest pipeline takes over). */
export function storeSink(db: Db): MentionSink {
  return async (batch) => {
    await upsertMentions(db, batch);
  };
}
